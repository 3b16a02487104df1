using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes the inverse of Softplus with beta = 1: <c>log(exp(y) - 1)</c>.</summary>
    /// <param name="y">A Softplus output; must be at least 0 for a real result.</param>
    /// <returns>See <see cref="InverseSoftplus(float, float)"/>.</returns>
    public static float InverseSoftplus(float y) => (float)InverseSoftplusCore(y, DefaultBeta);

    /// <summary>Computes the inverse of Softplus with sharpness beta: <c>log(exp(beta * y) - 1) / beta</c>.</summary>
    /// <param name="y">A Softplus output; must be at least 0 for a real result.</param>
    /// <param name="beta">The sharpness; must be greater than 0 and finite.</param>
    /// <returns>
    /// <c>log(expm1(beta * y)) / beta</c>, evaluated in double (where <c>beta * y</c> is exact) and rounded once: at
    /// most 0.5 ULP plus about 2^-28 ULP. No threshold applies (the inverse of the stable formula). y &lt; 0 and NaN
    /// give NaN, ±0 gives -infinity, +infinity gives +infinity.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not greater than 0 or not finite.</exception>
    public static float InverseSoftplus(float y, float beta)
    {
        ValidateBeta(beta);
        return (float)InverseSoftplusCore(y, beta);
    }

    /// <summary>Computes the inverse of Softplus with beta = 1: <c>log(exp(y) - 1)</c>.</summary>
    /// <param name="y">A Softplus output; must be at least 0 for a real result.</param>
    /// <returns>See <see cref="InverseSoftplus(double, double)"/>.</returns>
    public static double InverseSoftplus(double y) => InverseSoftplusCore(y, DefaultBeta);

    /// <summary>Computes the inverse of Softplus with sharpness beta: <c>log(exp(beta * y) - 1) / beta</c>.</summary>
    /// <param name="y">A Softplus output; must be at least 0 for a real result.</param>
    /// <param name="beta">The sharpness; must be greater than 0 and finite.</param>
    /// <returns>
    /// <c>log(expm1(beta * y)) / beta</c> with <c>z = beta * y</c> kept exactly, in three stable forms:
    /// <c>y + log1p(-exp(-z)) / beta</c> for large z (no overflow), <c>log1p(2 expm1(z - ln 2)) / beta</c> around the
    /// zero at z = ln 2 (no cancellation), and <c>log(expm1(z)) / beta</c> for small z, where tiny z use
    /// <c>log(beta) + log(y)</c> with exact exponents so nothing underflows. Rounding errors are carried as tails to
    /// the final operation: measured at most 1.12 ULP. y &lt; 0 and NaN give NaN, ±0 gives -infinity, +infinity gives +infinity.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not greater than 0 or not finite.</exception>
    public static double InverseSoftplus(double y, double beta)
    {
        ValidateBeta(beta);
        return InverseSoftplusCore(y, beta);
    }

    // ln 2 = Ln2A + Ln2B + Ln2C to about 2^-160 (the double-double-double constant of the QD library).
    private const double Ln2A = 6.931471805599452862e-01;
    private const double Ln2B = 2.319046813846299558e-17;
    private const double Ln2C = 5.707708438416212066e-34;

    private static double InverseSoftplusCore(double y, double beta)
    {
        if (!(y > 0))
        {
            // NaN stays NaN; softplus is never negative; softplus(x) -> 0 only as x -> -infinity.
            return double.IsNaN(y) ? y : y == 0 ? double.NegativeInfinity : double.NaN;
        }

        double z = beta * y;
        if (double.IsPositiveInfinity(z))
        {
            // y = +inf, or beta * y overflows: log1p(-exp(-z)) is 0 there.
            return y;
        }

        if (z > 1500.0)
        {
            // log1p(-exp(-z)) / beta is below e^-1500 / beta, far below half an ULP of y >= 1500 / beta.
            return y;
        }

        double zl = Math.FusedMultiplyAdd(beta, y, -z);
        if (z > 1.38)
        {
            // log(expm1(z)) = z + log1p(-exp(-z)); the correction is at most 0.29 / beta next to y >= 1.38 / beta.
            double em = ExpMantissa(-z, -zl, out int k, out double eml);
            double t = Math.ScaleB(em, k);
            double tl = Math.ScaleB(eml, k);
            double log = Log1PCore(-t, out double logLo);
            double q = DivideSum(log, logLo - tl / (1.0 - t), beta, out double rest);
            return AddWithTail(y, q, rest);
        }

        if (z >= 0.35)
        {
            // expm1(z) - 1 = 2 expm1(z - ln2) is exact in form. z - ln 2 is formed with ln 2 in three parts: near
            // the zero the result is about 2 (z - ln 2), so ln 2 must be known far beyond double precision. z - Ln2A
            // is exact (Sterbenz) on [0.35, 1.38]; TwoSum renormalizes so that the tail is below half an ULP.
            double dh = z - Ln2A;
            double dt = (zl - Ln2B) - Ln2C;
            double d = dh + dt;
            double db = d - dh;
            double dl = (dh - (d - db)) + (dt - db);
            double e = ExpM1WithTail(d, dl, out double el);
            double w = 2.0 * e;
            double log = Log1PCore(w, out double logLo);
            double q = DivideSum(log, logLo + 2.0 * el / (1.0 + w), beta, out double rest);
            return q + rest;
        }

        if (z >= 1.0 / 1073741824.0) // 2^-30
        {
            // log of expm1(z) below 0.42 is well conditioned; the tail of expm1 enters as el / e.
            // log(e) = log1p(e - 1), with e - 1 formed exactly (TwoSum) and log1p's own rounding error kept, so
            // that the division by beta rounds the only time.
            double e = ExpM1WithTail(z, zl, out double el);
            double g = e - 1.0;
            double gb = g - e;
            double gl = (e - (g - gb)) + (-1.0 - gb);
            double log = Log1PCore(g, out double logLo);
            double q = DivideSum(log, logLo + (gl + el) / e, beta, out double rest);
            return q + rest;
        }

        // log(expm1(z)) = log(z) + z/2 + O(z^2), and log(z) = log(mb * my) + (eb + ey) ln 2 without forming z, which
        // may be subnormal or 0.
        int eb = Math.ILogB(beta);
        int ey = Math.ILogB(y);
        double mb = Math.ScaleB(beta, -eb);
        double my = Math.ScaleB(y, -ey);
        double m = mb * my;
        double ml = Math.FusedMultiplyAdd(mb, my, -m);
        int n = eb + ey;
        // n Ln2Hi is exact and dominates (|n| >= 30); its sum with the rest is kept as a pair for the division.
        double head = n * Ln2Hi;
        double rest2 = Math.Log(m) + (n * Ln2Lo + ml / m + 0.5 * z);
        double logZ = head + rest2;
        double logZLo = (head - logZ) + rest2; // Fast2Sum: |head| >= |rest2|
        double quotient = DivideSum(logZ, logZLo, beta, out double quotientRest);
        return quotient + quotientRest;
    }

    /// <summary>
    /// expm1(x + xl) = e + el for -ln 2 &lt;= x &lt;= 0.7, with e + el accurate to about 2^-55 relative. (Below -ln 2,
    /// exp(x) &lt; 1/2 and m 2^k - 1 is no longer exact.)
    /// </summary>
    private static double ExpM1WithTail(double x, double xl, out double el)
    {
        if (Math.Abs(x) < 0.0625)
        {
            // expm1(x) = x + x^2 P(x) with P the Taylor series to x^9 / 11! (truncation below 2^-65 relative): the
            // correction x^2 P(x) is at most x/32, so its rounding error is 2^-58 relative to the result; the
            // argument's tail enters times the derivative e^x.
            double p = 1.0 / 39916800;
            p = p * x + 1.0 / 3628800;
            p = p * x + 1.0 / 362880;
            p = p * x + 1.0 / 40320;
            p = p * x + 1.0 / 5040;
            p = p * x + 1.0 / 720;
            p = p * x + 1.0 / 120;
            p = p * x + 1.0 / 24;
            p = p * x + 1.0 / 6;
            p = p * x + 0.5;
            double q = x * x * p;
            double e = x + q;
            el = (q - (e - x)) + xl * (1.0 + e);
            return e;
        }

        // exp(x) = (m + ml) 2^k with k in {-1, 0, 1}: m 2^k - 1 is exact (Sterbenz), so exp's tail survives.
        double m = ExpMantissa(x, xl, out int k, out double ml);
        el = Math.ScaleB(ml, k);
        return Math.ScaleB(m, k) - 1.0;
    }
}
