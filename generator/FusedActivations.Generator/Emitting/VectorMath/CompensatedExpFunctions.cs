using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// exp, expm1, the normal distribution function Phi and the normal density phi for double formulas (<c>[Fused]</c>),
/// from <see cref="CompensatedExp"/>'s pair (error about 2^-100 relative) rounded once: about 0.5 ULP for normal
/// results. Subnormal results are rounded twice (at the scale 2^±offset, then scaled), within 1 ULP.
/// </summary>
internal static class CompensatedExpFunctions
{
    /// <summary>e^x for any x (NaN restored by the caller): the argument is clamped to [-760, 710], where the result is 0 or +infinity.</summary>
    public static Value Exp(FormulaBuilder b, Value x)
    {
        b.Comment("e^x = 2^k (u + ul2), rounded once at the scale 2^(k -+ offset) and scaled back: never overflows before the last product.");
        Value low = b.Let("el", b.Max(x, b.Lit(-760)));
        Value a = b.Let("ea", b.Min(low, b.Lit(710)), "e^-760 rounds to 0, e^710 to +infinity");
        return Scaled(b, a, null);
    }

    /// <summary>expm1(x): the compensated expm1 of -|x| (x &lt;= 0), and for x &gt; 0 e^x (1 - e^-x) = -e^x expm1(-x), as pairs.</summary>
    public static Value ExpM1(FormulaBuilder b, Value x)
    {
        b.Comment("expm1(x) = m for x <= 0 and -e^x m for x > 0, with m = expm1(-|x|) (-|x| raised to -60: m = -1 there).");
        Value a = b.Let("ma", b.Max(b.NegativeAbs(x), b.Lit(-60)));
        DoubleDouble m = CompensatedExpM1.ExpM1(b, a);
        Value mh = b.Let("mh", m.Hi);
        Value ml = b.Let("ml", m.Lo);
        Value xc = b.Let("xp", b.Min(b.Max(x, b.Lit(0)), b.Lit(710)), "x > 0: e^x itself, e^710 overflows");
        DoubleDouble e = PositivePair(b, xc);
        Value eh = b.Let("ueh", b.Mul(e.Hi, b.C("ScaleUp")), "e^x unscaled: finite up to x = 60, where it is used");
        Value el = b.Let("uel", b.Mul(e.Lo, b.C("ScaleUp")));
        DoubleDouble p = DoubleDouble.TwoProduct(b, "pm1", eh, mh);
        Value positive = b.Neg(b.Add(p.Hi, b.Fma(eh, ml, b.Fma(el, mh, p.Lo))));
        b.Comment("Beyond x = 60, e^-x is below 2^-86: e^x itself (+infinity from x = 709.79 on).");
        Value large = b.Mul(b.Add(e.Hi, e.Lo), b.C("ScaleUp"));
        return b.Select(b.GreaterThan(x, b.Lit(0)), b.SelectGreaterThan(x, b.Lit(60), large, positive), b.Add(mh, ml));
    }

    /// <summary>Phi(x) = Q(-x) for x &lt;= 0 and 1 - Q(x) above (Q the compensated upper normal tail, |x| clamped to 39).</summary>
    public static Value NormalCdf(FormulaBuilder b, Value x)
    {
        Value t = b.Let("tq", b.Min(b.Abs(x), b.Lit(39)));
        DoubleDouble q = CompensatedNormalTail.Scaled(b, t);
        Value qh = b.Let("qsh", b.Mul(q.Hi, b.C("ScaleDown")));
        Value ql = b.Let("qsl", b.Mul(q.Lo, b.C("ScaleDown")));
        return b.SelectGreaterThan(x, b.Lit(0), b.Sub(b.Sub(b.Lit(1), qh), ql), b.Add(qh, ql));
    }

