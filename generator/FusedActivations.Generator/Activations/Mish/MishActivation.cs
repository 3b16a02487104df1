using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Mish;

/// <summary>
/// Mish, PyTorch's <c>F.mish</c>: <c>x tanh(softplus(x))</c>, computed without tanh or log: with <c>t = e^-|x|</c>,
/// <c>tanh(softplus(x)) = (1 + 2t) / (1 + 2t + 2t^2)</c> for x &gt;= 0 and <c>(t^2 + 2t) / (t^2 + 2t + 2)</c> for
/// x &lt; 0: one exponential, no cancellation, no overflow; mish(-infinity) = -0 (the limit). Float: in double,
/// rounded once; double: the ratio between double-doubles, and the tail (t below 2^-130, where the ratio is t) scaled so
/// that subnormal results round once. Scalar twin: <c>FusedMath.Mish</c>.
/// </summary>
internal sealed class MishActivation : ParameterlessActivation
{
    public static readonly MishActivation Instance = new();

    private const double Floor = -760;

    public override string Name => "Mish";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>x * tanh(softplus(x))</c>";

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        b.Comment("tanh(softplus(x)) = x >= 0 ? (1 + 2t) / (1 + 2t + 2t^2) : (t^2 + 2t) / (t^2 + 2t + 2), t = e^-|x|.");
        b.Const("MishFloor", Floor, $"x is raised to {Floor}: e^{Floor} is below half the smallest subnormal.");
        Value xc = b.Let("xc", b.Max(x, b.C("MishFloor")));
        Value a = b.Let("a", b.Max(b.NegativeAbs(x), b.C("MishFloor")));
        CompensatedExp.Parts p = CompensatedExp.Expand(b, a, null);
        b.Const("ScaleDown", System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Const("MagicFloor", e.Magic + e.KFloor, $"Magic + ({e.KFloor}): n clamped to it gives 2^{e.KFloor}, the smallest scale 1 + t needs.");
        b.Const("KFloor", e.KFloor, $"Below 2^{e.KFloor}, t^2 is lost next to t: the ratio is t.");
        Value s64 = b.Let("s64", b.ShiftIntoExponent(p.N), "2^(k + offset): normal even where e^a is subnormal");
        Value s = b.Let("s", b.Mul(b.ShiftIntoExponent(b.Max(p.N, b.C("MagicFloor"))), b.C("ScaleDown")), "2^max(k, KFloor): never subnormal");
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "u", b.Lit(1), p.Pm);
        Value ul = b.Let("ul2", b.Add(u.Lo, p.Pme), "e^r = u + ul2");
        Value th = b.Let("th", b.Mul(s, u.Hi));
        Value tl = b.Let("tl", b.Mul(s, ul), "t = th + tl");
        Value negative = b.Let("negative", b.LessThan(x, b.Lit(0)));

        b.Comment("The numerators: 1 + 2t (x >= 0) and t^2 + 2t (x < 0), as pairs.");
        DoubleDouble sq = DoubleDouble.TwoProduct(b, "sq", th, th);
        Value sql = b.Let("sql", b.Fma(b.Lit(2), b.Mul(th, tl), sq.Lo), "t^2 = sq + sql");
        Value twoT = b.Let("twoT", b.Mul(b.Lit(2), th));
        DoubleDouble onePlus = DoubleDouble.TwoSum(b, "np", b.Lit(1), twoT);
        DoubleDouble squarePlus = DoubleDouble.TwoSum(b, "nn", sq.Hi, twoT);
        Value twoTl = b.Mul(b.Lit(2), tl);
        var numerator = new DoubleDouble(
            b.Let("nh", b.Select(negative, squarePlus.Hi, onePlus.Hi)),
            b.Let("nl", b.Select(negative, b.Add(squarePlus.Lo, b.Add(sql, twoTl)), b.Add(onePlus.Lo, twoTl))));
        b.Comment("The denominators: the numerator plus 2t^2 (x >= 0) or 2 (x < 0).");
        DoubleDouble d = DoubleDouble.TwoSum(b, "d", numerator.Hi, b.Select(negative, b.Lit(2), b.Mul(b.Lit(2), sq.Hi)));
        var denominator = new DoubleDouble(d.Hi, b.Let("dl", b.Add(d.Lo, b.Add(numerator.Lo, b.Select(negative, b.Lit(0), b.Mul(b.Lit(2), sql))))));
        DoubleDouble ratio = DoubleDouble.Divide(b, "q", numerator, denominator);
        Value y = b.Let("y", b.SelectLessThan(x, b.Lit(double.PositiveInfinity), ratio.MultiplyRounded(b, b.Select(negative, xc, x)), x), "+infinity: x itself (inf * 0 in the pair's tail would be NaN)");

