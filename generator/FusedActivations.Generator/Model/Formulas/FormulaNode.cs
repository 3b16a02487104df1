namespace FusedActivations.Generator.Model.Formulas;

/// <summary>
/// A node of an element formula, the engine's IR for <c>[Fused]</c> and <c>[FusedGradient]</c>: what the parser lowers
/// a C# formula method into, what the derivative rules transform and what the fused emitter lowers onto the
/// <c>FormulaBuilder</c>. Records with value equality and no symbols, syntax or locations, so the incremental pipeline
/// caches them. Every node computes in the formula's element type (<see cref="FormulaSpec.Element"/>).
/// </summary>
internal abstract record FormulaNode;

/// <summary>The formula's parameter <paramref name="Index"/> (0-based, in the formula method's order).</summary>
internal sealed record ParameterNode(int Index) : FormulaNode;

/// <summary>The formula's local <paramref name="Index"/> (<see cref="FormulaSpec.Locals"/>), computed once and reused.</summary>
internal sealed record LocalNode(int Index) : FormulaNode;

/// <summary>
/// A constant: a literal or a <c>const</c>, folded as C# folds it, its value exactly the element type's (a float
/// formula's <c>0.1f</c> is <c>(double)0.1f</c>; an integer is converted as C# converts it, <c>16777217</c> to
/// 16777216 in a float formula). Caution: record equality (<c>double.Equals</c>) takes 0 and -0 as equal, so a formula
/// that changes only there compares equal to the old one unless its <see cref="FormulaSpec.Display"/> differs (it does
/// for a literal, not for a <c>const</c> declared elsewhere).
/// </summary>
internal sealed record LiteralNode(double Value) : FormulaNode;

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(FormulaNode Operand) : FormulaNode;

/// <summary>The four operators of C#, each rounded once in the element type (no contraction into FMA).</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary><c>Left op Right</c>.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, FormulaNode Left, FormulaNode Right) : FormulaNode;

/// <summary>The comparisons of C#, with its NaN semantics (every comparison with NaN is false, but <c>!=</c>).</summary>
internal enum Comparison
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
}

/// <summary><c>Left cmp Right ? WhenTrue : WhenFalse</c>: both branches are computed, and the comparison picks per element.</summary>
internal sealed record ConditionalNode(Comparison Comparison, FormulaNode Left, FormulaNode Right, FormulaNode WhenTrue, FormulaNode WhenFalse) : FormulaNode;

/// <summary>
/// The math functions a formula may call (as <c>Math</c>/<c>MathF</c> or <c>FusedMath</c> spell them), and the ones
/// only derivative rules produce (<see cref="NormalCdf"/>, <see cref="NormalPdf"/>): the emitter implements each on
/// every path within a documented bound.
/// </summary>
internal enum MathFunction
{
    /// <summary><c>Math.Abs</c>: clears the sign bit.</summary>
    Abs,

    /// <summary><c>Math.Min(a, b)</c>: IEEE 754-2019 minimum, as .NET: NaN if either is NaN, -0 below +0.</summary>
    Min,

    /// <summary><c>Math.Max(a, b)</c>: IEEE 754-2019 maximum, as .NET: NaN if either is NaN, +0 above -0.</summary>
    Max,

    /// <summary><c>Math.Clamp(value, min, max)</c>: <c>value &lt; min ? min : value &gt; max ? max : value</c> (NaN stays NaN).</summary>
    Clamp,

    /// <summary><c>Math.Exp</c>/<c>MathF.Exp</c>.</summary>
    Exp,

    /// <summary><c>Math.Log</c>/<c>MathF.Log</c> (one argument).</summary>
    Log,

    /// <summary><c>Math.Sqrt</c>/<c>MathF.Sqrt</c>: correctly rounded.</summary>
    Sqrt,

    /// <summary><c>Math.FusedMultiplyAdd(a, b, c)</c>: a * b + c rounded once.</summary>
    FusedMultiplyAdd,

    /// <summary><c>FusedMath.Log1P</c>: log(1 + x).</summary>
    Log1P,

    /// <summary><c>FusedMath.ExpM1</c>: e^x - 1.</summary>
    ExpM1,

    /// <summary>Derivative rules only: the standard normal distribution function Phi(x).</summary>
    NormalCdf,

    /// <summary>Derivative rules only: the standard normal density phi(x) = exp(-x^2/2) / sqrt(2 pi).</summary>
    NormalPdf,
}

/// <summary>A call of a math function.</summary>
internal sealed record MathNode(MathFunction Function, EquatableArray<FormulaNode> Arguments) : FormulaNode;

/// <summary>
/// A call of a <c>FusedMath</c> activation (or <c>Math.Tanh</c>), its arguments folded into <paramref name="Activation"/>
/// exactly as the activation's attribute would have them, so the kernel is the attribute's kernel's formula.
/// </summary>
internal sealed record ActivationNode(ActivationSpec Activation, FormulaNode Argument) : FormulaNode;

/// <summary>
/// <paramref name="Body"/>, whose <see cref="ParameterNode"/> 0 is <paramref name="Argument"/>, computed in double and
/// rounded to the element type once (in double formulas: computed as written). Derivative rules wrap their bodies in
/// it, so that a float gradient's derivative factor is within half an ULP however many operations its rule has.
/// </summary>
internal sealed record WidenedNode(FormulaNode Body, FormulaNode Argument) : FormulaNode;
