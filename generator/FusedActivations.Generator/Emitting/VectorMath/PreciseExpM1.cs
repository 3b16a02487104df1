using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// expm1(a + al) in double for a in [-64, 0.7], as a <see cref="DoubleDouble"/> accurate to about 2^-104 relative to
/// e^a (2^-60 or better relative to expm1 itself), for results whose log is taken (<c>InverseSoftplus</c>), where
/// <see cref="CompensatedExpM1"/>'s 2^-56 relative to e^a (its polynomial) shows as an ULP near |r| = ln2/2. With
/// <see cref="CompensatedExp"/>'s exact reduction a + al = k ln2 + rh + rl:
/// <c>e^r - 1 = rh + rh^2/2 + rh^3 Q3(rh) + rl e^rh</c>, rh^2/2 split exactly and Q3 the Taylor series of
/// (e^r - 1 - r - r^2/2)/r^3 to r^12 (truncation 2^-56 relative to Q3, whose term is at most 0.7% of e^r - 1), then
/// <c>2^k (e^r - 1) + (2^k - 1)</c> with a two-sum (2^k - 1 is exact for k &gt;= -53; below, e^a is under 2^-53 and
/// its absolute error of 2^k is what callers of that range can take).
/// </summary>
internal static class PreciseExpM1
{
    /// <summary>1/(n + 3)! for n = 0..12, rounded to double.</summary>
    private static readonly double[] Taylor =
    {
        1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800,
        1.0 / 479001600, 1.0 / 6227020800, 1.0 / 87178291200, 1.0 / 1307674368000,
    };

    public static DoubleDouble ExpM1(FormulaBuilder b, Value a, Value al)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, al);
        Value rh = p.Rh;
        b.Const("ScaleDown", System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Comment("e^r - 1 = rh + rh^2/2 + rh^3 Q3(rh) + rl e^rh: the two leading terms exactly, the rest is below 1% of them.");
        Value q3 = b.Horner("q3", rh, "ExpM1Taylor", Taylor, "Q3(r) = (e^r - 1 - r - r^2/2) / r^3 = 1/3! + r/4! + ...: its Taylor series to r^12, truncation 2^-56 relative on |r| <= ln2/2.");
        DoubleDouble sq = DoubleDouble.TwoProduct(b, "sq", rh, b.Mul(b.Lit(0.5), rh));
        DoubleDouble h = DoubleDouble.FastTwoSum(b, "eh", rh, sq.Hi);
        Value cube = b.Mul(b.Mul(b.Add(sq.Hi, sq.Hi), rh), q3);
        Value tail = b.Let("et", b.Add(h.Lo, b.Add(sq.Lo, b.Fma(p.Rl, b.Add(b.Add(b.Lit(1), rh), sq.Hi), cube))));
        b.Comment("Renormalized, so that the pair's tail is below half an ULP (logs of the pair take it to first order).");
        DoubleDouble er = DoubleDouble.FastTwoSum(b, "er", h.Hi, tail);
        b.Comment("expm1(a) = 2^k (er + ere) + (2^k - 1): no cancellation is rounded.");
        Value s = b.Let("s", b.Mul(b.ShiftIntoExponent(p.N), b.C("ScaleDown")), "2^k");
        DoubleDouble g = DoubleDouble.TwoSum(b, "em", b.Sub(s, b.Lit(1)), b.Mul(s, er.Hi));
        return new DoubleDouble(g.Hi, b.Let("eml", b.Fma(s, er.Lo, g.Lo), "expm1(a + al) = em + eml"));
    }
}
