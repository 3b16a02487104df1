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
    /// exp(x + xl) = (m + ml) * 2^k with m in about [0.7, 1.5] and m + ml accurate to about 2^-55 relative, for
    /// finite |x| up to about 2000 and |xl| &lt;= ulp(x).
    /// </summary>
    /// <remarks>
    /// fdlibm's algorithm (error &lt; 1 ULP in m alone) with two additions: the low part <paramref name="xl"/> of the
    /// argument is folded into the reduction, so that callers can pass an exact product such as beta * x = x + xl;
    /// and the final <c>1 + (hi - w)</c> is done error-free, returning its rounding error as <paramref name="ml"/>, so
    /// that callers lose no precision to exp before the next operation. Returning the scale separately lets callers
    /// divide before scaling and keep full precision where exp(x) itself would be subnormal.
    /// </remarks>
    internal static double ExpMantissa(double x, double xl, out int k, out double ml)
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

        // exp(hi - lo) = 1 + hi - w with w = lo - r c / (2 - c), |w| about r^2 / 2: only w carries rounding error.
        double r = hi - lo;
        double t = r * r;
        double c = r - t * (ExpP1 + t * (ExpP2 + t * (ExpP3 + t * (ExpP4 + t * ExpP5))));
        double w = lo - r * c / (2.0 - c);
        double v = hi - w;
        double vb = v - hi;
        double vl = (hi - (v - vb)) - (w + vb); // TwoSum(hi, -w)
        double m = 1.0 + v;
        ml = ((1.0 - m) + v) + vl; // Fast2Sum(1, v) is exact because |v| < 1
        return m;
    }

    /// <summary>
    /// (hi + lo) / beta = result + rest, with result the rounded quotient and rest its remainder over beta (one
    /// fused multiply-add), so that callers can add rest after their next operation.
    /// </summary>
    private static double DivideSum(double hi, double lo, double beta, out double rest)
    {
        double q = hi / beta;
        if (!double.IsFinite(q))
        {
            // Overflow (tiny beta): the remainder is meaningless, and inf - inf would make NaN.
            rest = 0;
            return q;
        }

        rest = (Math.FusedMultiplyAdd(-q, beta, hi) + lo) / beta;
        return q;
    }

    /// <summary>a + (q + rest) rounded once in effect, for |rest| &lt;= about ulp(q).</summary>
    private static double AddWithTail(double a, double q, double rest)
    {
        double s = a + q;
        if (!double.IsFinite(s))
        {
            return s;
        }

        double e = Math.Abs(a) >= Math.Abs(q) ? (a - s) + q : (q - s) + a; // Fast2Sum
        return s + (e + rest);
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

        double m = ExpMantissa(x, xl, out int k, out double ml);
        return Math.ScaleB(m + ml, k);
    }

    /// <summary>((m + ml) / beta) * 2^k without overflowing or underflowing in between, for m near 1 and beta &gt; 0.</summary>
    private static double ScaledQuotient(double m, double ml, double beta, int k)
    {
        // beta = mb * 2^eb with mb in [1, 2): the quotient is near 1, its remainder is carried, and one final scaling
        // rounds only once (twice only if the result is subnormal).
        int eb = Math.ILogB(beta);
        double mb = Math.ScaleB(beta, -eb);
        double q = DivideSum(m, ml, mb, out double rest);
        return Math.ScaleB(q + rest, k - eb);
    }
}
