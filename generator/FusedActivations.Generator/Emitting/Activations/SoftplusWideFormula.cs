using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Emitting.Activations;

/// <summary>
/// Softplus for float kernels on paths that widen (<see cref="Isa.IsaDialect.WidensSingle"/>): each float is widened to
/// double, <c>max(x, 0) + log1p(e^a) / beta</c> with <c>a = -beta|x|</c> is computed there with the short polynomials and
/// the 16-entry log tables of <see cref="WideningCore"/>, and the result is rounded to float once. 1 + t is never
/// formed: its log is taken as -log(c_j) + log1p(t c_j + (c_j - 1)), which loses nothing for tiny t. No compensated
/// arithmetic is needed: every intermediate error is below 2^-29 relative, so the result is within about 0.51 ULP
/// (measured on all 2^32 inputs; README). Double has the exponent range to keep e^a normal down to results that round
/// to 0 in float, so there is no separate tiny-result branch either.
/// </summary>
internal static class SoftplusWideFormula
{
    /// <summary>The double constants the widened formula refers to.</summary>
    public static IEnumerable<KernelConstant> Constants(SoftplusConstants c)
    {
        ElementInfo d = ElementInfo.Double;
        double beta = c.Beta;
        yield return new KernelConstant("WideBeta", beta, $"beta rounded to float ({ElementInfo.Readable(beta)}), as PyTorch does for float tensors, held in a double.", d, isFolded: true);
        yield return new KernelConstant("WideInvBeta", 1.0 / beta, "1/beta in double: its error (2^-53) is far below float's.", d, isFolded: true);
        yield return new KernelConstant("WideExpFloor", ExpFloor, $"a is raised to {ExpFloor}: e^{ExpFloor} / beta rounds to 0 in float for every beta the generator accepts, and 2^k stays a normal double.", d);
        yield return new KernelConstant("WideLog2E", 1.4426950408889634, "log2(e).", d);
        yield return new KernelConstant("WideLn2", 0.6931471805599453, "ln2 rounded to double: k ln2 is off by at most 2^-45, far below what float needs.", d);
        yield return new KernelConstant("WideExpMagic", WideningCore.RoundingMagic + 1023, "1.5 * 2^52 + 1023: adding it rounds to an integer k and leaves k + 1023 (the biased exponent of 2^k) in the low bits.", d);
        yield return new KernelConstant("WideIndexMagic", WideningCore.RoundingMagic, $"1.5 * 2^52: fma(t, {WideningCore.TableScale}, WideIndexMagic) leaves j = round({WideningCore.TableScale} t) in the low bits.", d);
        double[] q = WideningCore.ExpRemainder;
        for (int i = 0; i < q.Length; i++)
        {
            yield return new KernelConstant("WideQ" + i, q[i], i == 0 ? $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}, relative error 2^-32." : null, d);
        }

        double[] p = WideningCore.LogRemainder;
        for (int i = 0; i < p.Length; i++)
        {
            yield return new KernelConstant("WideP" + i, p[i], i == 0 ? $"P(f) = (log1p(f) - f) / f^2 on [-1/32, 1/30], degree {p.Length - 1}, relative error 2^-30." : null, d);
        }
    }

    /// <summary>The 16-entry tables the widened formula looks up, with their documentation.</summary>
    public static IEnumerable<(string Name, double[] Values, string Doc)> Tables()
    {
        yield return ("WideLogInverse", WideningCore.LogTableInverse, $"c_j ~ 1/(1 + j/{WideningCore.TableScale}): (1 + t) c_j - 1 is within 1/30 of 0 for j = round({WideningCore.TableScale} t).");
        yield return ("WideLogInverseMinusOne", WideningCore.LogTableInverseMinusOne, "c_j - 1, exact (Sterbenz): f = t c_j + (c_j - 1) needs one rounding.");
        yield return ("WideLogOfInverse", WideningCore.LogTableOfInverse, "-log(c_j), rounded to double: log(1 + t) = -log(c_j) + log1p((1 + t) c_j - 1).");
    }

    /// <summary>a = -beta|x| is raised to this: e^-150 &lt; 2^-216, and beta &gt;= 1e-10.</summary>
    private const double ExpFloor = -150;

    /// <summary>
    /// Writes the double part: the widened input <paramref name="w"/> to the unrounded result (returned through the
    /// writer's result statement). The threshold rule is applied after rounding, by <see cref="WriteEpilogue"/>.
    /// </summary>
    public static void WriteWideBody(KernelWriter w, string x)
    {
        w.Comment("In double: softplus(x) = max(x, 0) + log1p(e^a) / beta with a = -beta|x|, every error far below float's.");
        string xp = w.Let("xp", w.Max(x, w.Lit(0)), "the linear part (NaN lanes are fixed after rounding)");
        string z = w.Let("z", w.Mul(w.C("WideBeta"), x), "exact enough: one rounding in double");
        string a = w.Let("a", w.Max(w.NegativeAbs(z), w.C("WideExpFloor")), "beyond the floor e^a no longer matters");

        w.Comment("e^a = 2^k e^r with k = round(a / ln2), |r| <= ln2/2, e^r = 1 + r + r^2 Q(r).");
        string n = w.Let("n", w.Fma(a, w.C("WideLog2E"), w.C("WideExpMagic")));
        string k = w.Let("k", w.Sub(n, w.C("WideExpMagic")));
        string r = w.Let("r", w.Fma(k, w.NegC("WideLn2"), a));
        string e = w.Horner("e", r, "WideQ", WideningCore.ExpRemainder.Length - 1, "Q(r), then 1 + r + r^2 Q(r)");
        w.Assign(e, w.Fma(e, r, w.Lit(1)));
        w.Assign(e, w.Fma(e, r, w.Lit(1)));
        string t = w.Let("t", w.MultiplyByPowerOfTwo(e, n, k), "e^a in (0, 1]: exact scaling, never subnormal");

        w.Comment($"log(1 + t) = -log(c_j) + log1p(f), f = (1 + t) c_j - 1 = t c_j + (c_j - 1), j = round({WideningCore.TableScale} t), c_j ~ 1/(1 + t).");
        string j = w.Let("j", w.Fma(t, w.Lit(WideningCore.TableScale), w.C("WideIndexMagic")), "j in the low bits");
        string cj = w.Let("c", w.Lookup16("WideLogInverse", j));
        string cm1 = w.Let("cm1", w.Lookup16("WideLogInverseMinusOne", j), "c_j - 1, exact");
        string lc = w.Let("lc", w.Lookup16("WideLogOfInverse", j), "-log(c_j)");
        string f = w.Let("f", w.Fma(t, cj, cm1), "|f| <= 1/30; f = t exactly for j = 0, so tiny t keeps every bit");
        string pf = w.Horner("pf", f, "WideP", WideningCore.LogRemainder.Length - 1, "log1p(f) = f + f^2 P(f)");
        string lg = w.Let("lg", w.Fma(w.Mul(f, f), pf, f));
        w.Return(w.Fma(w.C("WideInvBeta"), w.Add(lc, lg), xp));
    }

    /// <summary>
    /// Writes the float part, after rounding: PyTorch's threshold rule on the original input <paramref name="x"/>
    /// (x itself where fl(beta x) &gt; threshold, which also passes NaN and +infinity through).
    /// </summary>
    public static void WriteEpilogue(KernelWriter w, string x, string y)
    {
        w.Comment("PyTorch's threshold rule: x itself where fl(beta x) > threshold. Also passes NaN and +infinity through.");
        w.Return(w.SelectLessThan(x, w.C("Cutoff"), y, x));
    }
}
