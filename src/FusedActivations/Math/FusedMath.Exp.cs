using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // fdlibm e_exp.c: minimax polynomial for R(r^2) with |r| <= 0.5 ln 2, error < 2^-59.
    private const double ExpP1 = 1.66666666666666019037e-01;
    private const double ExpP2 = -2.77777777770155933842e-03;
    private const double ExpP3 = 6.61375632143793436117e-05;
    private const double ExpP4 = -1.65339022054652515390e-06;
    private const double ExpP5 = 4.13813679705723846039e-08;

    // Largest x with finite exp(x), and the x below which exp(x) rounds to 0 (fdlibm's o_threshold/u_threshold).
    private const double ExpOverflow = 7.09782712893383973096e+02;
    private const double ExpUnderflow = -7.45133219101941108420e+02;

    /// <summary>
    /// exp(x + xl) = m * 2^k with m in about [0.7, 1.5], for finite |x| up to about 2000 and |xl| &lt;= ulp(x).
    /// </summary>
    /// <remarks>
    /// fdlibm's algorithm (error &lt; 1 ULP) with the low part <paramref name="xl"/> of the argument folded into the
    /// reduction, so that callers can pass an exact product such as beta * x = x + xl. Returning the scale separately
    /// lets callers divide before scaling and keep full precision where exp(x) itself would be subnormal.
    /// </remarks>
    internal static double ExpMantissa(double x, double xl, out int k)
    {
        double hi;
        double lo;
        if (Math.Abs(x) > 0.5 * Ln2)
        {
            // Round x / ln 2 to nearest; x - k*Ln2Hi is exact because k*Ln2Hi is and the difference is small.
            k = (int)(InvLn2 * x + (x < 0 ? -0.5 : 0.5));
            hi = x - k * Ln2Hi;
            lo = k * Ln2Lo - xl;
        }
        else
        {
            k = 0;
            hi = x;
            lo = -xl;
        }

        double r = hi - lo;
        double t = r * r;
        double c = r - t * (ExpP1 + t * (ExpP2 + t * (ExpP3 + t * (ExpP4 + t * ExpP5))));
        return 1.0 - ((lo - r * c / (2.0 - c)) - hi);
    }

    /// <summary>exp(x + xl) with fdlibm accuracy (&lt; 1 ULP), for the exact sum of a double-double argument.</summary>
    internal static double Exp(double x, double xl)
    {
        if (!(x <= ExpOverflow))
        {
            // +inf, NaN, or overflow.
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x < ExpUnderflow)
        {
            return 0.0;
        }

        double m = ExpMantissa(x, xl, out int k);
        return Math.ScaleB(m, k);
    }

    /// <summary>(m / beta) * 2^k without overflowing or underflowing in between, for m near 1 and beta &gt; 0.</summary>
    private static double ScaledQuotient(double m, double beta, int k)
    {
        // beta = mb * 2^eb with mb in [1, 2): the quotient m / mb is near 1, and one final scaling rounds only once
        // (twice only if the result is subnormal).
        int eb = Math.ILogB(beta);
        double mb = Math.ScaleB(beta, -eb);
        return Math.ScaleB(m / mb, k - eb);
    }
}