    /// <summary>phi(x) = e^(-x^2/2) / sqrt(2 pi) with -x^2/2 exact as a pair and 1/sqrt(2 pi) as a pair.</summary>
    public static Value NormalPdf(FormulaBuilder b, Value x)
    {
        b.Const("InvSqrt2PiHi", 0.3989422804014327, "1/sqrt(2 pi) rounded to double.");
        b.Const("InvSqrt2PiLo", -2.4923272022777433e-17, "1/sqrt(2 pi) - InvSqrt2PiHi.");
        Value xc = b.Let("xn", b.Min(b.Abs(x), b.Lit(40)), "phi(40) is below the smallest subnormal");
        DoubleDouble square = DoubleDouble.TwoProduct(b, "sq", xc, xc);
        DoubleDouble e = NegativePair(b, b.Let("na", b.Mul(b.Lit(-0.5), square.Hi)), b.Let("nal", b.Mul(b.Lit(-0.5), square.Lo)));
        Value eh = b.Let("peh", e.Hi);
        DoubleDouble p = DoubleDouble.TwoProduct(b, "pp", eh, b.C("InvSqrt2PiHi"));
        Value sum = b.Add(p.Hi, b.Fma(eh, b.C("InvSqrt2PiLo"), b.Fma(e.Lo, b.C("InvSqrt2PiHi"), p.Lo)));
        return b.Mul(sum, b.C("ScaleDown"));
    }

    /// <summary>e^a for a in [-760, 710], rounded once (twice where subnormal).</summary>
    private static Value Scaled(FormulaBuilder b, Value a, Value? al)
    {
        ExpReduction reduction = ExpReduction.For(b.Element.Type);
        int offset = reduction.ScaleOffset;
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, al);
        b.Const("ScaleDown", System.Math.Pow(2, -offset), $"2^-{offset}: undoes the offset in the power of two built from Magic.");
        b.Const("ScaleUp", System.Math.Pow(2, offset), $"2^{offset}: for positive arguments the power of two is built {offset} below 2^k and scaled up last.");
        Value up = b.Let("up", b.GreaterThan(a, b.Lit(0)));
        Value n = b.Let("en", b.Select(up, b.Sub(p.N, b.Lit(2 * offset)), p.N), "2^(k + offset), or 2^(k - offset) for a > 0: normal either way");
        Value s = b.Let("es", b.ShiftIntoExponent(n));
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "eu", b.Lit(1), p.Pm);
        Value y = b.Let("ey", b.Fma(s, b.Add(u.Lo, p.Pme), b.Mul(s, u.Hi)), "e^a 2^(-+offset), rounded once");
        return b.Mul(y, b.Select(up, b.C("ScaleUp"), b.C("ScaleDown")));
    }

    /// <summary>
    /// e^a 2^-offset for a in [0, 710] as an unevaluated pair (the caller multiplies by ScaleUp last, where e^a may
    /// overflow: 2^k itself does for k = 1024).
    /// </summary>
    private static DoubleDouble PositivePair(FormulaBuilder b, Value a)
    {
        ExpReduction reduction = ExpReduction.For(b.Element.Type);
        int offset = reduction.ScaleOffset;
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, null);
        b.Const("ScaleUp", System.Math.Pow(2, offset), $"2^{offset}: for positive arguments the power of two is built {offset} below 2^k and scaled up last.");
        Value s = b.Let("ps", b.ShiftIntoExponent(b.Sub(p.N, b.Lit(2 * offset))), $"2^(k - {offset})");
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "pu", b.Lit(1), p.Pm);
        return new DoubleDouble(b.Let("peh", b.Mul(s, u.Hi)), b.Let("pel", b.Mul(s, b.Add(u.Lo, p.Pme))));
    }

    /// <summary>e^(a + al) for a in [-760, 0] as a pair at the scale 2^offset (the caller multiplies by ScaleDown last).</summary>
    private static DoubleDouble NegativePair(FormulaBuilder b, Value a, Value al)
    {
        ExpReduction reduction = ExpReduction.For(b.Element.Type);
        b.Const("ScaleDown", System.Math.Pow(2, -reduction.ScaleOffset), $"2^-{reduction.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        CompensatedExp.Parts p = CompensatedExp.Expand(b, b.Let("ec", b.Max(a, b.Lit(-760))), al);
        Value s = b.Let("ps", b.ShiftIntoExponent(p.N), "2^(k + offset)");
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "pu", b.Lit(1), p.Pm);
        return new DoubleDouble(b.Let("pah", b.Mul(s, u.Hi)), b.Let("pal", b.Mul(s, b.Add(u.Lo, p.Pme))));
    }
}
