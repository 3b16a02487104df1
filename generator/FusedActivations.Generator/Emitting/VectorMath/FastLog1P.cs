using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log(1 + t) in the element type for the Fast kernels, t in [2^-12, 1]: u = fl(1 + t) with its rounding error c kept
/// (exact), u halved above sqrt(2) so that <c>log(u) = e ln2 + log1p(f)</c> with f in [sqrt(1/2) - 1, sqrt(2) - 1] exact,
/// <c>log1p(f) = f - f^2/2 + f^3 R(f)</c> (R of <see cref="ExpLogCoefficients"/>), and c/u added to first order. No
/// compensation beyond that: about 1 ULP. Float kernels take <see cref="Log1PFromTable"/> instead.
/// </summary>
internal static class FastLog1P
{
    /// <summary>c_j = 1/(1 + j/15) rounded to float, j = 0..15.</summary>
    private static readonly double[] Inverse = System.Array.ConvertAll(WideningCore.LogTableInverse, c => (double)(float)c);

    /// <summary>
    /// log(1 + t) in float for t in [0, 1] (and at least 2^-149 or 0), from a 16-entry float table (one to four
    /// instructions on every path: <see cref="Isa.IsaDialect.Lookup16Single"/>): j = round(15 t), c_j ~ 1/(1 + j/15),
    /// <c>log(1 + t) = -log(c_j) + log1p(f)</c> with f = t c_j + (c_j - 1) (one rounding, |f| &lt;= 1/30) and
    /// <c>log1p(f) = f + f^2 P(f)</c>, P the degree-3 fit of <see cref="WideningCore"/> (2^-30). Entry 0 is exactly
    /// (1, 0, 0), so f = t there and tiny t keeps its full relative precision: no separate tiny branch. About 1.5 ULP.
    /// </summary>
    public static Value Log1PFromTable(FormulaBuilder b, Value t)
    {
        double[] minusLog = System.Array.ConvertAll(Inverse, c => -System.Math.Log(c));
        double[] hi = System.Array.ConvertAll(minusLog, v => (double)(float)v);
        double[] lo = new double[hi.Length];
        for (int i = 0; i < lo.Length; i++)
        {
            lo[i] = (float)(minusLog[i] - hi[i]);
        }

        double[] p = WideningCore.LogRemainder;
        b.Const("FastIndexMagic", WideningCore.RoundingMagic / (1L << 29), $"1.5 * 2^23: fma(t, {WideningCore.TableScale}, FastIndexMagic) leaves j = round({WideningCore.TableScale} t) in the low bits.");
        b.Comment($"log(1 + t) = -log(c_j) + log1p(f), f = (1 + t) c_j - 1 = t c_j + (c_j - 1), j = round({WideningCore.TableScale} t), c_j ~ 1/(1 + t).");
        Value j = b.Let("j", b.Fma(t, b.Lit(WideningCore.TableScale), b.C("FastIndexMagic")), "j in the low bits");
        Value cj = b.Let("c", b.Lookup16("FastLogInverse", Inverse, $"c_j ~ 1/(1 + j/{WideningCore.TableScale}), rounded to float: (1 + t) c_j - 1 is within 1/30 of 0 for j = round({WideningCore.TableScale} t).", j));
        Value cm1 = b.Let("cm1", b.Lookup16("FastLogInverseMinusOne", System.Array.ConvertAll(Inverse, c => c - 1), "c_j - 1, exact (Sterbenz): f = t c_j + (c_j - 1) needs one rounding.", j));
        Value lc = b.Let("lc", b.Lookup16("FastLogOfInverse", hi, "-log(c_j) of the float c_j, rounded to float.", j));
        Value lcl = b.Let("lcl", b.Lookup16("FastLogOfInverseLo", lo, "-log(c_j) - FastLogOfInverse[j], rounded to float: log1p(f) may cancel half of -log(c_j), so its rounding error would count twice.", j));
        Value f = b.Let("f", b.Fma(t, cj, cm1), "|f| <= 1/30; f = t exactly for j = 0");
        Value pf = b.Horner("pf", f, "FastP", p, $"P(f) = (log1p(f) - f) / f^2 on [-1/32, 1/30], degree {p.Length - 1}, relative error 2^-30.", "log1p(f) = f + f^2 P(f)");
        // f (f P(f)) + f, not f^2 P(f) + f: f^2 is subnormal for t below 2^-63, and subnormal results cost an assist on
        // x86 (Softplus on [-30, 30] was 14 % slower than on [-10, 10]); f P(f) stays normal down to the deep tail.
        Value fp = b.Mul(f, pf);
        // Without FMA, f (f P(f)) is rounded on its own and underflows for |f| below 2^-63 (a microcode assist on Intel
        // cores): it is multiplied by 0 instead below |f| = 2^-30, where it is far under half an ULP of f, so the
        // rounded sum is f either way.
        Value square = b.Isa.HasFma
            ? b.Fma(fp, f, f)
            : b.Add(b.Mul(fp, b.Where(b.GreaterThanOrEqual(b.Abs(f), b.Lit(System.Math.Pow(2, -30))), f)), f);

        return b.Add(lc, b.Add(square, lcl));
    }

    public static Value Log1P(FormulaBuilder b, Value t)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        double[] r = ExpLogCoefficients.LogRemainder(b.Element.Type);
        b.Const("Ln2Hi", e.Ln2Hi, "ln2 rounded: fma(k, -Ln2Hi, a) is exact.");
        b.Const("Sqrt2", e.Sqrt2, "sqrt(2): 1 + t above it is halved so that log1p's argument stays in [sqrt(1/2) - 1, sqrt(2) - 1].");
        b.Comment("log(1 + t) = e ln2 + log1p(f) + c/u: u = 1 + t rounded, c its rounding error, f = u 2^-e - 1 exactly.");
        Value u = b.Let("u", b.Add(b.Lit(1), t));
        Value c = b.Let("c", b.Sub(t, b.Sub(u, b.Lit(1))), "1 + t = u + c exactly");
        Value upper = b.Let("upper", b.GreaterThan(u, b.C("Sqrt2")));
        Value sc = b.Let("sc", b.Select(upper, b.Lit(0.5), b.Lit(1)));
        Value f = b.Let("f", b.Sub(b.Mul(u, sc), b.Lit(1)), "exact");
        Value rv = b.Horner("lr", f, "R", r, $"R(f) = (log1p(f) - f + f^2/2) / f^3 on [sqrt(1/2) - 1, sqrt(2) - 1], degree {r.Length - 1}.", "log1p(f) = f - f^2/2 + f^3 R(f)");
        Value f2 = b.Let("f2", b.Mul(f, f));
        Value poly = b.Let("poly", b.Fma(b.Mul(f2, f), rv, b.Mul(b.Mul(c, sc), b.Sub(b.Lit(1), f))), "f^3 R(f) + (c/u to first order)");
        Value lg = b.Let("lg", b.Add(f, b.Fma(b.Mul(b.Lit(-0.5), f), f, poly)));
        return b.Add(b.Where(upper, b.C("Ln2Hi")), lg);
    }
}
