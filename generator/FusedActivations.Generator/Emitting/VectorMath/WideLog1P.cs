using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log(1 + t) in double for t in [0, 1], for the widened float kernels: a 16-entry table and a degree-3 polynomial
/// (<see cref="WideningCore"/>), relative error about 2^-30, and f = t exactly for tiny t, so tiny arguments keep every
/// bit, where a 16-entry lookup is one instruction (<see cref="Isa.IsaDialect.HasLookup16"/>: AVX-512 and scalar
/// code); elsewhere (AVX2, NEON, portable Vector128) <see cref="Log1PWithoutTable"/>: one compare, one division and a
/// degree-4 polynomial, relative error about 2^-34.
/// </summary>
internal static class WideLog1P
{
    /// <summary>log(1 + t) on the path's best strategy: the table where a lookup is one instruction.</summary>
    public static Value Of(FormulaBuilder b, Value t) => b.Isa.HasLookup16 ? Log1P(b, t) : Log1PWithoutTable(b, t);

    /// <summary>
    /// log(1 + t) for t in [0, 1] without a table: <c>1 + t = 2^e (1 + f)</c> with e = 0 and f = t below sqrt2 - 1
    /// (exact: 1 + t is never formed, so tiny t keeps every bit) and e = 1, f = (t - 1)/2 above (exact for t &gt;= 1/2,
    /// one rounding of 2^-54 below); then <c>log1p(f) = 2 atanh(s)</c>, s = f / (2 + f), |s| &lt;= 0.172, summed to s^11.
    /// </summary>
    public static Value Log1PWithoutTable(FormulaBuilder b, Value t)
    {
        b.Const("WideLogSplit", 0.41421356237309503, "sqrt2 - 1 (rounded): above it 1 + t = 2 (1 + f) with f = (t - 1)/2 in [1/sqrt2 - 1, 0].");
        b.Const("WideLogLn2", 0.6931471805599453, "ln2 rounded to double: e ln2 is off by at most 2^-43 relative, far below what float needs.");
        b.Comment("log(1 + t) = e ln2 + log1p(f), 1 + t = 2^e (1 + f), |f| <= sqrt2 - 1; log1p(f) = 2 atanh(s) = 2s + s^3 P(s^2), s = f / (2 + f).");
        Value upper = b.Let("upper", b.GreaterThanOrEqual(t, b.C("WideLogSplit")), "e = 1");
        Value f = b.Let("f", b.Select(upper, b.Fma(t, b.Lit(0.5), b.Lit(-0.5)), t), "f = t exactly where e = 0");
        Value lp = WideLog.Log1PAsAtanh(b, f, 5, "the Taylor series to s^11, truncation error 2^-34 relative");
        return b.Add(b.Where(upper, b.C("WideLogLn2")), lp);
    }

    /// <summary>log(1 + t) as the unevaluated sum of the returned value's two terms (<c>lc + lg</c>).</summary>
    public static Value Log1P(FormulaBuilder b, Value t)
    {
        b.Const("WideIndexMagic", WideningCore.RoundingMagic, $"1.5 * 2^52: fma(t, {WideningCore.TableScale}, WideIndexMagic) leaves j = round({WideningCore.TableScale} t) in the low bits.");
        double[] p = WideningCore.LogRemainder;

        b.Comment($"log(1 + t) = -log(c_j) + log1p(f), f = (1 + t) c_j - 1 = t c_j + (c_j - 1), j = round({WideningCore.TableScale} t), c_j ~ 1/(1 + t).");
        Value j = b.Let("j", b.Fma(t, b.Lit(WideningCore.TableScale), b.C("WideIndexMagic")), "j in the low bits");
        Value cj = b.Let("c", b.Lookup16("WideLogInverse", WideningCore.LogTableInverse, $"c_j ~ 1/(1 + j/{WideningCore.TableScale}): (1 + t) c_j - 1 is within 1/30 of 0 for j = round({WideningCore.TableScale} t).", j));
        Value cm1 = b.Let("cm1", b.Lookup16("WideLogInverseMinusOne", WideningCore.LogTableInverseMinusOne, "c_j - 1, exact (Sterbenz): f = t c_j + (c_j - 1) needs one rounding.", j), "c_j - 1, exact");
        Value lc = b.Let("lc", b.Lookup16("WideLogOfInverse", WideningCore.LogTableOfInverse, "-log(c_j), rounded to double: log(1 + t) = -log(c_j) + log1p((1 + t) c_j - 1).", j), "-log(c_j)");
        Value f = b.Let("f", b.Fma(t, cj, cm1), "|f| <= 1/30; f = t exactly for j = 0, so tiny t keeps every bit");
        Value pf = b.Horner("pf", f, "WideP", p, $"P(f) = (log1p(f) - f) / f^2 on [-1/32, 1/30], degree {p.Length - 1}, relative error 2^-30.", "log1p(f) = f + f^2 P(f)");
        Value lg = b.Let("lg", b.Fma(b.Mul(f, f), pf, f));
        return b.Add(lc, lg);
    }
}
