using System;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The shared core of every kernel's vector math: the constants of the exponential's range reduction and the
/// polynomial coefficients of exp and log1p, per element type. Kernels copy the ones they use into their generated
/// class as named <c>const</c>s.
/// </summary>
/// <remarks>
/// <para>The coefficients are Chebyshev fits (near-minimax, computed with mpmath to 60 digits, then rounded to the element
/// type) of the smooth remainders of the two functions, so that the large leading terms are added exactly by the kernel:</para>
/// <list type="bullet">
/// <item><description><c>e^r = 1 + r + r^2 * Q(r)</c> on |r| &lt;= ln(2)/2 (slightly widened). Relative error of Q after
/// rounding the coefficients: 2^-22.8 (float, degree 4) and 2^-51.9 (double, degree 9); r^2 Q(r) is at most 6% of e^r, so
/// its share of the error in e^r is 2^-26.8 and 2^-55.9.</description></item>
/// <item><description><c>log1p(f) = f - f^2/2 + f^3 * R(f)</c> on sqrt(1/2) - 1 &lt;= f &lt;= sqrt(2) - 1 (slightly widened).
/// Relative error of R: 2^-23.7 (float, degree 8) and 2^-50.0 (double, degree 18); f^3 R(f) is at most 6% of log1p(f),
/// so its share of the error is 2^-27.8 and 2^-54.</description></item>
/// </list>
/// <para>Regenerate with <c>generator/tools/fit_coefficients.py</c>.</para>
/// </remarks>
internal static class ExpLogCoefficients
{
    /// <summary>Q(r) = (e^r - 1 - r) / r^2, float, ascending powers.</summary>
    public static readonly double[] ExpRemainderSingle =
    {
        0.5,
        0.16666576266288757,
        0.04166655242443085,
        0.00836323294788599,
        0.0013926250394433737,
    };

    /// <summary>Q(r) = (e^r - 1 - r) / r^2, double, ascending powers.</summary>
    public static readonly double[] ExpRemainderDouble =
    {
        0.5000000000000001,
        0.16666666666666669,
        0.041666666666623824,
        0.008333333333330039,
        0.0013888888917367081,
        0.00019841269863171557,
        2.4801521057868204e-05,
        2.7557268276905696e-06,
        2.7620201591031547e-07,
        2.5100472505694996e-08,
    };

    /// <summary>R(f) = (log1p(f) - f + f^2/2) / f^3, float, ascending powers.</summary>
    public static readonly double[] LogRemainderSingle =
    {
        0.3333333134651184,
        -0.2499999701976776,
        0.20000730454921722,
        -0.1666785031557083,
        0.14248551428318024,
        -0.12424037605524063,
        0.11689071357250214,
        -0.11494546383619308,
        0.0698070228099823,
    };

    /// <summary>R(f) = (log1p(f) - f + f^2/2) / f^3, double, ascending powers.</summary>
    public static readonly double[] LogRemainderDouble =
    {
        0.3333333333333333,
        -0.24999999999998515,
        0.20000000000003282,
        -0.1666666666740066,
        0.14285714285724108,
        -0.12499999894118506,
        0.11111110996120512,
        -0.10000006821247229,
        0.09090921866254514,
        -0.08333104602691926,
        0.07691716271929859,
        -0.07146997457034761,
        0.06680758125731039,
        -0.06213060382878,
        0.05703287955875083,
        -0.05633409409199079,
        0.06371718851878823,
        -0.059768824329671975,
        0.027133643607283216,
    };

    public static double[] ExpRemainder(ElementType type) => type == ElementType.Single ? ExpRemainderSingle : ExpRemainderDouble;

    public static double[] LogRemainder(ElementType type) => type == ElementType.Single ? LogRemainderSingle : LogRemainderDouble;
}
