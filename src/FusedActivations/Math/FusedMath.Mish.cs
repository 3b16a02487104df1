using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes Mish, <c>x * tanh(softplus(x))</c> (PyTorch's <c>F.mish</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// Mish evaluated in double (see <see cref="Mish(double)"/>) and rounded once: at most 0.5 ULP plus about 2^-28
    /// ULP, subnormal results included. NaN gives NaN, +infinity gives +infinity and -infinity gives -0, the limit
    /// (PyTorch's formula gives NaN there).
    /// </returns>
    public static float Mish(float x) => (float)Mish((double)x);

    /// <summary>Computes Mish, <c>x * tanh(softplus(x))</c> (PyTorch's <c>F.mish</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>x * tanh(log(1 + t))</c> with <c>t = e^x</c>, through the identity <c>tanh(log(1 + t)) = (t^2 + 2t) /
    /// (t^2 + 2t + 2)</c>; for x &gt; 0 the same ratio with numerator and denominator divided by t^2, in
    /// <c>t = e^-x</c>: <c>(1 + 2t) / (1 + 2t + 2t^2)</c>. Every term is positive (no cancellation) and formed
    /// exactly together with exp's rounding error; the quotient gets a Newton correction and the product with x is
    /// rounded once: measured at most 0.69 ULP for results above 2^-969 and 1.0 below,
    /// where the double-double reference itself is known only to about half an ULP. The softplus is the exact function (no linear cut-off). NaN gives
    /// NaN, +infinity gives +infinity and -infinity gives -0, the limit (PyTorch's formula gives NaN there).
    /// </returns>
    public static double Mish(double x)
    {
        if (!(x <= 40.0))
        {
            // NaN, +infinity, and x > 40 where the ratio is 1 - 2e^-80 (1 - 2^-114): rounds to 1.
            return x;
        }

        if (x < -1500.0)
        {
            // |x| e^x < 1500 e^-1500 underflows to -0 (also x = -inf).
            return -0.0;
        }

        // t = e^-|x| in (0, 1].
        double m = ExpMantissa(-Math.Abs(x), 0.0, out int k, out double ml);
        if (k < -1000)
        {
            // x < about -693: the ratio is t (1 - t/2 + ...) = t to 2^-1000 relative, so mish = x t. x * m is
            // formed exactly and scaled once at the end, so a subnormal result is rounded only there.
            double h = x * m;
            double hl = Math.FusedMultiplyAdd(x, m, -h) + x * ml;
            return Math.ScaleB(h + hl, k);
        }

        double t = Math.ScaleB(m, k);
        double tl = Math.ScaleB(ml, k);
        // t^2 + tt exactly (up to exp's error, carried in ttl).
        double tt = t * t;
        double ttl = Math.FusedMultiplyAdd(t, t, -tt) + 2.0 * t * tl;
        // Numerator a + 2t, denominator (a + 2t) + b: (a, b) = (t^2, 2) for x <= 0 and (1, 2t^2) for x > 0.
        bool negative = x <= 0;
        double a = negative ? tt : 1.0;
        double al = negative ? ttl : 0.0;
        double b = negative ? 2.0 : 2.0 * tt;
        double bl = negative ? 0.0 : 2.0 * ttl;
        double n = TwoSum(a, 2.0 * t, out double nl);
        nl += al + 2.0 * tl;
        double d = TwoSum(n, b, out double dl);
        dl += nl + bl;
        double r = CorrectedQuotient(n, nl, d, dl, out double rl);
        return MultiplyWithTail(x, r, rl);
    }

    /// <summary>a + b = result + lo exactly (Knuth's TwoSum, no ordering requirement).</summary>
    private static double TwoSum(double a, double b, out double lo)
    {
        double s = a + b;
        double bb = s - a;
        lo = (a - (s - bb)) + (b - bb);
        return s;
    }
}
