using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.Gelu;

/// <summary>
/// Exact GELU, PyTorch's <c>F.gelu(x, approximate='none')</c>: <c>x Phi(x) = (x / 2) erfc(-x / sqrt 2)</c>, taken as
/// <c>x Q(|x|)</c> for x &lt;= 0 and <c>x - x Q(x)</c> for x &gt; 0 with <c>Q(t) = erfc(t / sqrt 2) / 2</c>, the upper
/// normal tail, so the left tail keeps full relative precision down to subnormal results and the right side never
/// cancels (x Q(x) &lt;= x / 2). The algorithm of the runtime's <c>FusedMath.Gelu</c> (FusedMath.NormalTail.cs).
/// </summary>
internal static class GeluErfFormula
{
    /// <summary>|x| is clamped to this for the double kernels: x Q(39) rounds to -0, and 39 - 39 Q(39) is 39.</summary>
    private const double DoubleEnd = 39;

    /// <summary>|x| is clamped to this for the float kernels: x Q(16) is below 2^-180.</summary>
    private const double FloatEnd = 16;

    /// <summary>The double kernels: Q as a pair at scale 2^offset, the products with x rounded once.</summary>
    public static Value Forward(FormulaBuilder b, Value x)
    {
        b.Comment("gelu(x) = x Q(-x) for x <= 0 and x - x Q(x) for x > 0, Q(t) = erfc(t / sqrt 2) / 2, |x| clamped to 39.");
        b.Const("GeluEnd", DoubleEnd, $"|x| is clamped to {DoubleEnd}: x Q({DoubleEnd}) rounds to -0, and {DoubleEnd} - {DoubleEnd} Q({DoubleEnd}) is {DoubleEnd}.");
        Value xc = b.Let("xc", b.Min(b.Max(x, b.NegC("GeluEnd")), b.C("GeluEnd")));
        Value t = b.Let("t", b.Neg(b.NegativeAbs(xc)));
        DoubleDouble q = CompensatedNormalTail.Scaled(b, t);
        b.Comment("x <= 0: x Q rounded once at scale 2^offset, scaled down last, so a subnormal result rounds once.");
        Value negative = b.Mul(q.MultiplyRounded(b, xc), b.C("ScaleDown"));
        b.Comment("x > 0: x - x Q with x Q <= x / 2 (a fast two-sum), then the tails; Q at its own scale (below 2^-53 x where it underflows).");
        DoubleDouble qt = q.Scale(b, b.C("ScaleDown"));
        DoubleDouble p = DoubleDouble.TwoProduct(b, "xq", xc, qt.Hi);
        Value pl = b.Let("xql", b.Fma(xc, qt.Lo, p.Lo), "x Q = xq + xql");
        DoubleDouble d = DoubleDouble.FastTwoSum(b, "dq", xc, b.Neg(p.Hi));
        Value positive = b.SelectGreaterThan(x, b.C("GeluEnd"), x, b.Add(d.Hi, b.Sub(d.Lo, pl)));
        return b.KeepNaN(x, b.SelectGreaterThan(x, b.Lit(0), positive, negative));
    }

    /// <summary>The widened float kernels: Q in double (relative error about 2^-40), one rounding to float at the end.</summary>
    public static Value ForwardWide(FormulaBuilder b, Value w)
    {
        b.Comment("In double: gelu(x) = x Q(-x) for x <= 0 and x - x Q(x) for x > 0, Q(t) = erfc(t / sqrt 2) / 2, |x| clamped to 16.");
        b.Const("WideGeluEnd", FloatEnd, $"|x| is clamped to {FloatEnd}: x Q({FloatEnd}) is below 2^-180, far below any float.");
        Value wc = b.Let("wc", b.Min(b.Max(w, b.NegC("WideGeluEnd")), b.C("WideGeluEnd")));
        Value t = b.Let("t", b.Neg(b.NegativeAbs(wc)));
        Value q = b.Let("q", WideNormalTail.Q(b, t));
        Value p = b.Let("xq", b.Mul(wc, q));
        b.Comment("x > 16: x - 16 Q(16) is x (also at +infinity); x <= 16: wc is x.");
        return b.SelectGreaterThan(w, b.Lit(0), b.Sub(w, p), p);
    }
}
