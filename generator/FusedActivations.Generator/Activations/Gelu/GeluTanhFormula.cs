using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.Gelu;

/// <summary>
/// PyTorch's tanh approximation of GELU, <c>0.5 x (1 + tanh(u))</c> with <c>u = kBeta (x + kKappa x^3)</c>, taken as
/// <c>x sigmoid(2u)</c> (1 + tanh u = 2 sigmoid(2u)), so the left tail, where 1 + tanh(u) cancels, keeps full relative
/// precision down to subnormal results. kBeta = sqrt(2) * (2/sqrt(pi)) * 0.5 and kKappa = 0.044715 are rounded to the
/// element type as PyTorch's kernel does; the reference is the exact value with those constants.
/// </summary>
internal static class GeluTanhFormula
{
    /// <summary>PyTorch's kBeta: <c>M_SQRT2 * M_2_SQRTPI * 0.5</c>, evaluated in double.</summary>
    public const double KBeta = 1.4142135623730951 * 1.1283791670955126 * 0.5;

    /// <summary>PyTorch's kKappa.</summary>
    public const double KKappa = 0.044715;

    /// <summary>
    /// x is raised to this first: gelu_tanh(-30) is 0 in double by hundreds of orders of magnitude. The double kernels
    /// also clamp x to -Floor for the sigmoid, where it is 1 to far below an ULP, so x^3 never overflows.
    /// </summary>
    private const double Floor = -30;

    /// <summary>
    /// The largest double at or below the x where |gelu_tanh(x)| is half the smallest subnormal (2^-1075, mpmath): below
    /// it the result is -0. The double kernel computes those lanes from -0 instead: from x itself their scaled quotient's
    /// low parts are subnormal and the last multiply underflows, and on Intel cores every such operation takes a
    /// microcode assist (27 against 4.4 ns/element on [-30, 30] and [-10, 10], AVX2, Xeon).
    /// </summary>
    private const double UnderflowBelow = -21.547075410436022;

    /// <summary>
    /// The double kernel's sigmoid is scaled by 2^256 rather than the usual 2^128: from x = -21.1 on its results are
    /// subnormal, and at 2^128 the quotient's remainder and low part were subnormal too (more assists on Intel cores:
    /// 6.8 against 2.8 ns/element on [-30, 30] and [-10, 10], AVX-512, Xeon); 2^(k + 256) stays normal down to the
    /// sigmoid's floor (k = -1097).
    /// </summary>
    private const int QuotientOffset = 256;

    /// <summary>The double kernels: 2u as an exact-enough pair (its error is multiplied by up to 760 in the sigmoid).</summary>
    public static Value Forward(FormulaBuilder b, Value x)
    {
        (Value xc, DoubleDouble z) = TwoU(b, x, zeroBelow: UnderflowBelow);
        ExpReduction reduction = ExpReduction.Double.WithScaleOffset(QuotientOffset);
        DoubleDouble q = CompensatedSigmoid.Scaled(b, z.Hi, z.Lo, reduction);
        string scaleDown = reduction.Name("ScaleDown");
        b.Comment("x times the pair, rounded once; negative x at scale 2^offset, scaled down last, so a subnormal result rounds once.");
        Value negative = b.Mul(q.MultiplyRounded(b, xc), b.C(scaleDown));
        if (!b.Isa.HasFma)
        {
            // Dekker's product of -0 (x below GeluZeroBelow) sums to +0: the sign is x's.
            negative = b.CopySign(negative, x);
        }

        // The positive branch scales the pair first (x q 2^offset could overflow); in negative lanes, where it is thrown
        // away, it scales by 1: from x < -20.5 on, ql 2^-offset would be subnormal (a microcode assist on Intel cores).
        Value down = b.Let("down", b.SelectLessThan(x, b.Lit(0), b.Lit(1), b.C(scaleDown)));
        Value positive = b.SelectLessThan(x, b.Lit(double.PositiveInfinity), q.Scale(b, down).MultiplyRounded(b, x), x);
        return b.KeepNaN(x, b.SelectLessThan(x, b.Lit(0), negative, positive));
    }

    /// <summary>
    /// Precision = Fast, in the element type: 2u as the same pair as <see cref="Forward"/> (its error is multiplied by up
    /// to |2u| in the sigmoid's tail), then <see cref="FastSigmoid"/> uncompensated, x times the quotient, scaled last;
    /// -0 below the floor of <see cref="FastLimits"/> (the result rounds to 0 there).
    /// </summary>
    public static Value ForwardFast(FormulaBuilder b, Value x)
    {
        ElementInfo t = b.Element;
        DoubleDouble z = TwoU(b, x, zeroBelow: null).Z;
        FastSigmoid.Parts s = FastSigmoid.Of(b, z.Hi, z.Lo);
        Value v = b.Let("v", b.Mul(x, b.Div(s.Num, s.Den)), "x sigmoid(2u), at scale 2^offset in the far tail");
        int smallestExponent = -(t.ExponentBias - 1) - (t.Precision - 1);
        b.Const("FastUnderflow", System.Math.Pow(2, smallestExponent - 1 + FastExp.Offset), $"2^({smallestExponent - 1} + {FastExp.Offset}): scaled values (2u below the deep limit) below it round to 0; they are zeroed (v * 0 keeps the sign) before the last multiply, which would otherwise underflow, slowly on x86 (x below about -10.5 in float: a third of [-30, 30]).");
        double deep = FastLimits.For(t.Type).Deep;
        Value floor = b.SelectLessThan(z.Hi, b.Lit(deep), b.C("FastUnderflow"), b.Lit(0));
        Value kept = b.Select(b.GreaterThanOrEqual(b.Abs(v), floor), v, b.Mul(v, b.Lit(0)));
        Value y = b.Let("y", b.Mul(kept, s.Sc));
        return b.KeepNaN(x, b.SelectLessThan(z.Hi, b.Lit(FastLimits.For(t.Type).Floor), b.CopySign(b.Lit(0), x), y));
    }

