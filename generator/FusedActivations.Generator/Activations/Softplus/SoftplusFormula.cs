using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.Softplus;

/// <summary>
/// The Softplus formula in the element type, written once for every instruction-set path. With <c>a = -beta|x|</c> and
/// <c>t = e^a</c>:
/// <code>softplus(x) = max(x, 0) + log1p(t) / beta</code>
/// evaluated so that the only large rounding is the last one: e^a is kept as <c>2^k (1 + rh + pt)</c>
/// (<see cref="CompensatedExp"/>), 1 + t as an unevaluated sum <c>uh + ul</c>, log(1 + t) as <c>Lh + Ll</c>
/// (<see cref="CompensatedLog"/>), and <c>max(x,0) + Lh/beta</c> is added with an exact two-sum before the small terms
/// join. The double kernels' formula (float kernels widen: <see cref="SoftplusWideFormula"/>); written for either element
/// type, it measured at most 0.9 ULP in float on all 2^32 inputs when float kernels used it on AVX2 and NEON.
/// </summary>
internal static class SoftplusFormula
{
    /// <summary>Softplus of <paramref name="x"/>, reading the folded constants Beta, InvBetaHi, InvBetaLo, Clamp and Cutoff.</summary>
    public static Value Forward(FormulaBuilder b, Value x, bool betaIsPowerOfTwo)
    {
        ElementInfo t = b.Element;
        ExpReduction e = ExpReduction.For(t.Type);

        b.Comment("softplus(x) = max(x, 0) + log1p(e^a) / beta with a = -beta|x|.");
        Value xp = b.Let("xp", b.Max(x, b.Lit(0)), "the linear part (NaN lanes are fixed by the last line)");
        Value xc = b.Let("xc", b.Min(b.Max(x, b.NegC("Clamp")), b.C("Clamp")), "beyond Clamp the exponential no longer matters");
        Value z = b.Let("z", b.Mul(b.C("Beta"), xc));
        Value a = b.Let("a", b.NegativeAbs(z), "a = -|beta x|");
        Value? al = null;
        if (betaIsPowerOfTwo)
        {
            b.Comment("beta is a power of two: beta * x is exact.");
        }
        else
        {
            Value zl = b.Let("zl", b.ProductError(b.C("Beta"), xc, z), "beta*x = z + zl exactly");
            al = b.Let("al", b.NegateWhereNonNegative(zl, z), "a + al = -beta|x| exactly");
        }

        CompensatedExp.Parts ex = CompensatedExp.Expand(b, a, al);
        Value n = ex.N;
        Value pm = ex.Pm;
        b.Const("ScaleDown", System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Const("MagicFloor", e.Magic + e.KFloor, $"Magic + ({e.KFloor}): n clamped to it gives 2^{e.KFloor}, the smallest scale the log1p part needs (the tiny-t result uses the unclamped 2^k).");
        Value s64 = b.Let("s64", b.ShiftIntoExponent(n), "2^(k + offset), normal even where e^a is subnormal");
        Value s = b.Let("s", b.Mul(b.ShiftIntoExponent(b.Max(n, b.C("MagicFloor"))), b.C("ScaleDown")), "2^max(k, KFloor): never subnormal (subnormal operands are slow on x86)");

        b.Comment("Large t: u = 1 + t = uh + ul exactly, then log(u) = e ln2 + log1p(f + d) with f in [sqrt(1/2) - 1, sqrt(2) - 1].");
        Value A = b.Let("A", b.Add(b.Lit(1), s), "exact: this result is used only where k >= TinyK");
        Value bt = b.Let("Bt", b.Mul(s, pm));
        Value uh = b.Let("uh", b.Add(A, bt));
        Value ul = b.Let("ul", b.Add(b.Add(b.Sub(A, uh), bt), b.Mul(s, ex.Pme)));
        CompensatedLog.Parts log = CompensatedLog.OfOnePlusSmall(b, uh, ul);
        Value lh = log.Lh;
        Value ll = log.Ll;

        b.Comment("max(x, 0) + (lh + ll) / beta, adding the two large terms exactly (two-sum) before the small ones.");
        Value ph = b.Let("ph", b.Mul(b.C("InvBetaHi"), lh));
        Value small = betaIsPowerOfTwo
            ? b.Mul(b.C("InvBetaHi"), ll)
            : b.Fma(b.C("InvBetaHi"), ll, b.Fma(b.C("InvBetaLo"), lh, b.ProductError(b.C("InvBetaHi"), lh, ph)));
        Value sum = b.Let("sum", b.Add(xp, ph));
        Value bb = b.Let("bb", b.Sub(sum, xp));
        Value se = b.Let("se", b.Add(b.Sub(xp, b.Sub(sum, bb)), b.Sub(ph, bb)), "xp + ph = sum + se exactly");
        Value yLarge = b.Let("yLarge", b.Add(sum, b.Add(se, small)));

        int smallestExponent = -(t.ExponentBias - 1) - (t.Precision - 1);
        b.Const("UnderflowScaled", System.Math.Pow(2, smallestExponent - 1 + e.ScaleOffset), $"2^({smallestExponent - 1} + {e.ScaleOffset}): at or below it, the result (scaled by 2^{e.ScaleOffset}) rounds to 0.");
        b.Const("TinyK", e.TinyExponent, $"Below 2^{e.TinyExponent}, log1p(t) = t (1 - t/2 + t^2/3 - t^3/4) to full precision.");
        b.Comment("Tiny t (k < TinyK): log1p(t) = t (1 + m), m = -t/2 + t^2/3 - t^3/4; result scaled by 2^k last (one rounding, also when subnormal).");
        Value tt = b.Let("t", b.Mul(s, b.Add(b.Lit(1), pm)));
        Value m = b.Let("m", b.Mul(tt, b.Fma(tt, b.Fma(tt, b.Lit(-0.25), b.Lit(1.0 / 3.0)), b.Lit(-0.5))));
        Value inner = betaIsPowerOfTwo
            ? b.Mul(b.C("InvBetaHi"), b.Add(ex.Pt, b.Fma(m, pm, m)))
            : b.Fma(b.C("InvBetaHi"), b.Add(ex.Pt, b.Fma(m, pm, m)), b.Mul(b.C("InvBetaLo"), b.Add(b.Lit(1), pm)));
        Value mid = b.Let("mid", b.Fma(b.C("InvBetaHi"), ex.Rh, inner), "(1/beta)(1 + rh + pt)(1 + m) - 1/beta");
        Value scaled = b.Let("scaled", b.Mul(b.Add(b.C("InvBetaHi"), mid), s64), "the result times 2^offset: exact, normal");
        b.Comment("Lanes whose result rounds to 0 are zeroed first, so that the last multiply underflows only where the result is subnormal.");
        Value kept = b.Let("kept", b.Select(b.GreaterThan(scaled, b.C("UnderflowScaled")), scaled, b.Lit(0)));
        Value yTiny = b.Let("yTiny", b.Add(xp, b.Mul(kept, b.C("ScaleDown"))));

        Value y = b.Let("y", b.SelectLessThan(ex.K, b.C("TinyK"), yTiny, yLarge));
        b.Comment("PyTorch's threshold rule: x itself where fl(beta x) > threshold. Also passes NaN and +infinity through.");
        return b.SelectLessThan(x, b.C("Cutoff"), y, x);
    }
}
