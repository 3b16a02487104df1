namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The double-precision core of the float kernels: the float input is widened, the formula runs in double with these
/// short polynomials, and the result is rounded to float once: about 0.51 ULP, measured on all 2^32 inputs (README).
/// The log table needs a one-instruction 16-entry lookup (AVX-512, scalar code); other paths take
/// <see cref="WideLog1P.Log1PWithoutTable"/>.
/// </summary>
/// <remarks>
/// <para>Near-minimax (Chebyshev) fits from <c>generator/tools/fit_coefficients.py</c>; the errors are relative and far
/// below float's 2^-24, which is what makes the single final rounding the only one that matters:</para>
/// <list type="bullet">
/// <item><description><c>e^r = 1 + r + r^2 Q(r)</c> on |r| &lt;= ln(2)/2, Q of degree 5: 2^-32.</description></item>
/// <item><description><c>log1p(f) = f + f^2 P(f)</c> on [-1/32, 1/30], P of degree 3: 2^-30.</description></item>
/// <item><description><c>log(1 + t)</c> for t in [0, 1]: j = round(15 t), <c>c_j</c> ~ 1/(1 + j/15), then
/// <c>log(1 + t) = -log(c_j) + log1p(f)</c> with <c>f = t c_j + (c_j - 1)</c> (one rounding), |f| &lt;= 1/30. Entry 0 is
/// exactly (1, 0, 0), so f = t there and tiny arguments keep their full relative precision.</description></item>
/// </list>
/// </remarks>
internal static class WideningCore
{
    /// <summary>Q(r) = (e^r - 1 - r) / r^2, ascending powers.</summary>
    public static readonly double[] ExpRemainder =
    {
        0.500000001362022,
        0.16666666681794715,
        0.04166646338552724,
        0.008333310754486687,
        0.0013933820579595138,
        0.00019891180258026494,
    };

    /// <summary>P(f) = (log1p(f) - f) / f^2, ascending powers.</summary>
    public static readonly double[] LogRemainder =
    {
        -0.4999999766890741,
        0.33333368457048024,
        -0.2501759848142587,
        0.19945142084418932,
    };

    /// <summary>c_j = 1/(1 + j/15) rounded to double, j = 0..15.</summary>
    public static readonly double[] LogTableInverse =
    {
        1.0, 0.9375, 0.8823529411764706, 0.8333333333333334, 0.7894736842105263, 0.75, 0.7142857142857143, 0.6818181818181818,
        0.6521739130434783, 0.625, 0.6000000000000001, 0.5769230769230769, 0.5555555555555556, 0.5357142857142857, 0.5172413793103449, 0.5,
    };

    /// <summary>c_j - 1, exact in double (c_j is in [1/2, 1]).</summary>
    public static double[] LogTableInverseMinusOne => System.Array.ConvertAll(LogTableInverse, c => c - 1);

    /// <summary>-log(c_j) of the double c_j, rounded to double.</summary>
    public static readonly double[] LogTableOfInverse =
    {
        0.0, 0.06453852113757118, 0.12516314295400605, 0.1823215567939546, 0.2363887780642304, 0.2876820724517809, 0.3364722366212129, 0.38299225225610584,
        0.4274440148269396, 0.4700036292457356, 0.5108256237659905, 0.5500463369192721, 0.587786664902119, 0.6241543090729939, 0.6592456288842639, 0.6931471805599453,
    };

    /// <summary>Entries of the log tables; <c>j = round(TableScale t)</c> for t in [0, 1].</summary>
    public const int TableSize = 16;

    public const int TableScale = TableSize - 1;

    /// <summary>1.5 * 2^52: adding it to a double below 2^51 in magnitude rounds it to an integer held in the low bits.</summary>
    public const double RoundingMagic = 6755399441055744.0;
}
