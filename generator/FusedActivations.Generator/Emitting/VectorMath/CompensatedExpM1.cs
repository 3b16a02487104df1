using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// expm1(a) for a in [-60, 0] in the element type, as a <see cref="DoubleDouble"/>: e^a = 2^k (1 + pm + pme) from
/// <see cref="CompensatedExp"/>, 1 + pm split exactly into u + ul, then <c>2^k u - 1</c> formed with a two-sum (2^k u is
/// exact: 2^k is a power of two), so no cancellation is ever rounded. Relative error about 2^-52 (double).
/// </summary>
internal static class CompensatedExpM1
{
    public static DoubleDouble ExpM1(FormulaBuilder b, Value a)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, null);
        b.Const("ScaleDown", System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Comment("expm1(a) = 2^k (u + ul) - 1 with 1 + pm + pme = u + ul exactly: 2^k u and its sum with -1 are exact.");
        Value s = b.Let("s", b.Mul(b.ShiftIntoExponent(p.N), b.C("ScaleDown")), "2^k, k in [-87, 0]");
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "u", b.Lit(1), p.Pm);
        DoubleDouble sum = DoubleDouble.TwoSum(b, "es", b.Lit(-1), b.Mul(s, u.Hi));
        Value tail = b.Let("est", b.Fma(s, b.Add(u.Lo, p.Pme), sum.Lo));
        b.Comment("Renormalized: for tiny a the leading part 2^k u - 1 can be smaller than the tail.");
        return DoubleDouble.TwoSum(b, "em", sum.Hi, tail);
    }
}
