using System;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.TestSupport;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// Reference derivatives by central finite differences of the double-double references (independent of the rules
/// under test), with one Richardson step: <c>D(h) = (f(x + h) - f(x - h)) / 2h</c> and <c>(4 D(h) - D(2h)) / 3</c>,
/// h = 2^-20 s for the function's scale s at x (1, or |x| where the function is singular at 0). The truncation error
/// is then about h^4 |f^(5) / f'|, near 2^-80, and the references' rounding (about 2^-100 relative) costs about
/// 2^-80 |f / (s f')|. Where f' is tiny next to f (sigmoid for large x, where f is nearly 1), f is replaced by f
/// minus that constant, computed without cancellation from an identity (1 - sigmoid(x) = sigmoid(-x)). So the result
/// is good to about 2^-70 relative wherever f' is a normal double above 2^-900 (below, the double-doubles' low parts
/// are subnormal): enough to measure float errors to 2^-40 ULP and double errors to 2^-15 ULP.
/// </summary>
internal static class ExactDerivative
{
    /// <summary>
    /// The derivative of <paramref name="f"/> at <paramref name="x"/> for a function of scale <paramref name="scale"/>
    /// there (x not within 2^-18 scale of a kink).
    /// </summary>
    public static DoubleDouble Of(Func<double, DoubleDouble> f, double x, double scale)
    {
        double h = Math.ScaleB(1.0, Math.ILogB(scale) - 20);
        return (4.0 * Central(f, x, h) - Central(f, x, 2 * h)) / 3.0;
    }

    private static DoubleDouble Central(Func<double, DoubleDouble> f, double x, double h)
    {
        // x ± h as doubles; the width is their exact difference, and the centre moves by at most half an ULP of h.
        double xp = x + h;
        double xm = x - h;
        return (f(xp) - f(xm)) / DoubleDouble.FromSum(xp, -xm);
    }

    /// <summary>
    /// The exact derivative of an activation at <paramref name="x"/>, with its arguments rounded to the element type
    /// as the forward kernel rounds them.
    /// </summary>
    public static DoubleDouble OfActivation(ActivationSpec spec, ElementType element, double x) =>
        Of(ActivationForDifferences(spec, element, x), x, spec is InverseSoftplusSpec ? Math.Abs(x) : 1);

    /// <summary>The exact derivative of a one-argument math function at <paramref name="x"/>.</summary>
    public static DoubleDouble OfMath(MathFunction function, double x) => Of(
        MathForDifferences(function, x),
        x,
        function switch
        {
            MathFunction.Log or MathFunction.Sqrt => Math.Abs(x),
            MathFunction.Log1P => Math.Abs(1 + x),

            // phi'(x) = -x phi(x) vanishes at 0: h must be small next to |x| there, so that x ± h are exact and the
            // difference is centred on x itself.
            MathFunction.NormalPdf => Math.Min(1, Math.Abs(x)),
            _ => 1,
        });

    private static double Round(double value, ElementType element) => element == ElementType.Single ? (float)value : value;