        b.Comment("Far left (k < KFloor) the ratio is t: x t is formed at scale 2^offset and scaled down last (one rounding).");
        Value tiny = b.Let("yTiny", b.Mul(new DoubleDouble(b.Mul(s64, u.Hi), b.Mul(s64, ul)).MultiplyRounded(b, xc), b.C("ScaleDown")));
        return b.KeepNaN(x, b.Select(negative, b.SelectLessThan(p.K, b.C("KFloor"), tiny, y), y));
    }

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec)
    {
        b.Comment("In double: tanh(softplus(x)) = x >= 0 ? (1 + 2t) / (1 + 2t + 2t^2) : (t^2 + 2t) / (t^2 + 2t + 2), t = e^-|x|.");
        b.Const("WideExpFloor708", -708, "e^a stays a normal double down to a = -708; e^-708 is far below any float result.");
        Value a = b.Let("a", b.Max(b.NegativeAbs(w), b.C("WideExpFloor708")));
        Value t = b.Let("t", WideExp.Exp(b, a), "e^a in (0, 1]");
        Value twoT = b.Let("twoT", b.Mul(b.Lit(2), t));
        Value negative = b.Let("negative", b.LessThan(w, b.Lit(0)));
        Value numerator = b.Let("num", b.Select(negative, b.Mul(t, b.Add(t, b.Lit(2))), b.Add(b.Lit(1), twoT)));
        Value denominator = b.Let("den", b.Add(numerator, b.Select(negative, b.Lit(2), b.Mul(twoT, t))));
        return b.Mul(b.Select(negative, b.Max(w, b.C("WideExpFloor708")), w), b.Div(numerator, denominator));
    }

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);

    public override bool HasFast(ActivationSpec spec, ElementInfo element) => true;

    /// <summary>
    /// Fast: the same ratios as <see cref="Forward"/> from <see cref="FastExp"/>'s t, rounded as they come; below
    /// <see cref="FastLimits.Deep"/> the ratio is t, kept at scale 2^offset until the last multiply (subnormal results round
    /// once), and below <see cref="FastLimits.Floor"/> the result is -0.
    /// </summary>
    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        FastLimits limits = FastLimits.For(b.Element.Type);
        b.Comment("tanh(softplus(x)) = x >= 0 ? (1 + 2t) / (1 + 2t + 2t^2) : (t^2 + 2t) / (t^2 + 2t + 2), t = e^-|x|.");
        Value a = b.Let("a", b.Max(b.NegativeAbs(x), b.Lit(limits.Floor)), "-|x|, raised to the floor");
        FastExp.Parts e = FastExp.Reduce(b, a, null, FastExp.Offset);
        Value s = FastExp.Scale(b, e);
        (Value near, Value t, _) = FastExp.KeepTailScaled(b, e, s, a, "|x|", "t is normal");
        Value tn = b.Let("tn", b.Where(near, t), "t where it is normal, else 0 (the ratio is 1 or t there)");
        Value negative = b.Let("negative", b.LessThan(x, b.Lit(0)));
        Value far = b.Let("far", b.LessThan(x, b.Lit(-1)));
        b.Comment("x < -1 (t < 1/e): the ratio is t (1 - h), h = (t/2)(1 + t) / (1 + t + t^2/2): h is small, so its rounding hardly");
        b.Comment("reaches the result (a quotient near t would carry the rounding of 2 + 2t + t^2). -1 <= x < 0: (t^2 + 2t) / (t^2 + 2t + 2);");
        b.Comment("x >= 0: (1 + 2t) / (1 + 2t + 2t^2). One division for the three.");
        Value th = b.Let("th", b.Mul(tn, b.Lit(0.5)));
        Value np = b.Let("np", b.Fma(tn, b.Lit(2), b.Lit(1)), "1 + 2t");
        Value nn = b.Let("nn", b.Fma(tn, tn, b.Add(tn, tn)), "t^2 + 2t");
        Value num = b.Select(far, b.Fma(th, tn, th), b.Select(negative, nn, np));
        Value den = b.Select(far, b.Fma(tn, b.Add(th, b.Lit(1)), b.Lit(1)), b.Select(negative, b.Add(nn, b.Lit(2)), b.Fma(b.Add(tn, tn), tn, np)));
        Value d = b.Let("d", b.Div(num, den));
        Value q = b.Select(far, b.Mul(t, b.Sub(b.Lit(1), d)), d);
        Value sc = b.SelectLessThan(x, b.Lit(limits.Deep), b.C("FastScaleDown"), b.Lit(1));
        Value y = b.Let("y", b.Mul(b.Mul(x, q), sc), "x tanh(softplus(x)), scaled last where x is very negative (t is scaled there, and h = 0)");
        return b.KeepNaN(x, b.SelectLessThan(x, b.Lit(limits.Floor), b.CopySign(b.Lit(0), x), y));
    }

    /// <summary>
    /// mish'(x) = t + x sigmoid(x) sech^2(sp), sp = softplus(x), t = tanh(sp). PyTorch's mish_backward computes
    /// <c>grad * (t + x * s * (1 - t * t))</c>, where 1 - t^2 cancels for large x (about x &gt; 4 in float, where the
    /// term still counts). Ours writes sech^2(sp) as 1 - t^2 (one fused multiply-add) only for x &lt; 0, where
    /// t &lt; 0.6, and as (1 + t) 2 sigmoid(-2 sp) (the same value, no cancellation) from 0 on; x sigmoid(x) as
    /// silu(x) (one rounding) and the sum as one fused multiply-add. x is lowered to 50, where mish' is 1 in both
    /// types, so +infinity gives 1 where PyTorch's formula gives NaN. Its zero near x = -1.19 cancels in the sum.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element)
    {
        FormulaNode xc = Min(x, Lit(50));
        FormulaNode sp = SoftplusOf(xc);
        FormulaNode t = TanhOf(sp);
        FormulaNode sech2 = If(
            LessThan(xc, Lit(0)),
            Fma(Neg(t), t, Lit(1)),
            Mul(Add(Lit(1), t), Mul(Lit(2), SigmoidOf(Neg(Mul(Lit(2), sp))))));
        return Fma(SiluOf(1, xc), sech2, t);
    }
}
