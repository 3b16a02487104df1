using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// e^a and expm1(a) in the element type for the Fast kernels (<c>Precision = Fast</c>): k = round(a / ln2), r = a - k ln2
/// (an exact FMA and a second one for ln2's tail; a three-part Cody-Waite split on the path without FMA) and
/// <c>e^r = 1 + r + r^2 Q(r)</c> with the degree-4 Q of <see cref="ExpLogCoefficients"/> (2^-22.8 relative on Q, a 6%
/// share of e^r): about 1 ULP, no compensation. The result stays unevaluated as <c>P 2^k</c> so that callers can build
/// subnormal results with a single rounding, by scaling last.
/// </summary>
internal static class FastExp
{
    /// <summary>
    /// The exponent offset of the scale <see cref="Scale"/> builds: 2^(k + Offset) is a normal float for every k the
    /// callers reach (a in [-125, 0]: k &gt;= -181), so results down to the smallest subnormal round once, at the final
    /// multiply by 2^-Offset.
    /// </summary>
    public const int Offset = 100;

    /// <summary>e^(a + al) = P 2^k: <paramref name="a"/> in [-125, 0], n holds k's biased exponent plus <paramref name="offset"/> in its low bits.</summary>
    internal sealed record Parts(Value N, Value K, Value R, Value P);

    /// <summary>
    /// The reduction and the polynomial: P = e^r in [0.7, 1.42]. <paramref name="al"/> is a's rounding error (the exact
    /// argument is a + al), or null when a is exact. <paramref name="offset"/> (0 or <see cref="Offset"/>) is added to the
    /// exponent that <see cref="Scale"/> builds.
    /// </summary>
    public static Parts Reduce(FormulaBuilder b, Value a, Value? al, int offset)
    {
        Parts x = Reduction(b, a, al, offset, "Q(r), then e^r = 1 + r (1 + r Q(r))");
        b.Assign(x.P, b.Fma(x.P, x.R, b.Lit(1)));
        b.Assign(x.P, b.Fma(x.P, x.R, b.Lit(1)));
        return x;
    }

    /// <summary>
    /// t = e^a from the parts and their scale <paramref name="s"/> (2^(k + <see cref="Offset"/>)): where a is at or above
    /// <see cref="FastLimits.Deep"/> (<c>Near</c>) t itself, a normal number; below, t 2^Offset, so that no operand is
    /// subnormal and a tail result computed from it rounds once when the caller multiplies by FastScaleDown last.
    /// <c>Scaled</c> is t 2^Offset in every lane: a tail computed from it (rather than from t) stays normal in the near
    /// lanes, whose tail result is thrown away (on Intel cores every subnormal result takes a microcode assist of about
    /// a hundred cycles: Fast Softplus on [-10, 10] ran 2.8 times slower than its Accurate kernel on a Xeon).
    /// <paramref name="magnitude"/> names |a| in the comments (e.g. <c>|z|</c>), <paramref name="nearNote"/> says what
    /// the caller needs t normal for.
    /// </summary>
    public static (Value Near, Value T, Value Scaled) KeepTailScaled(FormulaBuilder b, Parts p, Value s, Value a, string magnitude, string nearNote)
    {
        double deep = FastLimits.For(b.Element.Type).Deep;
        Value near = b.Let("near", b.GreaterThanOrEqual(a, b.Lit(deep)), $"{magnitude} <= {-deep}: {nearNote}");
        Value scaled = b.Let("ts", b.Mul(p.P, s), "t 2^offset, normal in every lane");
        Value t = b.Let("t", b.Mul(scaled, b.Select(near, b.C("FastScaleDown"), b.Lit(1))), $"t, or t 2^offset where {magnitude} > {-deep}");
        return (near, t, scaled);
    }

    /// <summary>2^(k + offset) from <see cref="Parts.N"/>: exact, normal.</summary>
    public static Value Scale(FormulaBuilder b, Parts parts, string name = "s") => b.Let(name, b.ShiftIntoExponent(parts.N));

