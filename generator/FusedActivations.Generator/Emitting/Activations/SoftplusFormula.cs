using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Emitting.Activations;

/// <summary>
/// The Softplus formula, written once for every instruction-set path. With <c>a = -beta|x|</c> and <c>t = e^a</c>:
/// <code>softplus(x) = max(x, 0) + log1p(t) / beta</code>
/// evaluated so that the only large rounding is the last one: e^a is kept as <c>2^k (1 + rh + pt)</c>, 1 + t as an
/// unevaluated sum <c>uh + ul</c>, log(1 + t) as <c>Lh + Ll</c>, and <c>max(x,0) + Lh/beta</c> is added with an exact
/// two-sum before the small terms join. Measured: at most 0.9 ULP (float) on all 2^32 inputs; see the README.
/// </summary>
internal static class SoftplusFormula
{
    /// <summary>The named constants the formula refers to, in the order the kernel class declares them.</summary>
    public static IEnumerable<KernelConstant> Constants(SoftplusConstants c, ExpReduction e)
    {
        ElementInfo t = c.Element;
        string beta = ElementInfo.Readable(c.Beta);
        yield return new KernelConstant("Beta", c.Beta, $"beta = {beta}, rounded to {t.Name}.", isFolded: true);
        yield return new KernelConstant("InvBetaHi", c.InvBetaHi, $"1/beta, rounded to {t.Name}{(c.BetaIsPowerOfTwo ? ": exact, beta is a power of two" : "")}.", isFolded: true);
        if (!c.BetaIsPowerOfTwo)
        {
            yield return new KernelConstant("InvBetaLo", c.InvBetaLo, "1/beta - InvBetaHi: the part of 1/beta that InvBetaHi misses.", isFolded: true);
        }

        yield return new KernelConstant("Cutoff", c.Cutoff, double.IsPositiveInfinity(c.Cutoff)
            ? "No linear cut-off: threshold = +infinity (or no x reaches it)."
            : $"threshold/beta to the last bit: the smallest x with fl(beta * x) > threshold ({ElementInfo.Readable(c.Threshold)}), so x >= Cutoff is exactly PyTorch's test beta * x > threshold.",
            isFolded: true);
        yield return new KernelConstant("Clamp", c.Clamp, "Beyond |x| = Clamp, exp(-beta|x|)/beta is below half the smallest subnormal: x is clamped there, which keeps every intermediate finite.", isFolded: true);
        yield return new KernelConstant("Log2E", e.Log2E, "log2(e).");
        yield return new KernelConstant("Magic", e.Magic, $"1.5 * 2^{t.Precision - 1} + {t.ExponentBias} + {e.ScaleOffset}: adding it rounds to an integer k and leaves k + {t.ExponentBias + e.ScaleOffset} in the low bits.");
        yield return new KernelConstant("Ln2Hi", e.Ln2Hi, "ln2 rounded: fma(k, -Ln2Hi, a) is exact.");
        yield return new KernelConstant("Ln2Lo", e.Ln2Lo, "ln2 - Ln2Hi.");
        yield return new KernelConstant("Ln2CwHi", e.Ln2CwHi, "ln2 with trailing zero bits: k * Ln2CwHi is exact without FMA (Cody-Waite, for the portable path).");
        yield return new KernelConstant("Ln2CwMid", e.Ln2CwMid, "The next bits of ln2: k * Ln2CwMid is exact too.");
        yield return new KernelConstant("Ln2CwLo", e.Ln2CwLo, "ln2 - Ln2CwHi - Ln2CwMid.");

        yield return new KernelConstant("ScaleDown", System.Math.Pow(2, -e.ScaleOffset), $"2^-{e.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        yield return new KernelConstant("MagicFloor", e.Magic + e.KFloor, $"Magic + ({e.KFloor}): n clamped to it gives 2^{e.KFloor}, the smallest scale the log1p part needs (the tiny-t result uses the unclamped 2^k).");
        int smallestExponent = -(t.ExponentBias - 1) - (t.Precision - 1);
        yield return new KernelConstant("UnderflowScaled", System.Math.Pow(2, smallestExponent - 1 + e.ScaleOffset), $"2^({smallestExponent - 1} + {e.ScaleOffset}): at or below it, the result (scaled by 2^{e.ScaleOffset}) rounds to 0.");
        yield return new KernelConstant("Sqrt2", e.Sqrt2, "sqrt(2): 1 + t above it is halved so that log1p's argument stays in [sqrt(1/2) - 1, sqrt(2) - 1].");
        yield return new KernelConstant("TinyK", e.TinyExponent, $"Below 2^{e.TinyExponent}, log1p(t) = t (1 - t/2 + t^2/3 - t^3/4) to full precision.");

        double[] q = ExpLogCoefficients.ExpRemainder(t.Type);
        for (int i = 0; i < q.Length; i++)
        {
            yield return new KernelConstant("Q" + i, q[i], i == 0 ? $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}." : null);
        }

        double[] r = ExpLogCoefficients.LogRemainder(t.Type);
        for (int i = 0; i < r.Length; i++)
        {
            yield return new KernelConstant("R" + i, r[i], i == 0 ? $"R(f) = (log1p(f) - f + f^2/2) / f^3 on [sqrt(1/2) - 1, sqrt(2) - 1], degree {r.Length - 1}." : null);
        }
    }

    /// <summary>Writes the statements that compute softplus of <paramref name="x"/> and return it.</summary>
    public static void WriteBody(KernelWriter w, SoftplusConstants c, string x)
    {
        int qDegree = ExpLogCoefficients.ExpRemainder(c.Element.Type).Length - 1;
        int rDegree = ExpLogCoefficients.LogRemainder(c.Element.Type).Length - 1;
        bool fma = w.Isa.HasFma;

        w.Comment("softplus(x) = max(x, 0) + log1p(e^a) / beta with a = -beta|x|.");
        string xp = w.Let("xp", w.Max(x, w.Lit(0)), "the linear part (NaN lanes are fixed by the last line)");
        string xc = w.Let("xc", w.Min(w.Max(x, w.NegC("Clamp")), w.C("Clamp")), "beyond Clamp the exponential no longer matters");
        string z = w.Let("z", w.Mul(w.C("Beta"), xc));
        string a = w.Let("a", w.NegativeAbs(z), "a = -|beta x|");
        string al;
        if (c.BetaIsPowerOfTwo)
        {
            w.Comment("beta is a power of two: beta * x is exact.");
            al = w.Lit(0);
        }
        else
        {
            string zl = w.Let("zl", w.ProductError(w.C("Beta"), xc, z), "beta*x = z + zl exactly");
            al = w.Let("al", w.NegateWhereNonNegative(zl, z), "a + al = -beta|x| exactly");
        }

        w.Comment("e^a = 2^k e^(rh + rl) with k = round(a / ln2), |rh| <= ln2/2.");
        string n = w.Let("n", w.Fma(a, w.C("Log2E"), w.C("Magic")));
        string k = w.Let("k", w.Sub(n, w.C("Magic")));
        string rh;
        string rl;
        if (fma)
        {
            rh = w.Let("rh", w.Fma(k, w.NegC("Ln2Hi"), a), "exact");
            rl = w.Let("rl", c.BetaIsPowerOfTwo ? w.Mul(k, w.NegC("Ln2Lo")) : w.Fma(k, w.NegC("Ln2Lo"), al), "a + al = k ln2 + rh + rl");
        }
        else
        {
            // Cody-Waite in three parts; both products and the first difference are exact, and a two-sum keeps the rest.
            string r0 = w.Let("r0", w.Sub(a, w.Mul(k, w.C("Ln2CwHi"))), "exact");
            string r1 = w.Let("r1", w.Mul(k, w.C("Ln2CwMid")), "exact");
            rh = w.Let("rh", w.Sub(r0, r1));
            string rb = w.Let("rb", w.Sub(rh, r0));
            string re = w.Let("re", w.Sub(w.Sub(r0, w.Sub(rh, rb)), w.Add(r1, rb)), "r0 - r1 = rh + re exactly");
            rl = w.Let("rl", w.Fma(k, w.NegC("Ln2CwLo"), c.BetaIsPowerOfTwo ? re : w.Add(re, al)), "a + al = k ln2 + rh + rl");
        }
        string q = w.Horner("q", rh, "Q", qDegree, "e^rh = 1 + rh + rh^2 Q(rh)");
        string p2 = w.Let("p2", w.Mul(w.Mul(rh, rh), q));
        string pt;
        if (fma)
        {
            pt = w.Let("pt", w.Fma(rl, w.Add(w.Add(w.Lit(1), rh), p2), p2), "e^(rh+rl) - 1 = rh + pt, |pt| < 0.07");
        }
        else
        {
            // Without FMA the Cody-Waite tail rl is larger (up to ~3e-4 for float), so its square counts too.
            pt = w.Let("pt", w.Fma(rl, w.Add(w.Add(w.Add(w.Lit(1), rh), p2), w.Mul(w.Lit(0.5), rl)), p2), "e^(rh+rl) - 1 = rh + pt");
        }

        string pm = w.Let("pm", w.Add(rh, pt));
        string pme = w.Let("pme", w.Add(w.Sub(rh, pm), pt), "pm + pme = rh + pt");
        string s64 = w.Let("s64", w.ShiftIntoExponent(n), "2^(k + offset), normal even where e^a is subnormal");
        string s = w.Let("s", w.Mul(w.ShiftIntoExponent(w.Max(n, w.C("MagicFloor"))), w.C("ScaleDown")), "2^max(k, KFloor): never subnormal (subnormal operands are slow on x86)");

        w.Comment("Large t: u = 1 + t = uh + ul exactly, then log(u) = e ln2 + log1p(f + d) with f in [sqrt(1/2) - 1, sqrt(2) - 1].");
        string A = w.Let("A", w.Add(w.Lit(1), s), "exact: this result is used only where k >= TinyK");
        string Bt = w.Let("Bt", w.Mul(s, pm));
        string uh = w.Let("uh", w.Add(A, Bt));
        string ul = w.Let("ul", w.Add(w.Add(w.Sub(A, uh), Bt), w.Mul(s, pme)));
        string upper = w.Let("upper", w.GreaterThan(uh, w.C("Sqrt2")), "lanes where u is halved: log(u) = ln2 + log1p(u/2 - 1)");
        string sc = w.Let("sc", w.Select(upper, w.Lit(0.5), w.Lit(1)));
        string f = w.Let("f", w.Sub(w.Mul(uh, sc), w.Lit(1)), "exact");
        string d = w.Let("d", w.Mul(ul, sc));
        string eh = w.Let("eh", w.Where(upper, w.C("Ln2Hi")));
        string el = w.Let("el", w.Where(upper, w.C("Ln2Lo")));
        string hh = w.Let("hh", w.Add(eh, f));
        string hl = w.Let("hl", w.Add(w.Sub(eh, hh), f), "eh + f = hh + hl exactly");
        string g = w.Let("g", w.Mul(w.Lit(0.5), f));
        string sqh = w.Let("sqh", w.Mul(g, f));
        string sql = w.Let("sql", w.ProductError(g, f, sqh), "f^2/2 = sqh + sql exactly");
        string r = w.Horner("r", f, "R", rDegree, "log1p(f) = f - f^2/2 + f^3 R(f)");
        string f2 = w.Let("f2", w.Mul(f, f));
        string poly = w.Let("poly", w.Fma(w.Mul(f2, f), r, w.Mul(d, w.Fma(f, f, w.Sub(w.Lit(1), f)))), "f^3 R(f) + d/(1 + f)");
        string tail = w.Let("tail", w.Add(w.Sub(w.Add(hl, el), sql), poly));
        string lh = w.Let("lh", w.Sub(hh, sqh));
        string ll = w.Let("ll", w.Add(w.Sub(w.Sub(hh, lh), sqh), tail), "log(1 + t) = lh + ll");

        w.Comment("max(x, 0) + (lh + ll) / beta, adding the two large terms exactly (two-sum) before the small ones.");
        string ph = w.Let("ph", w.Mul(w.C("InvBetaHi"), lh));
        string small = c.BetaIsPowerOfTwo
            ? w.Mul(w.C("InvBetaHi"), ll)
            : w.Fma(w.C("InvBetaHi"), ll, w.Fma(w.C("InvBetaLo"), lh, w.ProductError(w.C("InvBetaHi"), lh, ph)));
        string sum = w.Let("sum", w.Add(xp, ph));
        string bb = w.Let("bb", w.Sub(sum, xp));
        string se = w.Let("se", w.Add(w.Sub(xp, w.Sub(sum, bb)), w.Sub(ph, bb)), "xp + ph = sum + se exactly");
        string yLarge = w.Let("yLarge", w.Add(sum, w.Add(se, small)));

        w.Comment("Tiny t (k < TinyK): log1p(t) = t (1 + m), m = -t/2 + t^2/3 - t^3/4; result scaled by 2^k last (one rounding, also when subnormal).");
        string tt = w.Let("t", w.Mul(s, w.Add(w.Lit(1), pm)));
        string m = w.Let("m", w.Mul(tt, w.Fma(tt, w.Fma(tt, w.Lit(-0.25), w.Lit(1.0 / 3.0)), w.Lit(-0.5))));
        string inner = c.BetaIsPowerOfTwo
            ? w.Mul(w.C("InvBetaHi"), w.Add(pt, w.Fma(m, pm, m)))
            : w.Fma(w.C("InvBetaHi"), w.Add(pt, w.Fma(m, pm, m)), w.Mul(w.C("InvBetaLo"), w.Add(w.Lit(1), pm)));
        string mid = w.Let("mid", w.Fma(w.C("InvBetaHi"), rh, inner), "(1/beta)(1 + rh + pt)(1 + m) - 1/beta");
        string scaled = w.Let("scaled", w.Mul(w.Add(w.C("InvBetaHi"), mid), s64), "the result times 2^offset: exact, normal");
        w.Comment("Lanes whose result rounds to 0 are zeroed first, so that the last multiply underflows only where the result is subnormal.");
        string kept = w.Let("kept", w.Select(w.GreaterThan(scaled, w.C("UnderflowScaled")), scaled, w.Lit(0)));
        string yTiny = w.Let("yTiny", w.Add(xp, w.Mul(kept, w.C("ScaleDown"))));

        string y = w.Let("y", w.SelectLessThan(k, w.C("TinyK"), yTiny, yLarge));
        w.Comment("PyTorch's threshold rule: x itself where fl(beta x) > threshold. Also passes NaN and +infinity through.");
        w.Return(w.SelectLessThan(x, w.C("Cutoff"), y, x));
    }
}
