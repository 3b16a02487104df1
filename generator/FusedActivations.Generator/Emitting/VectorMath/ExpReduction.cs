using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// Constants of the exponential's range reduction <c>a = k ln2 + r</c>, <c>e^a = 2^k e^r</c>, per element type.
/// </summary>
/// <remarks>
/// <para><b>Rounding to k without a rounding instruction.</b> <c>n = a * log2(e) + Magic</c> with
/// <c>Magic = 1.5 * 2^(p-1) + bias + ScaleOffset</c> (p = 24 or 53) leaves round(a / ln2) + bias + ScaleOffset in n's
/// low mantissa bits, so <c>k = n - Magic</c> and <c>n</c>'s bits shifted into the exponent field are exactly
/// <c>2^(k + ScaleOffset)</c>. The offset keeps that power of two normal for k down to -(bias - 1 + ScaleOffset), so
/// results that are subnormal get a single rounding when the kernel finally multiplies by <c>2^-ScaleOffset</c>.</para>
/// <para><b>Exact reduced argument.</b> With FMA, <c>fma(k, -Ln2Hi, a)</c> is exact: |k| needs at most 8 (float) or 11
/// (double) bits, and the result is below ln2/2 in magnitude with no bit below Ln2Hi's last one. Without FMA (the
/// portable Vector128 path), a three-part Cody-Waite split whose first two parts have trailing zeros makes
/// <c>k * Ln2CwHi</c> and <c>k * Ln2CwMid</c> exact; an exact two-sum then joins them.</para>
/// </remarks>
internal sealed class ExpReduction
{
    private static readonly double Ln2 = 0.693147180559945309417232121458176568;

    public static readonly ExpReduction Single = new(
        log2E: 1.4426950408889634,
        ln2Hi: (float)Ln2,
        ln2Lo: (float)(Ln2 - (float)Ln2 + 2.3190468138462996e-17),
        ln2CwHi: 0.693145751953125,          // 0x1.62e4p-1: 16 significant bits
        ln2CwMid: Truncate(Ln2 - 0.693145751953125, 16),
        ln2CwLo: (float)(Ln2 - 0.693145751953125 - Truncate(Ln2 - 0.693145751953125, 16) + 2.3190468138462996e-17),
        magic: 12582912.0 + 127 + 64,        // 1.5 * 2^23 + bias + offset
        scaleOffset: 64,
        sqrt2: 1.41421356237309504880,
        tinyExponent: -11);

    public static readonly ExpReduction Double = new(
        log2E: 1.4426950408889634,
        ln2Hi: Ln2,
        ln2Lo: 2.3190468138462996e-17,       // ln2 - fl(ln2)
        ln2CwHi: 6.93147180369123816490e-01, // fdlibm's ln2_hi: 32 significant bits
        ln2CwMid: Ln2 - 6.93147180369123816490e-01, // exact: 21 significant bits
        ln2CwLo: 2.3190468138462996e-17,     // ln2 - fl(ln2)
        magic: 6755399441055744.0 + 1023 + 128, // 1.5 * 2^52 + bias + offset
        scaleOffset: 128,
        sqrt2: 1.41421356237309504880,
        tinyExponent: -26);

    private ExpReduction(double log2E, double ln2Hi, double ln2Lo, double ln2CwHi, double ln2CwMid, double ln2CwLo, double magic, int scaleOffset, double sqrt2, int tinyExponent, string suffix = "")
    {
        _suffix = suffix;
        Ln2CwMid = ln2CwMid;
        Log2E = log2E;
        Ln2Hi = ln2Hi;
        Ln2Lo = ln2Lo;
        Ln2CwHi = ln2CwHi;
        Ln2CwLo = ln2CwLo;
        Magic = magic;
        ScaleOffset = scaleOffset;
        Sqrt2 = sqrt2;
        TinyExponent = tinyExponent;
    }

    public double Log2E { get; }

    /// <summary>ln2 rounded to the element type (for the FMA reduction).</summary>
    public double Ln2Hi { get; }

    /// <summary>ln2 - Ln2Hi, rounded.</summary>
    public double Ln2Lo { get; }

    /// <summary>Cody-Waite high part of ln2 with trailing zero bits (for the reduction without FMA).</summary>
    public double Ln2CwHi { get; }

    /// <summary>The next bits of ln2, few enough that <c>k * Ln2CwMid</c> is exact too.</summary>
    public double Ln2CwMid { get; }

    /// <summary>ln2 - Ln2CwHi - Ln2CwMid, rounded.</summary>
    public double Ln2CwLo { get; }

    public double Magic { get; }

    /// <summary>The kernel builds 2^(k + ScaleOffset) and multiplies by 2^-ScaleOffset last.</summary>
    public int ScaleOffset { get; }

    public double Sqrt2 { get; }

    /// <summary>
    /// Below this k (e^a &lt; 2^TinyExponent) log1p(t) is evaluated as t(1 - t/2 + t^2/3 - t^3/4): the series has
    /// converged to the precision of the type, and it keeps t's small relative error instead of adding 1 to it.
    /// </summary>
    public int TinyExponent { get; }

    /// <summary>
    /// The log1p part clamps k to at least this, far below <see cref="TinyExponent"/> (where its result is not used) but
    /// high enough that no intermediate is subnormal.
    /// </summary>
    public int KFloor => TinyExponent * 5;

    /// <summary>Rounds <paramref name="value"/> to <paramref name="bits"/> significant bits.</summary>
    private static double Truncate(double value, int bits)
    {
        double scale = System.Math.Pow(2, bits - 1 - System.Math.Floor(System.Math.Log(System.Math.Abs(value), 2)));
        return System.Math.Round(value * scale) / scale;
    }

    public static ExpReduction For(ElementType type) => type == ElementType.Single ? Single : Double;

    /// <summary>
    /// The same reduction with another <see cref="ScaleOffset"/> (Magic moved with it): for callers whose scaled
    /// results must stay further from the subnormal range. 2^(k + offset) must stay a normal number for every k the
    /// caller reaches.
    /// </summary>
    public ExpReduction WithScaleOffset(int offset) =>
        new(Log2E, Ln2Hi, Ln2Lo, Ln2CwHi, Ln2CwMid, Ln2CwLo, Magic - ScaleOffset + offset, offset, Sqrt2, TinyExponent, offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The kernel constant name of <paramref name="constant"/> (Magic, MagicFloor, ScaleUp, ScaleDown: the constants
    /// that depend on the offset) for this reduction: suffixed with the offset where it is not the element type's own,
    /// so a kernel that uses both (a fused formula) declares each under its own name.
    /// </summary>
    public string Name(string constant) => constant + _suffix;

    private readonly string _suffix;
}
