using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes <c>log(exp(a) + exp(b))</c> without overflow or underflow.</summary>
    /// <param name="a">The first argument.</param>
    /// <param name="b">The second argument.</param>
    /// <returns>
    /// <c>max(a, b) + log1p(exp(-|a - b|))</c> evaluated in double and rounded once (at most 0.5 ULP plus about
    /// 2^-28 ULP, except near the curve <c>exp(a) + exp(b) = 1</c> where the result itself is near 0 and the double
    /// evaluation's absolute error of about 2^-54 dominates). Special values as numpy: NaN if either argument is NaN,
    /// +infinity if either is +infinity, the other argument if one is -infinity, and -infinity for both -infinity.
    /// </returns>
    public static float LogAddExp(float a, float b) => (float)LogAddExp((double)a, (double)b);

    /// <summary>Computes <c>log(exp(a) + exp(b))</c> without overflow or underflow.</summary>
    /// <param name="a">The first argument.</param>
    /// <param name="b">The second argument.</param>
    /// <returns>
    /// <c>max(a, b) + log1p(exp(-|a - b|))</c> with the difference kept exactly (as a double-double) so that large
    /// differences lose nothing in <c>exp</c>, and the rounding errors of exp and log1p carried to the final addition.
    /// Measured within 0.98 ULP of the larger of |result| and |max(a, b)|: the
    /// result is near 0 only where max(a, b) lies in (-1.39, 0) and the sum cancels, and there the error is relative
    /// to max(a, b). Special values as numpy: NaN if either argument is NaN, +infinity if either is +infinity, the
    /// other argument if one is -infinity, and -infinity for both -infinity.
    /// </returns>
    public static double LogAddExp(double a, double b)
    {
        if (a == b)
        {
            // log(2 e^a) = a + ln 2, also for two equal infinities. Adding ln 2 in two parts keeps the result exact
            // enough where a is close to -ln 2 and the sum cancels.
            return (a + Ln2Hi) + Ln2Lo;
        }

        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return a + b;
        }

        double max = Math.Max(a, b);
        double min = Math.Min(a, b);
        if (double.IsInfinity(max) || double.IsInfinity(min))
        {
            // +inf dominates; -inf contributes exp(-inf) = 0.
            return max;
        }

        // d + dl == max - min exactly (TwoSum); d may overflow to +infinity, where the tail is 0 anyway.
        double d = max - min;
        if (!(d <= 1500.0))
        {
            return max;
        }

        double bv = d - max;
        double dl = (max - (d - bv)) + (-min - bv);
        // log1p(t + tl) = log1p(t) + tl / (1 + t), keeping exp's rounding error out of the result.
        double m = ExpMantissa(-d, -dl, out int k, out double ml);
        double t = Math.ScaleB(m, k);
        double tl = Math.ScaleB(ml, k);
        double log = Log1PCore(t, out double logLo);
        return AddWithTail(max, log, logLo + tl / (1.0 + t));
    }
}