    /// <summary>The activation (or the activation minus a constant, on x's side) as a double-double function.</summary>
    private static Func<double, DoubleDouble> ActivationForDifferences(ActivationSpec spec, ElementType element, double at)
    {
        switch (spec)
        {
            case SoftplusSpec s:
                // Away from the threshold (the caller's points avoid it) the cut-off is x itself: slope 1.
                double beta = Round(s.Beta, element);
                double threshold = Round(s.Threshold, element);
                return x => Round(beta * at, element) > threshold ? x : Reference.Softplus(x, beta, double.PositiveInfinity);
            case SiluSpec s:
                return x => Reference.Silu(x, Round(s.Beta, element));
            case EluSpec s:
                double alpha = Round(s.Alpha, element);
                return at <= 0 ? x => DoubleDoubleMath.Exp(x) * alpha : x => x;
            case LeakyReluSpec s:
                double slope = Round(s.NegativeSlope, element);
                return at <= 0 ? x => DoubleDouble.FromProduct(x, slope) : x => x;
            case InverseSoftplusSpec s:
                return x => Reference.InverseSoftplus(x, Round(s.Beta, element));
            case GeluSpec { TanhApproximation: true }:
                return x => GeluTanh(x, element);
            case GeluSpec:
                return x => Reference.Gelu(x);
        }

        switch (spec.Name)
        {
            case "Sigmoid":
                // sigmoid(x) - 1 = -sigmoid(-x) for x > 0.
                return at > 0 ? x => -Reference.Sigmoid(-x) : x => Reference.Sigmoid(x);
            case "Tanh":
                // tanh(x) -+ 1 = ∓2 sigmoid(∓2x) away from 0.
                return at > 1 ? x => -2.0 * Reference.Sigmoid(-2.0 * x)
                    : at < -1 ? x => 2.0 * Reference.Sigmoid(2.0 * x)
                    : x => Reference.Tanh(x);
            case "Mish":
                return x => Reference.Mish(x);
            case "LogSigmoid":
                return x => Reference.LogSigmoid(x);
            case "Relu":
                return at <= 0 ? _ => DoubleDouble.Zero : x => x;
            case "HardSwish":
                return x => Reference.HardSwish(x);
            case "Selu":
                // selu + alpha scale = alpha scale e^x for x <= 0: no cancellation with the constant.
                double scale = element == ElementType.Single ? Reference.SeluScaleFloat : Reference.SeluScale;
                double negative = element == ElementType.Single ? Reference.SeluNegativeCoefficientFloat : Reference.SeluNegativeCoefficient;
                return at <= 0 ? x => DoubleDoubleMath.Exp(x) * negative : x => DoubleDouble.FromProduct(x, scale);
            default:
                throw new ArgumentException("No reference for " + spec.Name);
        }
    }

    private static Func<double, DoubleDouble> MathForDifferences(MathFunction function, double at) => function switch
    {
        MathFunction.Abs => x => Math.Abs(x),
        MathFunction.Exp => x => DoubleDoubleMath.Exp(x),
        MathFunction.Log => x => DoubleDoubleMath.Log(x),
        MathFunction.Sqrt => x => DoubleDoubleMath.Sqrt(x),
        MathFunction.Log1P => x => DoubleDoubleMath.Log1P(x),

        // expm1(x) + 1 = e^x: the same derivative without expm1's -1 (nearly all of it for x well below 0).
        MathFunction.ExpM1 => x => DoubleDoubleMath.Exp(x),

        // Phi(x) - 1 = -Phi(-x) for x > 0.
        MathFunction.NormalCdf => at > 0 ? x => -ExactFunctions.NormalCdf(-x) : x => ExactFunctions.NormalCdf(x),
        // phi(x) - phi(0) = phi(0) expm1(-x^2 / 2) near 0, where phi' is tiny next to phi.
        MathFunction.NormalPdf => Math.Abs(at) < 1
            ? x => DoubleDoubleMath.ExpM1(-DoubleDouble.FromProduct(x, x) * 0.5) * ExactFunctions.NormalPdf(0.0)
            : x => ExactFunctions.NormalPdf(x),
        _ => throw new ArgumentException("No one-argument reference for " + function),
    };

    /// <summary>
    /// PyTorch's tanh GELU x sigmoid(2u), 2u = 2 kBeta (x + kKappa x^3), with its constants rounded to the element type
    /// (the reference library has this for double constants only), to about 2^-100 relative.
    /// </summary>
    private static DoubleDouble GeluTanh(double x, ElementType element)
    {
        double kBeta = Round(1.4142135623730951 * 1.1283791670955126 * 0.5, element);
        double kappa = Round(0.044715, element);
        DoubleDouble x2 = DoubleDouble.FromProduct(x, x);
        DoubleDouble twoU = (x + x2 * x * kappa) * (2.0 * kBeta);
        if (twoU.Hi >= 0)
        {
            return x / (DoubleDouble.One + DoubleDoubleMath.Exp(-twoU));
        }

        DoubleDouble t = DoubleDoubleMath.Exp(twoU);
        return t * x / (DoubleDouble.One + t);
    }
}
