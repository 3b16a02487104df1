namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The polynomials of the upper normal tail <c>Q(t) = erfc(t / sqrt 2) / 2</c> on three pieces of t = |x| for the double
/// kernels, copied from the runtime's <c>FusedMath.NormalTail.cs</c> (the scalar twin uses the same ones):
/// small t &lt;= 1: <c>Q = 1/2 - t E(t^2)</c>; mid 1 &lt; t &lt;= 3: <c>Q = exp(-t^2/2) R(t - 2)</c>; tail t &gt; 3:
/// <c>Q = exp(-t^2/2) G(A/t^2 + B) / t</c>.
/// </summary>
/// <remarks>
/// Coefficients: <c>generator/tools/fit_erfc.py</c> (mpmath Chebyshev fits, ascending powers, rounded to double; the
/// error quoted is the maximum relative error of the rounded polynomial evaluated exactly, before the rounding of its
/// own evaluation). The "Double" sets keep the constant term as a pair (hi, lo), added last in compensated arithmetic.
/// The float kernels use one rational function instead (<see cref="NormalTailRational"/>); the runtime's float
/// <c>FusedMath.Gelu</c> keeps the script's "Fast" sets.
/// </remarks>
internal static class NormalTailCoefficients
{
    /// <summary>Tail map v = A w + B, w = 1/t^2 in [1/1600, 1/9] -> v in [-1, 1] (the doubles the fit used).</summary>
    public const double TailDoubleA = 18.101822752985544;

    /// <summary>See <see cref="TailDoubleA"/>.</summary>
    public const double TailDoubleB = -1.011313639220616;


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
}
