using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes <c>log(1 - exp(x))</c> for <c>x &lt;= 0</c>, accurate for every such x (Mächler's log1mexp).</summary>
    /// <param name="x">The argument, at most 0.</param>
    /// <returns>
    /// <c>log(1 - exp(x))</c> evaluated in double (see <see cref="Log1MExp(double)"/>) and rounded once: at most 0.5 ULP
    /// plus about 2^-28 ULP. 0 gives -infinity, x &gt; 0 and NaN give NaN, -infinity gives -0.
    /// </returns>
    public static float Log1MExp(float x) => (float)Log1MExp((double)x);

    /// <summary>Computes <c>log(1 - exp(x))</c> for <c>x &lt;= 0</c>, accurate for every such x (Mächler's log1mexp).</summary>
    /// <param name="x">The argument, at most 0.</param>
    /// <returns>
    /// <c>log(-expm1(x))</c> above -ln 2, where <c>1 - exp(x)</c> would cancel, and <c>log1p(-exp(x))</c> at or below, where
    /// <c>exp(x) &lt;= 1/2</c>: the two forms Mächler (2012) recommends, each used where it has no cancellation. expm1
    /// and exp come with their rounding errors as tails, and log's argument is formed exactly, so the only rounding is
    /// the last: measured at most 1.0 ULP, below 0.75 for results above 2^-969 (x above -671). Tiny |x| use
    /// <c>log(-x) + x/2</c>. 0 gives -infinity, x &gt; 0 and NaN give
    /// NaN, -infinity gives -0.
    /// </returns>
    public static double Log1MExp(double x)
    {
        if (!(x < 0))
        {
            // NaN stays NaN; 1 - e^0 = 0; above 0 the logarithm's argument is negative.
            return double.IsNaN(x) ? x : x == 0 ? double.NegativeInfinity : double.NaN;
        }

        if (x > -1.0 / 1073741824.0) // -2^-30
        {
            // -expm1(x) = -x (1 + x/2 + x^2/6 + ...): log(-x) + x/2, the next term (x^2/24) far below half an ULP.
            // log(-x) = k ln 2 + log1p(m - 1) with -x = m 2^k, m in [1, 2): k Ln2Hi is exact and dominates (k <= -31),
            // everything else is added to it once, so the only rounding that counts is the last.
            int exponent = Math.ILogB(x);
            double mantissa = Math.ScaleB(-x, -exponent);
            double f = Log1PCore(mantissa - 1.0, out double fl);
            double rest = f + (fl + exponent * Ln2Lo + 0.5 * x);
            return exponent * Ln2Hi + rest;
        }

        if (x > -Ln2A)
        {
            // 1 - e^x = y + yl with y = -expm1(x) in (2^-31, 1/2); log(y + yl) = log1p(g) + (gl + yl) / y, where
            // g + gl = y - 1 exactly (TwoSum) and 1 + g is exact in log1p (Sterbenz: g is in [-1, -1/2]).
            double e = ExpM1WithTail(x, 0.0, out double el);
            double y = -e;
            double g = y - 1.0;
            double gb = g - y;
            double gl = (y - (g - gb)) + (-1.0 - gb);
            double log = Log1PCore(g, out double logLo);
            return log + (logLo + (gl - el) / y);
        }

        if (x < -708.0)
        {
            // e^x < 2^-1021: log1p(-t) = -t - t^2/2 - ..., and t^2/2 is far below half an ULP of t (or t is 0).
            return -Math.Exp(x);
        }

        // log1p(-t) with t = e^x <= 1/2 and its tail tl: the tail enters times the derivative -1 / (1 - t).
        double m = ExpMantissa(x, 0.0, out int k, out double ml);
        double t = Math.ScaleB(m, k);
        double tl = Math.ScaleB(ml, k);
        double log1p = Log1PCore(-t, out double lo);
        return log1p + (lo - tl / (1.0 - t));
    }
}
