using System;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Gelu;

/// <summary>The derivative rules of both GELUs, in the forms that keep their precision where PyTorch's formulas lose it.</summary>
internal static class GeluDerivatives
{
    /// <summary>
    /// Beyond |x| = 40, phi(x) is 0 and Phi(x) is 0 or 1 in both types: x is clamped there, so that
    /// ±infinity gives the limits 1 and 0 instead of infinity * 0.
    /// </summary>
    private const double ErfBound = 40;

    /// <summary>
    /// Beyond |x| = 30, the tanh form's 2u exceeds 2000 in magnitude: sigmoid(±2u) is 0 or 1 in both types, so gelu'
    /// is 1 or 0 and x is clamped there (gelu(+infinity) * sigmoid(-infinity) would be NaN).
    /// </summary>
    private const double TanhBound = 30;

    /// <summary>Below |x| = 2^-60, sigmoid(2u) is 1/2 to within 2^-61: both types round it to 1/2.</summary>
    private static readonly double TinyX = Math.Pow(2, -60);

    /// <summary>
    /// gelu'(x) = Phi(x) + x phi(x), rounded once (a fused multiply-add of the derivative-only NormalCdf and
    /// NormalPdf). PyTorch's gelu_backward computes the same sum as <c>cdf + x * pdf</c> with
    /// <c>cdf = 0.5 (1 + erf(x / sqrt 2))</c>, which has no relative precision left for x below about -4 (1 + erf
    /// cancels); ours follows Phi into its tail. ±infinity give 1 and 0 where PyTorch's formula gives NaN.
    /// Its zero near x = -0.75 cancels in the sum.
    /// </summary>
    public static FormulaNode Erf(FormulaNode x)
    {
        FormulaNode xc = Clamp(x, Lit(-ErfBound), Lit(ErfBound));
        return Fma(xc, NormalPdf(xc), NormalCdf(xc));
    }

    /// <summary>
    /// PyTorch's tanh approximation: gelu(x) = x sigmoid(2u), 2u = 2 kBeta (x + kKappa x^3), so
    /// gelu'(x) = sigmoid(2u) + gelu(x) sigmoid(-2u) 2u', 2u' = 2 kBeta (1 + 3 kKappa x^2): the same value as PyTorch's
    /// <c>0.5 (1 + tanh u) + 0.5 x (1 - tanh^2 u) kBeta (1 + 3 kKappa x^2)</c>, whose 1 + tanh and 1 - tanh^2 cancel
    /// (PyTorch's float result is 0 below about x = -5 and loses precision long before). Here 2u is rounded a few
    /// times, and sigmoid's sensitivity to it would cost ULPs where sigmoid(2u) is small (x well below 0); so the terms
    /// that dominate there come from the accurate activation: gelu(x) itself, and sigmoid(2u) = gelu(x) / x (1/2 for
    /// tiny x). sigmoid(-2u) matters only where it is large, or where its term is small next to 1 (x &gt; 0). 2u' is
    /// the dominant term's other factor: x^2 (as x^2 + its exact error) and the constant 6 kBeta kKappa (as a rounded
    /// value + its error) are taken with their small parts added into 2 kBeta first, so 2u' is rounded about once.
    /// The constants are PyTorch's, rounded to the element type as in the forward kernel. Its zero near x = -0.75
    /// cancels in the sum.
    /// </summary>
    public static FormulaNode Tanh(FormulaNode x, ElementInfo element)
    {
        double kBeta = element.Round(GeluTanhFormula.KBeta);
        double kappa = element.Round(GeluTanhFormula.KKappa);
        double twoKBeta = 2 * kBeta;
        double slope = twoKBeta * 3 * kappa;
        double slopeHi = element.Round(slope);
        double slopeLo = element.Round(slope - slopeHi);
        FormulaNode xc = Clamp(x, Lit(-TanhBound), Lit(TanhBound));
        FormulaNode square = Mul(xc, xc);
        FormulaNode squareError = Fma(xc, xc, Neg(square));
        FormulaNode twoU = Mul(Lit(twoKBeta), Fma(Mul(Lit(kappa), square), xc, xc));
        FormulaNode smallParts = Fma(Lit(slopeHi), squareError, Fma(Lit(slopeLo), square, Lit(twoKBeta)));
        FormulaNode twoUPrime = Fma(Lit(slopeHi), square, smallParts);
        FormulaNode gelu = GeluTanhOf(xc);
        FormulaNode sigmoid = If(LessThan(Abs(xc), Lit(TinyX)), Lit(0.5), Div(gelu, xc));
        return Fma(gelu, Mul(SigmoidOf(Neg(twoU)), twoUPrime), sigmoid);
    }
}
