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
    /// <c>log(beta) + log(y)</c> with exact exponents so nothing underflows. Error within a few ULP (the test suite
    /// asserts the measured bound). y &lt; 0 and NaN give NaN, ±0 gives -infinity, +infinity gives +infinity.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not greater than 0 or not finite.</exception>
    public static double InverseSoftplus(double y, double beta)
    {
        ValidateBeta(beta);
        return InverseSoftplusCore(y, beta);
    }

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

        double zl = Math.FusedMultiplyAdd(beta, y, -z);
        if (z > 1.38)
        {
            // log(expm1(z)) = z + log1p(-exp(-z)); the correction is at most 0.29 / beta next to y >= 1.38 / beta.
            double t = Exp(-z, -zl);
            return y + Log1P(-t) / beta;
        }

        if (z >= 0.35)
        {
            // expm1(z) - 1 = 2 expm1(z - ln2) is exact in form, and z - Ln2Hi is exact (Sterbenz) on [0.35, 1.38].
            double d = (z - Ln2Hi) + (zl - Ln2Lo);
            return Log1P(2.0 * ExpM1(d)) / beta;
        }

        if (z >= 1.0 / 1073741824.0) // 2^-30
        {
            // expm1(z + zl) = expm1(z) + zl e^z to far below an ULP; log of a value below 0.42 is well conditioned.
            double em = ExpM1(z) + zl * (1.0 + z);
            return Math.Log(em) / beta;
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
        double log = n * Ln2Hi + (Math.Log(m) + (n * Ln2Lo + ml / m + 0.5 * z));
        return log / beta;
    }
}
