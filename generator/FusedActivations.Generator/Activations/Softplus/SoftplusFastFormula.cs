using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.Softplus;

/// <summary>
/// Softplus for <c>Precision = Fast</c>, in the element type on every path: <c>max(x, 0) + log1p(t) / beta</c> with
/// <c>t = e^-|beta x|</c> (<see cref="FastExp"/>, <see cref="FastLog1P"/>: from a 16-entry table in float, without one
/// in double), beta x's rounding error carried into the exponential when beta is not a power of two (else e^-|beta x|
/// would lose |beta x| ULPs in the tail), and the far tail at scale 2^offset, scaled last so that subnormal results round
/// once. Kernels are generated for beta in [1/64, 64], where every scaled intermediate stays in range.
/// </summary>
internal static class SoftplusFastFormula
{
    /// <summary>The smallest and largest beta with a Fast formula.</summary>
    public const double MinBeta = 1.0 / 64, MaxBeta = 64;

    public static Value Forward(FormulaBuilder b, Value x, bool betaIsPowerOfTwo)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        FastLimits limits = FastLimits.For(b.Element.Type);
        b.Comment("softplus(x) = max(x, 0) + log1p(t) / beta, t = e^a, a = -|beta x|.");
        Value xp = b.Let("xp", b.Max(x, b.Lit(0)), "the linear part (NaN lanes are fixed by the last line)");
        // A power-of-two beta makes beta x exact (or infinite, which the floor below handles); otherwise x is clamped
        // first, so that beta x's rounding error stays finite.
        Value xc = betaIsPowerOfTwo ? x : b.Let("xc", b.Min(b.Max(x, b.NegC("Clamp")), b.C("Clamp")), "beyond Clamp the exponential no longer matters");
        Value z = b.Let("z", b.Mul(b.C("Beta"), xc));
        Value? al = null;
        if (!betaIsPowerOfTwo)
        {
            Value zl = b.Let("zl", b.ProductError(b.C("Beta"), xc, z), "beta xc = z + zl exactly");
            al = b.Let("al", b.NegateWhereNonNegative(zl, z), "a + al = -|beta xc|");
        }

        Value a = b.Let("a", b.Max(b.NegativeAbs(z), b.Lit(limits.Floor)));
        FastExp.Parts p = FastExp.Reduce(b, a, al, FastExp.Offset);
        Value s = FastExp.Scale(b, p);
        Value y = b.Element.Type == Model.ElementType.Single
            ? FromTable(b, xp, a, p, s, betaIsPowerOfTwo)
            : TableFree(b, xp, p, s, e, limits);
        b.Comment("PyTorch's threshold rule: x itself where fl(beta x) > threshold. Also passes NaN and +infinity through.");
        return b.SelectLessThan(x, b.C("Cutoff"), y, x);
    }

    /// <summary>
    /// Float: log1p(t) from the 16-entry table (<see cref="FastLog1P.Log1PFromTable"/>), exact in relative terms for tiny
    /// t, so only the deep tail (a below <see cref="FastLimits.Deep"/>, where log1p(t) = t and the result may be
    /// subnormal) takes t at scale 2^offset, divided by beta and scaled last.
    /// </summary>
    private static Value FromTable(FormulaBuilder b, Value xp, Value a, FastExp.Parts p, Value s, bool betaIsPowerOfTwo)
    {
        (Value near, Value t, Value scaled) = FastExp.KeepTailScaled(b, p, s, a, "|beta x|", "t and t / beta are normal");
        Value lg = b.Let("lg", FastLog1P.Log1PFromTable(b, t));
        b.Comment("The deep tail: log1p(t) = t, divided by beta at scale 2^offset, the scale taken off last (one rounding).");
        Value overBeta = b.Mul(scaled, b.C("InvBetaHi"));
        // Without FMA the scaled-down product is rounded on its own, subnormal for x > 0 too (a microcode assist on
        // Intel cores), where it is far below half an ULP of xp: those lanes add 0 instead.
        Value tail = b.Isa.HasFma
            ? b.Fma(overBeta, b.C("FastScaleDown"), xp)
            : b.Add(b.Mul(b.Where(b.Equal(xp, b.Lit(0)), overBeta), b.C("FastScaleDown")), xp);

        // 1/beta's rounding error (InvBetaLo) joins first where beta is not a power of two: it would be half an ULP more.
        Value large = b.Fma(lg, b.C("InvBetaHi"), betaIsPowerOfTwo ? xp : b.Fma(lg, b.C("InvBetaLo"), xp));
        return b.Let("y", b.Select(near, large, tail));
    }

    /// <summary>
    /// Double: log1p(t) without a table (<see cref="FastLog1P.Log1P"/>), and for tiny t (k below TinyK) the series
    /// t (1 - t/2 + t^2/3) / beta at scale 2^offset, scaled last.
    /// </summary>
    private static Value TableFree(FormulaBuilder b, Value xp, FastExp.Parts p, Value s, ExpReduction e, FastLimits limits)
    {
        b.Const("FastTinyK", e.TinyExponent, $"Below 2^{e.TinyExponent}, log1p(t) = t (1 - t/2 + t^2/3) to {b.Element.Name} precision.");
        int kFloor = limits.TinyKFloor;
        b.Const("FastKFloor", e.Magic - e.ScaleOffset + FastExp.Offset + kFloor, $"FastMagicScaled - {-kFloor}: n raised to it gives 2^(max(k, {kFloor}) + offset), a normal number.");
        Value t = b.Let("t", b.Mul(p.P, b.Mul(b.ShiftIntoExponent(b.Max(p.N, b.C("FastKFloor"))), b.C("FastScaleDown"))), $"t where k >= {kFloor} (below, only the tiny branch's t^2 term reads it)");
        Value lg = b.Let("lg", FastLog1P.Log1P(b, t));
        Value yLarge = b.Let("yLarge", b.Fma(lg, b.C("InvBetaHi"), xp));

        b.Comment("Tiny t: log1p(t) = t (1 + m), m = t (t/3 - 1/2); t 2^offset / beta is normal, and the scale comes off last.");
        Value m = b.Let("m", b.Mul(t, b.Fma(t, b.Lit(1.0 / 3.0), b.Lit(-0.5))));
        Value ts = b.Let("ts", b.Mul(p.P, s), "t 2^offset");
        Value yTiny = b.Let("yTiny", b.Fma(b.Mul(b.Fma(ts, m, ts), b.C("InvBetaHi")), b.C("FastScaleDown"), xp));
        return b.Let("y", b.SelectLessThan(p.K, b.C("FastTinyK"), yTiny, yLarge));
    }
}
