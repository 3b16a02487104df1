using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// sigmoid(z + zl) times 2^offset in the element type (double kernels), as a pair accurate to about 2^-100: with a = -|z|, t = e^a from <see cref="CompensatedExp"/> kept as a pair, the quotient
/// <c>(z &lt; 0 ? t : 1) / (1 + t)</c> is taken between double-doubles (<see cref="DoubleDouble.Divide"/>). The
/// result carries the scale 2^offset of Magic, so that callers multiply by their own factor first and round a subnormal
/// result only once (multiply by ScaleDown last).
/// </summary>
internal static class CompensatedSigmoid
{
    /// <summary>a = -|z| is raised to this: e^-760 is below the smallest subnormal, and 2^(k + offset) stays normal.</summary>
    private const double Floor = -760;

    /// <param name="b">The formula (double).</param>
    /// <param name="z">The argument.</param>
    /// <param name="zl">Its tail (z + zl exactly), or null.</param>
    /// <param name="reduction">The exponential's constants, if not the element type's own: a larger offset keeps the quotient's remainder normal further into the tail.</param>
    public static DoubleDouble Scaled(FormulaBuilder b, Value z, Value? zl, ExpReduction? reduction = null)
    {
        ExpReduction e = reduction ?? ExpReduction.For(b.Element.Type);
        b.Comment("sigmoid(z) = (z < 0 ? t : 1) / (1 + t), t = e^a, a = -|z|: never overflows.");
        b.Const("SigmoidFloor", Floor, $"a = -|z| is raised to {Floor}: e^{Floor} is below half the smallest subnormal.");
        Value a = b.Let("a", b.Max(b.NegativeAbs(z), b.C("SigmoidFloor")));
        Value? al = zl is null ? null : b.Let("al", b.NegateWhereNonNegative(zl, z), "a + al = -|z + zl|");
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, al, e);
        b.Const(e.Name("ScaleDown"), System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Const(e.Name("MagicFloor"), e.Magic + e.KFloor, $"Magic + ({e.KFloor}): n clamped to it gives 2^{e.KFloor}, the smallest scale 1 + t needs.");
        b.Const(e.Name("ScaleUp"), System.Math.Pow(2, e.ScaleOffset), $"2^{e.ScaleOffset}: the numerator 1, scaled like t.");
        Value s64 = b.Let("s64", b.ShiftIntoExponent(p.N), "2^(k + offset): normal even where e^a is subnormal");
        Value s = b.Let("s", b.Mul(b.ShiftIntoExponent(b.Max(p.N, b.C(e.Name("MagicFloor")))), b.C(e.Name("ScaleDown"))), "2^max(k, KFloor): never subnormal");
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "u", b.Lit(1), p.Pm);
        Value ul = b.Let("ul2", b.Add(u.Lo, p.Pme), "e^r = u + ul2");
        Value th = b.Let("th", b.Mul(s, u.Hi));
        DoubleDouble d = DoubleDouble.FastTwoSum(b, "d", b.Lit(1), th);
        var denominator = new DoubleDouble(d.Hi, b.Let("dl", b.Fma(s, ul, d.Lo), "1 + t = d + dl"));
        Value negative = b.Let("negative", b.LessThan(z, b.Lit(0)));
        var numerator = new DoubleDouble(
            b.Let("nh", b.Select(negative, b.Mul(s64, u.Hi), b.C(e.Name("ScaleUp")))),
            b.Let("nl", b.Where(negative, b.Mul(s64, ul)), "numerator: t or 1, times 2^offset"));
        return DoubleDouble.Divide(b, "q", numerator, denominator);
    }
}
