using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// expm1(a) for a in [-60, 0] in the element type, as a <see cref="DoubleDouble"/>: e^a = 2^k (1 + pm + pme) from
/// <see cref="CompensatedExp"/>, then <c>(2^k - 1) + 2^k pm</c> added exactly (both terms are exact: k &lt;= 0 and
/// 2^k is a power of two), so no cancellation is ever rounded. Relative error about 2^-52 (double).
/// </summary>
internal static class CompensatedExpM1
{
    public static DoubleDouble ExpM1(FormulaBuilder b, Value a)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, null);
        b.Const("ScaleDown", System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Comment("expm1(a) = (2^k - 1) + 2^k (pm + pme): both leading terms exact, added with a two-sum.");
        Value s = b.Let("s", b.Mul(b.ShiftIntoExponent(p.N), b.C("ScaleDown")), "2^k, k in [-87, 0]");
        DoubleDouble sum = DoubleDouble.TwoSum(b, "em", b.Sub(s, b.Lit(1)), b.Mul(s, p.Pm));
        return new DoubleDouble(sum.Hi, b.Let("eml", b.Fma(s, p.Pme, sum.Lo), "expm1(a) = em + eml"));
    }
}
