using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes the logistic sigmoid <c>1 / (1 + exp(-x))</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// The sigmoid evaluated in double and rounded once (at most 0.5 ULP plus about 2^-28 ULP). NaN gives NaN,
    /// +infinity gives 1, -infinity gives 0.
    /// </returns>
    public static float Sigmoid(float x) => (float)Sigmoid((double)x);

    /// <summary>Computes the logistic sigmoid <c>1 / (1 + exp(-x))</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>1 / (1 + exp(-x))</c> for x &gt;= 0 and <c>exp(x) / (1 + exp(x))</c> for x &lt; 0, so that <c>exp</c> never
    /// overflows and no infinity is divided by an infinity. The rounding error of <c>1 + t</c> is carried into the
    /// division together with exp's own rounding error, so the quotient is rounded essentially once: measured at most
    /// 1.0 ULP (below 0.9 except for results under about 2^-969). NaN gives NaN, +infinity gives 1, -infinity gives 0.
    /// </returns>
    public static double Sigmoid(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= 0)
        {
            if (x > 1500.0)
            {
                return 1.0;
            }

            double m = ExpMantissa(-x, 0.0, out int k, out double ml);
            return QuotientOfOnePlus(1.0, 0.0, Math.ScaleB(m, k), Math.ScaleB(ml, k));
        }

        if (x < -1500.0)
        {
            // sigmoid(x) < e^-1500: rounds to 0 (also -infinity).
            return 0.0;
        }

        double mn = ExpMantissa(x, 0.0, out int kn, out double mnl);
        if (kn < -1000)
        {
            // t < 2^-1000: sigmoid(x) = t (1 - t + ...) = t; scale once so a subnormal result rounds only once.
            return Math.ScaleB(mn + mnl, kn);
        }

        double t = Math.ScaleB(mn, kn);
        double tl = Math.ScaleB(mnl, kn);
        return QuotientOfOnePlus(t, tl, t, tl);
    }

    /// <summary>
    /// (n + nl) / (1 + t + tl) for 0 &lt;= t &lt;= 1, with the denominator kept exactly as a double-double, so the
    /// quotient is rounded once in effect.
    /// </summary>
    private static double QuotientOfOnePlus(double n, double nl, double t, double tl)
    {
        double u = 1.0 + t;
        double ul = (t - (u - 1.0)) + tl; // Fast2Sum: exact because 1 >= t.
        double q = n / u;
        // One Newton correction of the quotient against the exact numerator and denominator.
        double r = Math.FusedMultiplyAdd(-q, u, n) + nl - q * ul;
        return q + r / u;
    }
}
