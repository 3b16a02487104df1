namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The polynomials of the upper normal tail <c>Q(t) = erfc(t / sqrt 2) / 2</c> on three pieces of t = |x|, copied from
/// the runtime's <c>FusedMath.NormalTail.cs</c> (the scalar twins use the same ones):
/// small t &lt;= 1: <c>Q = 1/2 - t E(t^2)</c>; mid 1 &lt; t &lt;= 3: <c>Q = exp(-t^2/2) R(t - 2)</c>; tail t &gt; 3:
/// <c>Q = exp(-t^2/2) G(A/t^2 + B) / t</c>.
/// </summary>
/// <remarks>
/// Coefficients: <c>generator/tools/fit_erfc.py</c> (mpmath Chebyshev fits, ascending powers, rounded to double; the
/// error quoted is the maximum relative error of the rounded polynomial evaluated exactly, before the rounding of its
/// own evaluation). The "Double" sets keep the constant term as a pair (hi, lo), added last in compensated arithmetic;
/// the "Fast" sets are for float results computed in double and rounded once (relative error &lt;= 2^-40 is enough
/// there) and cover t &lt;= 16 only.
/// </remarks>
internal static class NormalTailCoefficients
{
    /// <summary>Tail map v = A w + B, w = 1/t^2 in [1/1600, 1/9] -> v in [-1, 1] (the doubles the fit used).</summary>
    public const double TailDoubleA = 18.101822752985544;

    /// <summary>See <see cref="TailDoubleA"/>.</summary>
    public const double TailDoubleB = -1.011313639220616;

    /// <summary>Tail map for the fast set: w in [1/256, 1/9] -> v in [-1, 1].</summary>
    public const double TailFastA = 18.655870445344128;

    /// <summary>See <see cref="TailFastA"/>.</summary>
    public const double TailFastB = -1.0728744939271255;


    /// <summary>SmallDouble E(s), s in [0, 1]: degree 10 (constant term as hi, lo), in s = t^2, max relative error 2^-59.1.</summary>
    public static readonly double[] SmallDouble =
    {
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
    };

    /// <summary>MidDouble R(2 + d), d in [-1, 1]: degree 19 (constant term as hi, lo), in d = t - 2, max relative error 2^-54.5.</summary>
    public static readonly double[] MidDouble =
    {
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
    };

    /// <summary>TailDouble G(v), t in [3, 40]: degree 24 (constant term as hi, lo), in v, max relative error 2^-57.1.</summary>
    public static readonly double[] TailDouble =
    {
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
    };

    /// <summary>SmallFast E(s), s in [0, 1]: degree 7, in s = t^2, max relative error 2^-42.5.</summary>
    public static readonly double[] SmallFast =
    {
        0.3989422804013757,
        -0.06649038005961135,
        0.009973556856551165,
        -0.0011873269827914136,
        0.0001154298130768852,
        -9.434143876529483e-06,
        6.533060272094338e-07,
        -3.3122262944591166e-08,
    };

    /// <summary>MidFast R(2 + d), d in [-1, 1]: degree 14, in d = t - 2, max relative error 2^-43.4.</summary>
    public static readonly double[] MidFast =
    {
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
    };

    /// <summary>TailFast G(v), t in [3, 16]: degree 14, in v, max relative error 2^-41.6.</summary>
    public static readonly double[] TailFast =
    {
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
    };
}
