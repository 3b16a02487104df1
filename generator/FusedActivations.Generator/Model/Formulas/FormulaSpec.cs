namespace FusedActivations.Generator.Model.Formulas;

/// <summary>
/// An element formula: one value per output from the values of its parameters, all of <see cref="Element"/>.
/// </summary>
/// <param name="Element">float or double: every parameter, local and result has this type.</param>
/// <param name="Parameters">The formula method's parameter names, in order, as code spells them (<c>@in</c>) (for the generated code's comments).</param>
/// <param name="Locals">Values computed once and used by later locals and results (<see cref="LocalNode"/>); a local refers only to parameters and earlier locals.</param>
/// <param name="Results">One per output: the returned value, or a returned tuple's elements in order.</param>
/// <param name="Display">
/// The formula as one line of C#, e.g. <c>FusedMath.Softplus(raw + bias, 2f) + 1e-6f</c>, for documentation: the
/// expression of an expression body, or a block's statements without the braces; comments left out. Not escaped for XML.
/// </param>
/// <param name="Precision">How its activation calls are computed: <c>[Fused(Precision = ...)]</c>, Accurate by default.</param>
internal sealed record FormulaSpec(
    ElementType Element,
    EquatableArray<string> Parameters,
    EquatableArray<FormulaNode> Locals,
    EquatableArray<FormulaNode> Results,
    string Display,
    KernelPrecision Precision = KernelPrecision.Accurate);
