using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// e^(a + al) in the element type, kept unevaluated as <c>2^k (1 + rh + pt)</c> so that callers lose nothing to a
/// rounding of the result: rh is exact, |pt| &lt; 0.07, and the error of <c>rh + pt</c> is below 2^-50 (float) or
/// 2^-100 (double) relative to e^(a + al), well within what the compensated formulas carry (measured through Softplus:
/// 0.9 ULP float on all 2^32 inputs, README). For FMA paths and the portable one (Cody-Waite in three parts, with the
/// exact products it needs from Dekker's splitting).
/// </summary>
internal static class CompensatedExp
{
    /// <summary>The parts of e^(a + al) = 2^k (1 + rh + pt), and pm + pme = rh + pt as a two-sum; rl is the reduced argument's tail (a + al = k ln2 + rh + rl).</summary>
    internal sealed record Parts(Value N, Value K, Value Rh, Value Pt, Value Pm, Value Pme, Value Rl);

    /// <param name="b">The formula.</param>
    /// <param name="a">The argument's leading part; |a| small enough that 2^k stays in range.</param>
    /// <param name="al">Its trailing part (a + al exactly), or null when a is exact.</param>
    /// <param name="reduction">The reduction's constants, if not the element type's own (<see cref="ExpReduction.WithScaleOffset"/>).</param>
    public static Parts Expand(FormulaBuilder b, Value a, Value? al, ExpReduction? reduction = null)
    {
        ExpReduction e = reduction ?? ExpReduction.For(b.Element.Type);
        ElementInfo t = b.Element;
        bool fma = b.Isa.HasFma;
        b.Const("Log2E", e.Log2E, "log2(e).");
        b.Const(e.Name("Magic"), e.Magic, $"1.5 * 2^{t.Precision - 1} + {t.ExponentBias} + {e.ScaleOffset}: adding it rounds to an integer k and leaves k + {t.ExponentBias + e.ScaleOffset} in the low bits.");
        b.Const("Ln2Hi", e.Ln2Hi, "ln2 rounded: fma(k, -Ln2Hi, a) is exact.");
        b.Const("Ln2Lo", e.Ln2Lo, "ln2 - Ln2Hi.");
        double[] q = ExpLogCoefficients.ExpRemainder(t.Type);

        b.Comment("e^a = 2^k e^(rh + rl) with k = round(a / ln2), |rh| <= ln2/2.");
        Value n = b.Let("n", b.Fma(a, b.C("Log2E"), b.C(e.Name("Magic"))));
        Value k = b.Let("k", b.Sub(n, b.C(e.Name("Magic"))));
        Value rh;
        Value rl;
        if (fma)
        {
            rh = b.Let("rh", b.Fma(k, b.NegC("Ln2Hi"), a), "exact");
            rl = b.Let("rl", al is null ? b.Mul(k, b.NegC("Ln2Lo")) : b.Fma(k, b.NegC("Ln2Lo"), al), "a + al = k ln2 + rh + rl");
        }
        else
        {
            // Cody-Waite in three parts; both products and the first difference are exact, and a two-sum keeps the rest.
            b.Const("Ln2CwHi", e.Ln2CwHi, "ln2 with trailing zero bits: k * Ln2CwHi is exact without FMA (Cody-Waite, for the portable path).");
            b.Const("Ln2CwMid", e.Ln2CwMid, "The next bits of ln2: k * Ln2CwMid is exact too.");
            b.Const("Ln2CwLo", e.Ln2CwLo, "ln2 - Ln2CwHi - Ln2CwMid.");
            Value r0 = b.Let("r0", b.Sub(a, b.Mul(k, b.C("Ln2CwHi"))), "exact");
            Value r1 = b.Let("r1", b.Mul(k, b.C("Ln2CwMid")), "exact");
            rh = b.Let("rh", b.Sub(r0, r1));
            Value rb = b.Let("rb", b.Sub(rh, r0));
            Value re = b.Let("re", b.Sub(b.Sub(r0, b.Sub(rh, rb)), b.Add(r1, rb)), "r0 - r1 = rh + re exactly");
            rl = b.Let("rl", b.Fma(k, b.NegC("Ln2CwLo"), al is null ? re : b.Add(re, al)), "a + al = k ln2 + rh + rl");
        }

        Value qv = b.Horner("q", rh, "Q", q, $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}.", "e^rh = 1 + rh + rh^2 Q(rh)");
        Value p2 = b.Let("p2", b.Mul(b.Mul(rh, rh), qv));
        Value pt = fma
            ? b.Let("pt", b.Fma(rl, b.Add(b.Add(b.Lit(1), rh), p2), p2), "e^(rh+rl) - 1 = rh + pt, |pt| < 0.07")
            // Without FMA the Cody-Waite tail rl is larger (up to ~3e-4 for float), so its square counts too.
            : b.Let("pt", b.Fma(rl, b.Add(b.Add(b.Add(b.Lit(1), rh), p2), b.Mul(b.Lit(0.5), rl)), p2), "e^(rh+rl) - 1 = rh + pt");

        Value pm = b.Let("pm", b.Add(rh, pt));
        Value pme = b.Let("pme", b.Add(b.Sub(rh, pm), pt), "pm + pme = rh + pt");
        return new Parts(n, k, rh, pt, pm, pme, rl);
    }
}
