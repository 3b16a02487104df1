using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log(1 + t) in double for t in [0, 1], for the widened float kernels: a 16-entry table and a degree-3 polynomial
/// (<see cref="WideningCore"/>), relative error about 2^-30, and f = t exactly for tiny t, so tiny arguments keep every
/// bit. Needs a one-instruction 16-entry lookup (<see cref="Isa.IsaDialect.Lookup16"/>: AVX-512 and scalar code).
/// </summary>
internal static class WideLog1P
{
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
