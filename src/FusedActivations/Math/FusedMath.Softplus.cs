using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes Softplus with PyTorch's defaults beta = 1 and threshold = 20.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>x</c> where <c>x &gt; 20</c>, else <c>log(1 + exp(x))</c> evaluated stably as
    /// <c>max(x, 0) + log1p(exp(-|x|))</c> in double and rounded once (at most 0.5 ULP plus about 2^-28 ULP).
    /// NaN gives NaN, +infinity gives +infinity, -infinity gives 0.
    /// </returns>
    public static float Softplus(float x) => SoftplusUnchecked(x, (float)DefaultBeta, (float)DefaultThreshold);

    /// <summary>Computes Softplus with sharpness <paramref name="beta"/> and PyTorch's default threshold 20.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="beta">The sharpness; must be greater than 0 and finite.</param>
    /// <returns>See <see cref="Softplus(float, float, float)"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not greater than 0 or not finite.</exception>
    public static float Softplus(float x, float beta)
    {
        ValidateBeta(beta);
        return SoftplusUnchecked(x, beta, (float)DefaultThreshold);
    }

    /// <summary>
    /// Computes Softplus with PyTorch's semantics in <see cref="float"/>: <c>x</c> where <c>fl(beta * x) &gt;
    /// threshold</c>, else <c>log(1 + exp(beta * x)) / beta</c>.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="beta">The sharpness; must be greater than 0 and finite.</param>
    /// <param name="threshold">
    /// The linear cut-off on the float product <c>beta * x</c>; must not be NaN. +infinity turns the cut-off off.
    /// </param>
    /// <returns>
    /// <c>x</c> where the float product <c>beta * x</c> exceeds <paramref name="threshold"/>; elsewhere
    /// <c>max(x, 0) + log1p(exp(-beta * |x|)) / beta</c> evaluated in double (where <c>beta * x</c> is exact) and
    /// rounded once, so at most 0.5 ULP plus about 2^-28 ULP from the exact value. NaN gives NaN, +infinity gives
    /// +infinity, -infinity gives 0; results below the smallest subnormal round to 0.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="beta"/> is not greater than 0 or not finite, or <paramref name="threshold"/> is NaN.
    /// </exception>
    public static float Softplus(float x, float beta, float threshold)
    {
        ValidateBeta(beta);
        ValidateThreshold(threshold);
        return SoftplusUnchecked(x, beta, threshold);
    }

    /// <summary>Computes Softplus with PyTorch's defaults beta = 1 and threshold = 20.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>See <see cref="Softplus(double, double, double)"/>.</returns>
    public static double Softplus(double x) => SoftplusUnchecked(x, DefaultBeta, DefaultThreshold);

    /// <summary>Computes Softplus with sharpness <paramref name="beta"/> and PyTorch's default threshold 20.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="beta">The sharpness; must be greater than 0 and finite.</param>
    /// <returns>See <see cref="Softplus(double, double, double)"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not greater than 0 or not finite.</exception>
    public static double Softplus(double x, double beta)
    {
        ValidateBeta(beta);
        return SoftplusUnchecked(x, beta, DefaultThreshold);
    }

    /// <summary>
    /// Computes Softplus with PyTorch's semantics in <see cref="double"/>: <c>x</c> where <c>fl(beta * x) &gt;
    /// threshold</c>, else <c>log(1 + exp(beta * x)) / beta</c>.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="beta">The sharpness; must be greater than 0 and finite.</param>
    /// <param name="threshold">
    /// The linear cut-off on the rounded product <c>beta * x</c>; must not be NaN. +infinity turns the cut-off off.
    /// </param>
    /// <returns>
    /// <c>x</c> where the double product <c>beta * x</c> exceeds <paramref name="threshold"/>; elsewhere
    /// <c>max(x, 0) + log1p(exp(-beta * |x|)) / beta</c>. The product is kept exactly (as a double-double, by a fused
    /// multiply-add) so that large <c>beta * x</c> lose nothing in <c>exp</c>, and where <c>exp</c> would be subnormal
    /// the division by beta happens before the final scaling. The rounding errors of exp, log1p and the division are
    /// carried to the final addition: measured at most 1.01 ULP (below 0.9 except for results under about 2^-969). NaN gives NaN, +infinity gives +infinity, -infinity gives 0.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="beta"/> is not greater than 0 or not finite, or <paramref name="threshold"/> is NaN.
    /// </exception>
    public static double Softplus(double x, double beta, double threshold)
    {
        ValidateBeta(beta);
        ValidateThreshold(threshold);
        return SoftplusUnchecked(x, beta, threshold);
    }

    private static float SoftplusUnchecked(float x, float beta, float threshold)
    {
        if (float.IsNaN(x))
        {
            return x;
        }

        // PyTorch compares the product rounded to the element type; the explicit cast forces float rounding.
        if ((float)(beta * x) > threshold)
        {
            return x;
        }

        // A float times a float is exact in double, so the double core sees the exact beta * x.
        return (float)SoftplusStable(x, beta);
    }

    private static double SoftplusUnchecked(double x, double beta, double threshold)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (beta * x > threshold)
        {
            return x;
        }

        return SoftplusStable(x, beta);
    }

    /// <summary>max(x, 0) + log1p(exp(-beta |x|)) / beta for non-NaN x and valid beta, without a threshold.</summary>
    internal static double SoftplusStable(double x, double beta)
    {
        double ax = Math.Abs(x);
        double p = beta * ax;
        if (!(p <= 1500.0))
        {
            // exp(-p) / beta < e^-1500 / 2^-1074 < 2^-1075: the tail rounds to 0 for every beta (also p = +inf).
            return Math.Max(x, 0.0);
        }

        // p + pl == beta * |x| exactly.
        double pl = Math.FusedMultiplyAdd(beta, ax, -p);
        double m = ExpMantissa(-p, -pl, out int k, out double ml);
        if (k < -60)
        {
            // t = exp(-p) < 2^-59: log1p(t) = t (1 - t/2 + ...) = t to within half an ULP. Divide before scaling so
            // a small beta does not turn a subnormal t's lost bits into a normal result's error.
            return Math.Max(x, 0.0) + ScaledQuotient(m, ml, beta, k);
        }

        // log1p(t + tl) = log1p(t) + tl / (1 + t). Every rounding error so far (exp's, log1p's, the division's) is
        // carried as a tail and added last, so the result is rounded essentially once.
        double t = Math.ScaleB(m, k);
        double tl = Math.ScaleB(ml, k);
        double log = Log1PCore(t, out double logLo);
        double q = DivideSum(log, logLo + tl / (1.0 + t), beta, out double rest);
        return AddWithTail(Math.Max(x, 0.0), q, rest);
    }
}