    /// <summary>
    /// expm1(a) for a in [-20, 0] as <c>2^k (r + r^2 Q(r)) + (2^k - 1)</c>, one rounding for the sum (an FMA); also
    /// returns 2^k and e^r - 1 (for e^a = 2^k + 2^k (e^r - 1)).
    /// </summary>
    public static (Value ExpM1, Value S, Value Pm1) ExpM1(FormulaBuilder b, Value a)
    {
        Parts x = Reduction(b, a, null, 0, "Q(r), then e^r - 1 = r + r^2 Q(r)");
        Value p = x.P;
        b.Assign(p, b.Fma(b.Mul(x.R, x.R), p, x.R));
        Value s = b.Let("s", b.ShiftIntoExponent(x.N), "2^k");
        return (b.Let("em", b.Fma(s, p, b.Sub(s, b.Lit(1))), "expm1(a): no cancellation is rounded"), s, p);
    }

    /// <summary>
    /// k = round(a / ln2) by the magic-number trick (its biased exponent, plus <paramref name="offset"/>, left in n's low
    /// bits), r = a + al - k ln2 (an exact FMA and one for ln2's tail; three-part Cody-Waite without FMA), and Q(r) by
    /// Horner's rule into a local named <c>p</c> (<paramref name="hornerComment"/> says what the caller makes of it).
    /// </summary>
    private static Parts Reduction(FormulaBuilder b, Value a, Value? al, int offset, string hornerComment)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        ElementInfo t = b.Element;
        if (offset != 0)
        {
            b.Const("FastScaleDown", System.Math.Pow(2, -offset), $"2^-{offset}: takes the offset off t's scale.");
        }

        string magic = offset == 0 ? "FastMagic" : "FastMagicScaled";
        b.Const("Log2E", e.Log2E, "log2(e).");
        b.Const(magic, e.Magic - e.ScaleOffset + offset, $"1.5 * 2^{t.Precision - 1} + {t.ExponentBias}{(offset == 0 ? "" : " + " + offset)}: adding it rounds to an integer k and leaves k + {t.ExponentBias + offset} in the low bits.");
        Value n = b.Let("n", b.Fma(a, b.C("Log2E"), b.C(magic)));
        Value k = b.Let("k", b.Sub(n, b.C(magic)));
        Value r;
        if (b.Isa.HasFma)
        {
            b.Const("Ln2Hi", e.Ln2Hi, "ln2 rounded: fma(k, -Ln2Hi, a) is exact.");
            b.Const("Ln2Lo", e.Ln2Lo, "ln2 - Ln2Hi.");
            Value rh = b.Let("r", b.Fma(k, b.NegC("Ln2Hi"), a), "exact");
            r = rh;
            b.Assign(r, al is null ? b.Fma(k, b.NegC("Ln2Lo"), rh) : b.Add(rh, b.Fma(k, b.NegC("Ln2Lo"), al)));
        }
        else
        {
            b.Const("Ln2CwHi", e.Ln2CwHi, "ln2 with trailing zero bits: k * Ln2CwHi is exact without FMA (Cody-Waite).");
            b.Const("Ln2CwMid", e.Ln2CwMid, "The next bits of ln2: k * Ln2CwMid is exact too.");
            b.Const("Ln2CwLo", e.Ln2CwLo, "ln2 - Ln2CwHi - Ln2CwMid.");
            r = b.Let("r", b.Sub(a, b.Mul(k, b.C("Ln2CwHi"))), "exact");
            b.Assign(r, b.Sub(r, b.Mul(k, b.C("Ln2CwMid"))));
            b.Assign(r, b.Sub(al is null ? r : b.Add(r, al), b.Mul(k, b.C("Ln2CwLo"))));
        }

        double[] q = ExpLogCoefficients.ExpRemainder(t.Type);
        Value p = b.Horner("p", r, "Q", q, $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}.", hornerComment);
        return new Parts(n, k, r, p);
    }
}
