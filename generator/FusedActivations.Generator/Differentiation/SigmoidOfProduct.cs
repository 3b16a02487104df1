using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// sigmoid(beta x) for derivative rules (Softplus, SiLU), with beta rounded to the element type as the forward kernel
/// rounds it. The product <c>z = beta * x</c> is rounded, and sigmoid's relative sensitivity to its argument is
/// <c>|z| sigmoid(-z)</c>: for z = -80 the rounding of z alone would cost about 40 ULP. So unless beta is a power of two
/// (z exact), the lost part <c>zl = beta x - z</c> (exact, by a fused multiply-add) is added back to first order:
/// <c>sigmoid(z + zl) = s + zl s (1 - s)</c>, s = sigmoid(z); the second-order term is below 2^-48 relative, and
/// <c>1 - s</c>'s cancellation for large z is harmless there (the correction is then far below an ULP of s).
/// </summary>
internal static class SigmoidOfProduct
{
    /// <summary>
    /// The arguments at which sigmoid(beta x) has reached 0 or 1 in the element type (e^-120 is below half of float's
    /// smallest subnormal, e^-800 below double's), for rules that clamp x to keep 0 * infinity out.
    /// </summary>
    public static double SaturationOf(ElementInfo element) => element.Type == ElementType.Single ? 120 : 800;

    /// <summary>
    /// x clamped to [-L/beta, L/beta] with L = <see cref="SaturationOf"/>: sigmoid(beta x) and sigmoid(-beta x) are
    /// already 0 or 1 there, so nothing changes but that every product stays finite (NaN stays NaN).
    /// </summary>
    public static FormulaNode Saturated(double beta, FormulaNode x, ElementInfo element)
    {
        double bound = element.Round(SaturationOf(element) / element.Round(beta));
        return Clamp(x, Lit(-bound), Lit(bound));
    }

    /// <summary><c>beta * x</c> rounded (just x for beta 1).</summary>
    public static FormulaNode Product(double beta, FormulaNode x, ElementInfo element)
    {
        double b = element.Round(beta);
        return b == 1 ? x : Mul(Lit(b), x);
    }

    /// <summary>
    /// <c>beta x - fl(beta x)</c>, exact (a fused multiply-add), or null when beta is a power of two (the product is
    /// exact). x must be finite (<see cref="Saturated"/>): at infinite x it is NaN or infinite.
    /// </summary>
    public static FormulaNode? ProductError(double beta, FormulaNode x, ElementInfo element)
    {
        double b = element.Round(beta);
        return ElementInfo.IsPowerOfTwo(b) ? null : Fma(Lit(b), x, Neg(Product(beta, x, element)));
    }

    /// <summary>
    /// sigmoid(beta x), to the sigmoid's own accuracy plus about 2^-48 relative. For beta not a power of two, x must
    /// be finite (<see cref="Saturated"/>).
    /// </summary>
    public static FormulaNode Of(double beta, FormulaNode x, ElementInfo element)
    {
        FormulaNode s = SigmoidOf(Product(beta, x, element));
        return ProductError(beta, x, element) is { } zl ? Fma(zl, Mul(s, Sub(Lit(1), s)), s) : s;
    }
}