    /// <summary>
    /// 2u = 2 kBeta (x + kKappa x^3) as an exact-enough pair z + zl from x clamped to [Floor, -Floor] (returned too):
    /// exact products and sums, one rounding in the tail. Shared by the Accurate double formula and the Fast ones.
    /// With <paramref name="zeroBelow"/>, x below it is replaced by -0 instead (the caller's result is then -0 too).
    /// </summary>
    private static (Value Xc, DoubleDouble Z) TwoU(FormulaBuilder b, Value x, double? zeroBelow)
    {
        ElementInfo t = b.Element;
        b.Comment("gelu_tanh(x) = x sigmoid(2u), 2u = 2 kBeta (x + kKappa x^3), kept as a pair z + zl.");
        b.Const("GeluFloor", Floor, $"x is clamped to [{Floor}, {-Floor}]: the result is 0 below, and sigmoid(2u) is 1 above (so x^3 stays finite).");
        b.Const("TwoKBeta", 2 * t.Round(KBeta), "2 kBeta, kBeta = sqrt(2) (2/sqrt(pi)) / 2 rounded as PyTorch rounds it.");
        b.Const("KKappa", t.Round(KKappa), "kKappa = 0.044715 rounded.");
        Value xc;
        if (zeroBelow is { } below)
        {
            b.Const("GeluZeroBelow", below, "Below this x the result rounds to -0: those lanes compute from -0, with no subnormal intermediate.");
            xc = b.Let("xc", b.Min(b.SelectLessThan(x, b.C("GeluZeroBelow"), b.Lit(-0.0), x), b.NegC("GeluFloor")));
        }
        else
        {
            xc = b.Let("xc", b.Min(b.Max(x, b.C("GeluFloor")), b.NegC("GeluFloor")));
        }

        DoubleDouble x2 = DoubleDouble.TwoProduct(b, "x2", xc, xc);
        DoubleDouble x3 = DoubleDouble.TwoProduct(b, "x3", x2.Hi, xc);
        Value x3l = b.Let("x3l", b.Fma(x2.Lo, xc, x3.Lo), "x^3 = x3 + x3l");
        DoubleDouble k3 = DoubleDouble.TwoProduct(b, "k3", b.C("KKappa"), x3.Hi);
        Value k3l = b.Let("k3l", b.Fma(b.C("KKappa"), x3l, k3.Lo), "kKappa x^3 = k3 + k3l");
        DoubleDouble inner = DoubleDouble.TwoSum(b, "sum", xc, k3.Hi);
        Value innerLo = b.Let("suml", b.Add(inner.Lo, k3l), "x + kKappa x^3 = sum + suml");
        DoubleDouble z = DoubleDouble.TwoProduct(b, "z", b.C("TwoKBeta"), inner.Hi);
        Value zl = b.Let("zl", b.Fma(b.C("TwoKBeta"), innerLo, z.Lo), "2u = z + zl");
        return (xc, new DoubleDouble(z.Hi, zl));
    }

    /// <summary>The widened float kernels: 2u in double (relative error 2^-51, times at most 708 in the sigmoid).</summary>
    public static Value ForwardWide(FormulaBuilder b, Value w)
    {
        b.Comment("In double: gelu_tanh(x) = x sigmoid(2u), 2u = 2 kBeta (x + kKappa x^3) with PyTorch's float constants.");
        b.Const("WideGeluFloor", Floor, $"x is raised to {Floor}: the float result is 0 far earlier.");
        b.Const("WideTwoKBeta", 2.0 * (float)KBeta, "2 kBeta, kBeta rounded to float as PyTorch's float kernel has it.");
        b.Const("WideKKappa", (float)KKappa, "kKappa = 0.044715 rounded to float.");
        Value wc = b.Let("wc", b.Max(w, b.C("WideGeluFloor")));
        Value inner = b.Let("inner", b.Fma(b.C("WideKKappa"), b.Mul(b.Mul(wc, wc), wc), wc), "x + kKappa x^3: same signs, no cancellation");
        Value s = b.Let("sg", WideFunctions.Sigmoid(b, b.Mul(b.C("WideTwoKBeta"), inner)));
        return b.Mul(b.SelectLessThan(w, b.Lit(0), wc, w), s);
    }
}
