using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.Gelu;

/// <summary>
/// Exact GELU, PyTorch's <c>F.gelu(x, approximate='none')</c>: <c>x Phi(x) = (x / 2) erfc(-x / sqrt 2)</c>, taken as
/// <c>x Q(|x|)</c> for x &lt;= 0 and <c>x - x Q(x)</c> for x &gt; 0 with <c>Q(t) = erfc(t / sqrt 2) / 2</c>, the upper
/// normal tail, so the left tail keeps full relative precision down to subnormal results and the right side never
/// cancels (x Q(x) &lt;= x / 2). The double kernels follow the runtime's <c>FusedMath.Gelu(double)</c>
/// (FusedMath.NormalTail.cs: three pieces, compensated); the float kernels compute Q in double as one rational function
/// times exp(-t^2/2) (<see cref="WideNormalTail"/>), accurate enough for one rounding to float and much shorter.
/// </summary>
internal static class GeluErfFormula
{
    /// <summary>|x| is clamped to this for the double kernels: x Q(39) rounds to -0, and 39 - 39 Q(39) is 39.</summary>
    private const double DoubleEnd = 39;

    /// <summary>|x| is clamped to this for the float kernels: 15 Q(15) is below 2^-163 (the end of the rational fit).</summary>
    private const double FloatEnd = NormalTailRational.End;

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

    /// <summary>The widened float kernels: Q in double (relative error below 2^-31.4), one rounding to float at the end.</summary>
    public static Value ForwardWide(FormulaBuilder b, Value w)
    {
        b.Comment($"In double: gelu(x) = x Q(-x) for x < 0 and x - x Q(x) for x >= 0, Q(t) = erfc(t / sqrt 2) / 2, |x| clamped to {FloatEnd}.");
        b.Const("WideGeluEnd", FloatEnd, $"|x| is clamped to {FloatEnd}: {FloatEnd} Q({FloatEnd}) is below 2^-163, far below any float.");
        Value u = b.Let("u", b.Max(b.NegativeAbs(w), b.NegC("WideGeluEnd")), $"-|x| clamped: x itself for x in [-{FloatEnd}, 0], -x for x in [0, {FloatEnd}]");
        Value q = b.Let("q", WideNormalTail.QOfNegative(b, u));
        b.Comment($"x >= 0: x + u Q, one rounding (x - {FloatEnd} Q({FloatEnd}) is x beyond {FloatEnd}, also at +infinity; +0 and -0 keep their sign); x < 0: u Q.");
        return b.SelectLessThan(w, b.Lit(0), b.Mul(u, q), b.Fma(u, q, w));
    }
}
