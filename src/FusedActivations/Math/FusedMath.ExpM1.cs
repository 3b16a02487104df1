using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // fdlibm s_expm1.c: scaled coefficients of the rational approximation on |r| <= 0.5 ln 2, error < 2^-61.
    private const double ExpM1Q1 = -3.33333333333331316428e-02;
    private const double ExpM1Q2 = 1.58730158725481460165e-03;
    private const double ExpM1Q3 = -7.93650757867487942473e-05;
    private const double ExpM1Q4 = 4.00821782732936239552e-06;
    private const double ExpM1Q5 = -2.01099218183624371326e-07;

    /// <summary>Computes <c>exp(x) - 1</c>, accurate also for <paramref name="x"/> near 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>exp(x) - 1</c>, computed in double and rounded once (at most 0.5 ULP plus about 2^-28 ULP). Special values:
    /// +infinity gives +infinity (as does any x above about 88.72), -infinity gives -1, NaN gives NaN, ±0 gives ±0.
    /// </returns>
    public static float ExpM1(float x) => (float)ExpM1((double)x);

    /// <summary>Computes <c>exp(x) - 1</c>, accurate also for <paramref name="x"/> near 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>exp(x) - 1</c> with an error below 1 ULP (measured at most 0.79 ULP; fdlibm's algorithm: Cody–Waite reduction x = k ln2 + r with a
    /// two-part ln 2, the reduction's rounding error carried as a correction, and a rational approximation of
    /// expm1(r)). Special values: +infinity gives +infinity (as does any x above about 709.78), -infinity gives -1
    /// (as does any x below about -38.1, where the result rounds to -1), NaN gives NaN, ±0 gives ±0.
    /// </returns>
    public static double ExpM1(double x)
    {
        int hx = HighWord(x);
        bool negative = hx < 0;
        hx &= 0x7FFFFFFF;

        if (hx >= 0x4043687A)
        {
            // |x| >= 56 ln 2.
            if (hx >= 0x40862E42)
            {
                // |x| >= 709.78: infinities, NaN, overflow.
                if (hx >= 0x7FF00000)
                {
                    if (double.IsNaN(x))
                    {
                        return x;
                    }

                    return negative ? -1.0 : x;
                }

                if (x > ExpOverflow)
                {
                    return double.PositiveInfinity;
                }
            }

            if (negative)
            {
                // exp(x) < 2^-56: exp(x) - 1 rounds to -1.
                return -1.0;
            }
        }

        int k;
        double c = 0;
        if (hx > 0x3FD62E42)
        {
            // |x| > 0.5 ln 2: reduce x = k ln2 + (hi - lo), and c = the rounding error of hi - lo.
            double hi;
            double lo;
            if (hx < 0x3FF0A2B2)
            {
                // |x| < 1.5 ln 2: k = +-1 without a multiplication.
                if (!negative)
                {
                    hi = x - Ln2Hi;
                    lo = Ln2Lo;
                    k = 1;
                }
                else
                {
                    hi = x + Ln2Hi;
                    lo = -Ln2Lo;
                    k = -1;
                }
            }
            else
            {
                k = (int)(InvLn2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * Ln2Hi;
                lo = t * Ln2Lo;
            }

            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (hx < 0x3C900000)
        {
            // |x| < 2^-54: expm1(x) rounds to x.
            return x;
        }
        else
        {
            k = 0;
        }

        // x is now in [-0.5 ln2, 0.5 ln2].
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (ExpM1Q1 + hxs * (ExpM1Q2 + hxs * (ExpM1Q3 + hxs * (ExpM1Q4 + hxs * ExpM1Q5))));
        double t3 = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t3) / (6.0 - x * t3));
        if (k == 0)
        {
            return x - (x * e - hxs);
        }

        // expm1(x) = 2^k * (expm1(r) + 1) - 1, arranged per k so that no step cancels.
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1)
        {
            return 0.5 * (x - e) - 0.5;
        }

        if (k == 1)
        {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
        }

        if (k <= -2 || k > 56)
        {
            // The -1 is negligible next to 2^k or 2^k is negligible next to 1: exp(x) - 1 is accurate.
            double y = 1.0 - (e - x);
            return Math.ScaleB(y, k) - 1.0;
        }

        if (k < 20)
        {
            // 1 - 2^-k is exact here; subtracting it before scaling keeps every bit of r.
            double t = 1.0 - Math.ScaleB(1.0, -k);
            return Math.ScaleB(t - (e - x), k);
        }

        double twoMinusK = Math.ScaleB(1.0, -k);
        double z = x - (e + twoMinusK);
        z += 1.0;
        return Math.ScaleB(z, k);
    }
}
