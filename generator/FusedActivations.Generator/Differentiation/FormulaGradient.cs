using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// Derives the gradient formula of a forward formula symbolically (chain rule over <see cref="FormulaNode"/>s; the
/// activations' rules are their <c>Activation.Derivative</c> slots).
/// </summary>
internal static class FormulaGradient
{
    /// <summary>
    /// The gradient formula of <paramref name="forward"/>: its parameters are the forward parameters followed by one
    /// output gradient per forward result (named <c>grad0</c>, <c>grad1</c>, ... unless a name is free); its results, one
    /// per forward parameter whose kind is not <see cref="StreamKind.Scalar"/>, in order, are
    /// <c>sum over k of grad_k * dF_k/dparameter</c>, per element. Null when a function in the formula has no derivative rule yet.
    /// </summary>
    public static FormulaSpec? Derive(FormulaSpec forward, IReadOnlyList<StreamKind> kinds) => null;
}
