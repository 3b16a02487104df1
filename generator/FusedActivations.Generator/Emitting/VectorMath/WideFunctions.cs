using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// expm1, sigmoid and tanh in double for the widened float kernels, built on <see cref="WideExp"/>'s reduction and
/// polynomial: relative error about 2^-31, far below float's 2^-24, so a float result computed from them and rounded
/// once stays within about 0.51 ULP. No lookup table: every path can widen with them.
/// </summary>
internal static class WideFunctions
{
    /// <summary>expm1(a) for a in [-60, 0]: <c>2^k (r + r^2 Q(r)) + (2^k - 1)</c> with one rounding of the sum (an FMA).</summary>
    public static Value ExpM1(FormulaBuilder b, Value a)
    {
        b.Const("WideLog2E", 1.4426950408889634, "log2(e).");
        b.Const("WideLn2", 0.6931471805599453, "ln2 rounded to double: k ln2 is off by at most 2^-45, far below what float needs.");
        b.Const("WideExpMagic", WideningCore.RoundingMagic + 1023, "1.5 * 2^52 + 1023: adding it rounds to an integer k and leaves k + 1023 (the biased exponent of 2^k) in the low bits.");
        double[] q = WideningCore.ExpRemainder;
        b.Comment("expm1(a) = 2^k (e^r - 1) + (2^k - 1), k = round(a / ln2), e^r - 1 = r + r^2 Q(r): no cancellation is rounded.");
        Value n = b.Let("n", b.Fma(a, b.C("WideLog2E"), b.C("WideExpMagic")));
        Value k = b.Let("k", b.Sub(n, b.C("WideExpMagic")));
        Value r = b.Let("r", b.Fma(k, b.NegC("WideLn2"), a));
        Value p = b.Horner("e", r, "WideQ", q, $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}, relative error 2^-32.", "Q(r), then r + r^2 Q(r)");
        b.Assign(p, b.Fma(b.Mul(r, r), p, r));
        Value s = b.Let("s", b.ShiftIntoExponent(n), "2^k");
        return b.Fma(s, p, b.Sub(s, b.Lit(1)));
    }

    /// <summary>sigmoid(z) = (z &lt; 0 ? t : 1) / (1 + t) with t = e^-|z| (raised to e^-708: the float result is 0 far earlier).</summary>
    public static Value Sigmoid(FormulaBuilder b, Value z)
    {
        b.Comment("sigmoid(z) = (z < 0 ? t : 1) / (1 + t), t = e^-|z|: never overflows.");
        b.Const("WideExpFloor708", -708, "e^a stays a normal double down to a = -708; e^-708 is far below any float result.");
        Value a = b.Let("a", b.Max(b.NegativeAbs(z), b.C("WideExpFloor708")));
        Value t = b.Let("t", WideExp.Exp(b, a), "e^a in (0, 1]");
        return b.Div(b.SelectLessThan(z, b.Lit(0), t, b.Lit(1)), b.Add(b.Lit(1), t));
    }

    /// <summary>tanh(z) = sign(z) (-E / (2 + E)), E = expm1(-2|z|) (|z| &gt; 30 gives 1).</summary>
    public static Value Tanh(FormulaBuilder b, Value z)
    {
        b.Comment("|tanh z| = -E / (2 + E), E = expm1(-2|z|): no cancellation near 0.");
        Value a = b.Let("a", b.Max(b.Mul(b.Lit(2), b.NegativeAbs(z)), b.Lit(-60)), "a = -2|z|, exact");
        Value em = b.Let("em", ExpM1(b, a));
        return b.CopySign(b.Div(em, b.Sub(b.Lit(-2), em)), z);
    }
}
