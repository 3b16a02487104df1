using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // fdlibm s_log1p.c: minimax polynomial for log(1+f) in s = f/(2+f), error < 2^-58.
    private const double Lp1 = 6.666666666666735130e-01;
    private const double Lp2 = 3.999999999940941908e-01;
    private const double Lp3 = 2.857142874366239149e-01;
    private const double Lp4 = 2.222219843214978396e-01;
    private const double Lp5 = 1.818357216161805012e-01;
    private const double Lp6 = 1.531383769920937332e-01;
    private const double Lp7 = 1.479819860511658591e-01;

    /// <summary>Computes <c>log(1 + x)</c>, accurate also for <paramref name="x"/> near 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>log(1 + x)</c>, computed in double and rounded once (at most 0.5 ULP plus about 2^-28 ULP). Special values: <c>-1</c> gives -infinity, <c>x &lt; -1</c>
    /// and NaN give NaN, +infinity gives +infinity, ±0 gives ±0.
    /// </returns>
    public static float Log1P(float x) => (float)Log1P((double)x);

    /// <summary>Computes <c>log(1 + x)</c>, accurate also for <paramref name="x"/> near 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>log(1 + x)</c> with an error below 1 ULP (measured at most 0.73 ULP; fdlibm's algorithm: the rounding error of <c>1 + x</c> is
    /// recovered and added back as a correction, then <c>log</c> of the reduced argument uses a minimax polynomial).
    /// Special values: <c>-1</c> gives -infinity, <c>x &lt; -1</c> and NaN give NaN, +infinity gives +infinity,
    /// ±0 gives ±0, and |x| &lt; 2^-54 gives x.
    /// </returns>
    public static double Log1P(double x) => Log1PCore(x, out _);

    /// <summary>
    /// log1p(x) = result + lo, where the result is log1p(x) rounded (below 1 ULP) and lo recovers its rounding error
    /// to about 2^-57 relative: fdlibm's final sums are done error-free and the rounding error of 0.5 f^2 is kept.
    /// </summary>
    internal static double Log1PCore(double x, out double lo)
    {
        lo = 0;
        int hx = HighWord(x);
        int ax = hx & 0x7FFFFFFF;
        int k = 1;
        int hu = 0;
        double f = 0;
        double c = 0;

        if (hx < 0x3FDA827A)
        {
            // x < 0.41422 (every negative x has a negative high word).
            if (ax >= 0x3FF00000)
            {
                // x <= -1 or a negative NaN.
                if (x == -1.0)
                {
                    return double.NegativeInfinity;
                }

                return double.IsNaN(x) ? x : double.NaN;
            }

            if (ax < 0x3E200000)
            {
                // |x| < 2^-29: the series x - x^2/2 is exact enough; below 2^-54 even x - x^2/2 rounds to x.
                if (ax < 0x3C900000)
                {
                    return x;
                }

                double half = x * x * 0.5;
                double result = x - half;
                lo = (x - result) - half; // x - result is exact (Sterbenz)
                return result;
            }

            if (hx > 0 || hx <= unchecked((int)0xBFD2BEC3))
            {
                // -0.2929 < x < 0.41422: log(1+x) directly, no reduction and no correction term needed.
                k = 0;
                f = x;
                hu = 1;
            }
        }

        if (hx >= 0x7FF00000)
        {
            // +infinity or a positive NaN.
            return x + x;
        }

        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                // x < 2^53: u = 1 + x rounds; c is the part of x that the rounding dropped, relative to u.
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            }
            else
            {
                // 1 + x == x: nothing to correct.
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }

            // Normalize u into [sqrt(2)/2, sqrt(2)) so that f = u - 1 is small: log(1+x) = k ln2 + log(u).
            hu &= 0x000FFFFF;
            if (hu < 0x6A09E)
            {
                u = WithHighWord(u, hu | 0x3FF00000);
            }
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3FE00000);
                hu = (0x00100000 - hu) >> 2;
            }

            f = u - 1.0;
        }

        double hfsq = 0.5 * f * f;
        double hfsqLo = Math.FusedMultiplyAdd(0.5 * f, f, -hfsq); // exact: 0.5 f is exact
        if (hu == 0)
        {
            // |f| < 2^-20: a short series suffices.
            if (f == 0.0)
            {
                if (k == 0)
                {
                    return 0.0;
                }

                return Combine(k * Ln2Hi, 0.0, -(c + k * Ln2Lo), 0.0, out lo);
            }

            double rs = hfsq * (1.0 - 0.66666666666666666 * f);
            return Combine(k * Ln2Hi, f, k == 0 ? rs : rs - (k * Ln2Lo + c), hfsqLo, out lo);
        }

        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
        double a = k == 0 ? hfsq - s * (hfsq + r) : hfsq - (s * (hfsq + r) + (k * Ln2Lo + c));
        return Combine(k * Ln2Hi, f, a, hfsqLo, out lo);
    }

    /// <summary>
    /// kLn2 + f - a - aLo rounded once, with the rounding error in lo: kLn2 + f is formed exactly (TwoSum) and the
    /// small second-order term a only then subtracted. fdlibm rounds kLn2 - (a - f) instead, losing the error.
    /// </summary>
    private static double Combine(double kLn2, double f, double a, double aLo, out double lo)
    {
        double h = kLn2 + f;
        double hb = h - kLn2;
        double hl = (kLn2 - (h - hb)) + (f - hb);
        double t = (hl - aLo) - a;
        double result = h + t;
        lo = t - (result - h); // Fast2Sum: |h| > |t| because a is second order in f
        return result;
    }
}
