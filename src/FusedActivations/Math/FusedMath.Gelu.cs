using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>
    /// Computes GELU as PyTorch's <c>F.gelu(x, approximate='none')</c>: <c>(x / 2) erfc(-x / sqrt 2)</c>, that is
    /// <c>x Phi(x)</c> with Phi the standard normal distribution function.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>x Q(-x)</c> for x &lt; 0 and <c>x - x Q(x)</c> for x &gt;= 0 with <c>Q(t) = erfc(t / sqrt 2) / 2</c>,
    /// evaluated in double with a polynomial tail of relative error below 2^-41 and rounded once: at most
    /// 0.5 ULP plus 2^-16 ULP (measured 0.5 over 3.7 million dense, left-tail and random floats). The left tail
    /// keeps full accuracy down to subnormal results (x near -14), where PyTorch's CPU kernel returns 0 from about
    /// x = -5.5 on. NaN gives NaN, +infinity gives +infinity, -infinity gives -0 (the limit from below).
    /// </returns>
    public static float Gelu(float x)
    {
        double t = Math.Abs((double)x);
        if (!(t <= NormalTailFastEnd))
        {
            // NaN; or |x| > 16, where Q(|x|) < 2^-186: the result is x itself, or below the smallest float.
            return float.IsNaN(x) || x > 0 ? x : -0f;
        }

        double q = Math.ScaleB(NormalTailFast(t, out int k), k);
        double xq = x * q;
        return (float)(x <= 0 ? xq : x - xq); // -0 keeps its sign through x * q
    }

    /// <summary>
    /// Computes GELU as PyTorch's <c>F.gelu(x, approximate='none')</c>: <c>(x / 2) erfc(-x / sqrt 2)</c>, that is
    /// <c>x Phi(x)</c> with Phi the standard normal distribution function.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>x Q(-x)</c> for x &lt; 0 and <c>x - x Q(x)</c> for x &gt;= 0 with <c>Q(t) = erfc(t / sqrt 2) / 2</c> computed
    /// to about 2^-54 relative as a double-double times a power of two (polynomials on three intervals and
    /// <c>exp(-t^2 / 2)</c> of the exact square; see FusedMath.NormalTail.cs), so that the result is in effect rounded
    /// once: measured at most 0.65 ULP for normal results and 1.0 ULP for subnormal ones (10^6 random inputs plus
    /// 250,000 in the left tail). Subnormal results (down to x near -38.5) are computed, not flushed. NaN gives
    /// NaN, +infinity gives +infinity, -infinity gives -0 (the limit from below).
    /// </returns>
    public static double Gelu(double x)
    {
        double t = Math.Abs(x);
        if (!(t <= NormalTailDoubleEnd) || x == 0)
        {
            // NaN and ±0 unchanged; |x| > 40, where Q(|x|) < e^-800: the result is x itself or rounds to -0.
            return double.IsNaN(x) || x >= 0 ? x : -0.0;
        }

        double q = NormalTailCore(t, out double ql, out int k);
        double p = x * q;
        double pl = Math.FusedMultiplyAdd(x, q, -p) + x * ql;
        if (x < 0)
        {
            // One rounding of p + pl, then the scaling (a second rounding only for subnormal results, far below 1 ULP).
            return Math.ScaleB(p + pl, k);
        }

        // x - x Q with x Q <= x / 2: a Fast2Sum, then the tails.
        double ph = Math.ScaleB(p, k);
        double phl = Math.ScaleB(pl, k);
        double s = x - ph;
        return s + (((x - s) - ph) - phl);
    }
}
