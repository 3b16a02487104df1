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
        b.Comment("expm1(a) = 2^k (e^r - 1) + (2^k - 1), k = round(a / ln2), e^r - 1 = r + r^2 Q(r): no cancellation is rounded.");
        WideExp.Reduction x = WideExp.Reduce(b, a, "Q(r), then r + r^2 Q(r)");
        Value p = x.Q;
        Value r = x.R;
        b.Assign(p, b.Fma(b.Mul(r, r), p, r));
        Value n = x.N;
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
