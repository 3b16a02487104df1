using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // The upper tail of the standard normal distribution, Q(t) = erfc(t / sqrt 2) / 2 = Phi(-t), for t = |x| >= 0:
    // GELU is x Phi(x) = x Q(-x) for x < 0 and x - x Q(x) for x >= 0. Working in t rather than z = t / sqrt 2 keeps
    // the argument exact: t^2 / 2 is an exact two-product halved, where z would carry the rounding of 1 / sqrt 2,
    // which exp(-z^2) amplifies by 2 z^2 (about 1500 at the end of the double range).
    //
    // Three pieces, chosen by comparisons on t only (a SIMD kernel computes all three and selects):
    //   small, t <= 1:     Q = 1/2 - t E(t^2)          E a polynomial in s = t^2 (s's rounding barely matters:
    //                                                    E varies by 17 % over the piece)
    //   mid,   1 < t <= 3: Q = exp(-t^2/2) R(t)        R a polynomial in d = t - 2, exact (Sterbenz)
    //   tail,  3 < t:      Q = exp(-t^2/2) G(w) / t    G a polynomial in v = A w + B, w = 1/t^2; G is within 11 % of
    //                                                    1/sqrt(2 pi), so w's rounding barely matters; the one
    //                                                    division's rounding error is carried exactly
    // exp(-t^2/2) comes from ExpMantissa with the exact double-double argument. No table, one division.
    //
    // A variable such as y = (t - K) / (t + K) covers [0, 40] with one polynomial of degree 23, but y's rounding error
    // is amplified about four-fold by the polynomial (measured with mpmath), too much for 1.5 ULP; the pieces above
    // keep every polynomial argument exact or insensitive.
    //
    // Coefficients: generator/tools/fit_erfc.py (mpmath Chebyshev fits, ascending powers, rounded to double; the
    // error quoted is the maximum relative error of the rounded polynomial evaluated exactly, before the rounding of
    // its own evaluation). The "Double" sets keep the constant term as a pair (hi, lo), added last in compensated
    // arithmetic; the "Fast" sets are for float results computed in double and rounded once (relative error
    // <= 2^-40 is enough there) and cover t <= 16 only.

    // Tail map v = A w + B (the doubles the fit used): w in [1/1600, 1/9] -> v in [-1, 1].
    private const double TailDoubleA = 18.101822752985544;
    private const double TailDoubleB = -1.011313639220616;

    // w in [1/256, 1/9] -> v in [-1, 1].
    private const double TailFastA = 18.655870445344128;
    private const double TailFastB = -1.0728744939271255;

    /// <summary>Largest t the double pieces cover: beyond it every double GELU result is 0 or x itself.</summary>
    private const double NormalTailDoubleEnd = 40.0;

    /// <summary>Largest t the fast pieces cover: beyond it every float GELU result is 0 or x itself.</summary>
    private const double NormalTailFastEnd = 16.0;

    // SmallDouble E(s), s in [0, 1]: degree 10 (constant term as hi, lo), in s = t^2, max relative error 2^-59.1
    private static ReadOnlySpan<double> SmallDouble =>
    [
        0.3989422804014327,
        -2.500531462550642e-17,
        -0.06649038006690543,
        0.009973557010035022,
        -0.0011873282154680343,
        0.00011543468751655941,
        -9.444655793103845e-06,
        6.659679879655231e-07,
        -4.1224107514160815e-08,
        2.2704137585676e-09,
        -1.106432828275589e-10,
        4.0743269774266276e-12,
    ];

    // MidDouble R(2 + d), d in [-1, 1]: degree 19 (constant term as hi, lo), in d = t - 2, max relative error 2^-54.5
    private static ReadOnlySpan<double> MidDouble =>
    [
        0.1681020012231706,
        1.2327295781294162e-17,
        -0.06273827795509146,
        0.021312722656493855,
        -0.006704277547367933,
        0.0019760418904389227,
        -0.0005504387532976892,
        0.0001458607306479642,
        -3.695961314647566e-05,
        8.992687996362109e-06,
        -2.1082485537633934e-06,
        4.776192684163792e-07,
        -1.0481915577967421e-07,
        2.2331337825802402e-08,
        -4.627288824213908e-09,
        9.346296802908623e-10,
        -1.8404377508995197e-10,
        3.491929988291334e-11,
        -6.576570912090939e-12,
        1.4398360781785342e-12,
        -2.583264935733864e-13,
    ];

    // TailDouble G(v), t in [3, 40]: degree 24 (constant term as hi, lo), in v, max relative error 2^-57.1
    private static ReadOnlySpan<double> TailDouble =>
    [
        0.37962407548117927,
        1.6031860174478372e-17,
        -0.01673141401087152,
        0.0019184822339988322,
        -0.00032517856677976155,
        6.95500403079756e-05,
        -1.7448935497346607e-05,
        4.927901873707385e-06,
        -1.5264846892957781e-06,
        5.09548711249658e-07,
        -1.8097891875093144e-07,
        6.775310471677783e-08,
        -2.6563894719630895e-08,
        1.0830021258565794e-08,
        -4.499711426410868e-09,
        1.9503080342406454e-09,
        -1.027439275671255e-09,
        4.872837713890441e-10,
        -3.6347748208449274e-12,
        -1.534019004744674e-11,
        -2.1283515415927344e-10,
        1.1802959969042756e-10,
        7.800629649934749e-11,
        -4.4923210336185107e-11,
        -2.6417218420828554e-11,
        1.4814422138212437e-11,
    ];

    // SmallFast E(s), s in [0, 1]: degree 7, in s = t^2, max relative error 2^-42.5
    private static ReadOnlySpan<double> SmallFast =>
    [
        0.3989422804013757,
        -0.06649038005961135,
        0.009973556856551165,
        -0.0011873269827914136,
        0.0001154298130768852,
        -9.434143876529483e-06,
        6.533060272094338e-07,
        -3.3122262944591166e-08,
    ];

    // MidFast R(2 + d), d in [-1, 1]: degree 14, in d = t - 2, max relative error 2^-43.4
    private static ReadOnlySpan<double> MidFast =>
    [
        0.1681020012231706,
        -0.06273827795528454,
        0.021312722656530763,
        -0.006704277540166838,
        0.0019760418890621954,
        -0.0005504388308864579,
        0.00014586074548191957,
        -3.695924522565606e-05,
        8.992617655283518e-06,
        -2.1091415347561717e-06,
        4.777899817636562e-07,
        -1.0366489167848147e-07,
        2.2110732016123936e-08,
        -5.376777331535721e-09,
        1.0777256717244407e-09,
    ];

    // TailFast G(v), t in [3, 16]: degree 14, in v, max relative error 2^-41.6
    private static ReadOnlySpan<double> TailFast =>
    [
        0.3791288644957532,
        -0.016124780091436842,
        0.001779288766342532,
        -0.00028964933019733844,
        5.940867974009518e-05,
        -1.427615199611932e-05,
        3.857994532924965e-06,
        -1.1407479102523617e-06,
        3.635649130359865e-07,
        -1.277206589355963e-07,
        4.6028932015346556e-08,
        -1.1446367418889172e-08,
        4.128400716219957e-09,
        -5.472462934567975e-09,
        2.369146024175106e-09,
    ];

    /// <summary>
    /// Q(t) = erfc(t / sqrt 2) / 2 = (result + lo) * 2^k for 0 &lt;= t &lt;= 40, to about 2^-54 relative (the
    /// measured GELU errors bound it), with the scale kept apart so that values far below the normal range keep
    /// their precision until the caller's final rounding.
    /// </summary>
    private static double NormalTailCore(double t, out double lo, out int k)
    {
        if (t <= 1.0)
        {
            // Q = 1/2 - t E(s): |t E| <= 0.342, so 1/2 - p is a Fast2Sum and Q >= 0.158 loses at most 1.2 bits.
            double s = t * t;
            double e = CompensatedHorner(SmallDouble, s, out double el);
            double p = t * e;
            double pl = Math.FusedMultiplyAdd(t, e, -p) + t * el;
            double q = 0.5 - p;
            lo = ((0.5 - q) - p) - pl;
            k = 0;
            return q;
        }

        // exp(-t^2/2) = (m + ml) 2^k, with t^2 split exactly.
        double t2 = t * t;
        double t2l = Math.FusedMultiplyAdd(t, t, -t2);
        double m = ExpMantissa(-0.5 * t2, -0.5 * t2l, out k, out double ml);

        double rh;
        double rl;
        if (t <= 3.0)
        {
            rh = CompensatedHorner(MidDouble, t - 2.0, out rl);
        }
        else
        {
            // 1/t = r + rlo: the remainder 1 - r t is exact with a fused multiply-add.
            double r = 1.0 / t;
            double rlo = r * Math.FusedMultiplyAdd(-r, t, 1.0);
            double v = Math.FusedMultiplyAdd(r * r, TailDoubleA, TailDoubleB);
            double g = CompensatedHorner(TailDouble, v, out double gl);
            rh = r * g;
            rl = Math.FusedMultiplyAdd(r, g, -rh) + (r * gl + rlo * g);
        }

        double qh = m * rh;
        lo = Math.FusedMultiplyAdd(m, rh, -qh) + (m * rl + ml * rh);
        return qh;
    }

    /// <summary>
    /// Q(t) = erfc(t / sqrt 2) / 2 = result * 2^k for 0 &lt;= t &lt;= 16, to about 2^-41 relative: the same pieces
    /// with lower degrees and no compensation, enough for a float result computed in double and rounded once.
    /// </summary>
    private static double NormalTailFast(double t, out int k)
    {
        if (t <= 1.0)
        {
            k = 0;
            return 0.5 - t * Horner(SmallFast, t * t);
        }

        double t2 = t * t;
        double m = ExpMantissa(-0.5 * t2, -0.5 * Math.FusedMultiplyAdd(t, t, -t2), out k, out double ml);
        double r = 1.0 / t;
        double poly = t <= 3.0
            ? Horner(MidFast, t - 2.0)
            : r * Horner(TailFast, Math.FusedMultiplyAdd(r * r, TailFastA, TailFastB));
        return (m + ml) * poly;
    }

    /// <summary>c[0] + c[1] + x (c[2] + x (c[3] + ...)) for a constant term split as c[0] + c[1]: the last step is
    /// an exact product and a Fast2Sum (|x P| is well below c[0] on every piece), so the result + lo carries the
    /// constant to double-double precision.</summary>
    private static double CompensatedHorner(ReadOnlySpan<double> c, double x, out double lo)
    {
        double inner = c[^1];
        for (int i = c.Length - 2; i >= 2; i--)
        {
            inner = Math.FusedMultiplyAdd(inner, x, c[i]);
        }

        double p = x * inner;
        double pl = Math.FusedMultiplyAdd(x, inner, -p);
        double s = c[0] + p;
        lo = ((c[0] - s) + p) + (pl + c[1]);
        return s;
    }

    /// <summary>c[0] + x (c[1] + x (c[2] + ...)) with fused multiply-adds.</summary>
    private static double Horner(ReadOnlySpan<double> c, double x)
    {
        double p = c[^1];
        for (int i = c.Length - 2; i >= 0; i--)
        {
            p = Math.FusedMultiplyAdd(p, x, c[i]);
        }

        return p;
    }
}
