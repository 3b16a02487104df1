using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>PyTorch's default ELU alpha.</summary>
    internal const double DefaultAlpha = 1.0;

    /// <summary>Computes ELU with PyTorch's default alpha = 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>See <see cref="Elu(float, float)"/>.</returns>
    public static float Elu(float x) => (float)EluCore(x, DefaultAlpha);

    /// <summary>Computes ELU with PyTorch's semantics: <c>x</c> where x &gt; 0, else <c>alpha * (exp(x) - 1)</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="alpha">The magnitude of the negative saturation; must be greater than 0 and finite.</param>
    /// <returns>
    /// <c>x</c> where x &gt; 0, else <c>alpha * expm1(x)</c> evaluated in double and rounded once: at most 0.5 ULP
    /// plus about 2^-28 ULP. NaN gives NaN, ±0 gives ±0, +infinity gives +infinity, -infinity gives -alpha.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not greater than 0 or not finite.</exception>
    public static float Elu(float x, float alpha)
    {
        ValidateAlpha(alpha);
        return (float)EluCore(x, alpha);
    }

    /// <summary>Computes ELU with PyTorch's default alpha = 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>See <see cref="Elu(double, double)"/>.</returns>
    public static double Elu(double x) => EluCore(x, DefaultAlpha);

    /// <summary>Computes ELU with PyTorch's semantics: <c>x</c> where x &gt; 0, else <c>alpha * (exp(x) - 1)</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="alpha">The magnitude of the negative saturation; must be greater than 0 and finite.</param>
    /// <returns>
    /// <c>x</c> where x &gt; 0, else <c>alpha * expm1(x)</c> with expm1's rounding error carried into the product, so
    /// that the result is rounded essentially once: measured at most 0.85 ULP (near x = -0.28, from exp's error
    /// relative to <c>expm1</c>). NaN gives NaN, ±0 gives ±0,
    /// +infinity gives +infinity, -infinity gives -alpha.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not greater than 0 or not finite.</exception>
    public static double Elu(double x, double alpha)
    {
        ValidateAlpha(alpha);
        return EluCore(x, alpha);
    }

    private static double EluCore(double x, double alpha) => x > 0 ? x : ScaledExpM1(x, alpha);

    /// <summary>
    /// coefficient * expm1(x) for x &lt;= 0 or NaN, rounded once in effect: expm1 is computed with its rounding error
    /// as a tail, and the product is formed exactly. -0 gives -0 times the coefficient.
    /// </summary>
    private static double ScaledExpM1(double x, double coefficient)
    {
        double e;
        double el;
        if (x > -0.35)
        {
            e = ExpM1WithTail(x, 0.0, out el);
        }
        else
        {
            // exp(x) = t + tl <= 0.705, so t - 1 is formed exactly (TwoSum). Below -64 exp(x) < 2^-92 cannot change
            // coefficient * (-1) after rounding: clamping keeps exp in range. NaN passes through Max.
            double m = ExpMantissa(Math.Max(x, -64.0), 0.0, out int k, out double ml);
            double t = Math.ScaleB(m, k);
            e = TwoSum(t, -1.0, out double sl);
            el = sl + Math.ScaleB(ml, k);
        }

        double result = MultiplyWithTail(coefficient, e, el);
        // expm1(-0) = -0 (the series above gives +0).
        return x == 0 ? x * coefficient : result;
    }
}
