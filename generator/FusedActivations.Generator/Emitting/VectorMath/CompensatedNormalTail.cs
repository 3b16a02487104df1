using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The upper normal tail <c>Q(t) = erfc(t / sqrt 2) / 2</c> for the double kernels, t in [0, 39], as a pair times
/// 2^offset (the runtime's <c>NormalTailCore</c>, with the "Double" coefficients of <see cref="NormalTailCoefficients"/>):
/// relative error about 2^-54 (the fits' 2^-54.5 to 2^-59, each polynomial's constant term added last in compensated
/// arithmetic, exp(-t^2/2) from <see cref="CompensatedExp"/> of the exact square, the one division's error carried),
/// so a result formed from it with one rounding is within about 0.5 ULP plus 2^-53 relative. The scale 2^offset (that
/// of Magic) keeps Q normal down to t = 39 (Q(39) is near 2^-1104); callers multiply by their own factor first and by
/// ScaleDown last, so that a subnormal result rounds only there.
/// </summary>
/// <remarks>
/// Every lane computes the small piece (t &lt;= 1: <c>1/2 - t E(t^2)</c>) and one polynomial whose coefficients are the
/// mid piece's (<c>exp(-t^2/2) R(t - 2)</c>, d = t - 2 exact) or the tail's (<c>exp(-t^2/2) G(A/t^2 + B) / t</c>), and
/// selects: one chain of 24 FMAs for both of the long polynomials instead of 19 + 24, for 26 selects of constants that
/// are off the chain.
/// </remarks>
internal static class CompensatedNormalTail
{
    /// <summary>Q(t) times 2^offset as a pair, for t in [0, 39] (the caller clamps t).</summary>
    public static DoubleDouble Scaled(FormulaBuilder b, Value t)
    {
        t = t as LocalValue ?? b.Let("t", t);
        ExpReduction reduction = ExpReduction.For(b.Element.Type);
        double[] small = NormalTailCoefficients.SmallDouble;
        double[] mid = NormalTailCoefficients.MidDouble;
        double[] tail = NormalTailCoefficients.TailDouble;
        b.Const("TailA", NormalTailCoefficients.TailDoubleA, "The tail's map v = A/t^2 + B: 1/t^2 in [1/1600, 1/9] to v in [-1, 1].");
        b.Const("TailB", NormalTailCoefficients.TailDoubleB, "See TailA.");
        b.Const("ScaleDown", System.Math.Pow(2, -reduction.ScaleOffset), $"2^-{reduction.ScaleOffset}: undoes the offset in the power of two built from Magic.");
        b.Const("ScaleUp", System.Math.Pow(2, reduction.ScaleOffset), $"2^{reduction.ScaleOffset}: the small piece, scaled like the others.");
        b.Comment("Q(t) = erfc(t / sqrt 2) / 2 = 1/2 - t E(t^2) for t <= 1, exp(-t^2/2) R(t - 2) for t <= 3, exp(-t^2/2) G(A/t^2 + B) / t beyond.");

        b.Comment("Small piece: 1/2 - t E(s), s = t^2 (its rounding barely matters: E varies by 17 % over the piece).");
        Value s = b.Let("s", b.Mul(t, t));
        Declare(b, "Small", small, $"E(s), s = t^2 in [0, 1]: Q(t) = 1/2 - t E(t^2), degree {small.Length - 2} (constant term as Small0 + Small1), relative error 2^-59.1.");
        DoubleDouble e = CompensatedHorner(b, "qe", s, null, "Small", small, "Small", small);
        DoubleDouble te = DoubleDouble.TwoProduct(b, "te", t, e.Hi);
        Value tel = b.Let("tel", b.Fma(t, e.Lo, te.Lo), "t E = te + tel");
        Value qs = b.Let("qs", b.Sub(b.Lit(0.5), te.Hi), "t E <= 0.342: a fast two-sum, Q >= 0.158");
        var qSmall = new DoubleDouble(qs, b.Let("qsl", b.Sub(b.Sub(b.Sub(b.Lit(0.5), qs), te.Hi), tel)));

        b.Comment("Mid and tail pieces: exp(-t^2/2) of the exact square, times the polynomial.");
        Value t2l = b.Let("sl", b.ProductError(t, t, s), "t^2 = s + sl exactly");
        CompensatedExp.Parts p = CompensatedExp.Expand(b, b.Let("ea", b.Mul(b.Lit(-0.5), s), "-t^2/2 = ea + eal exactly"), b.Let("eal", b.Mul(b.Lit(-0.5), t2l)));
        Value s64 = b.Let("s64", b.ShiftIntoExponent(p.N), "2^(k + offset): normal down to t = 39");
        DoubleDouble u = DoubleDouble.FastTwoSum(b, "u", b.Lit(1), p.Pm);
        Value ul = b.Let("ul2", b.Add(u.Lo, p.Pme), "exp(-t^2/2) = 2^k (u + ul2)");

        Value isTail = b.Let("istail", b.GreaterThan(t, b.Lit(3)));
        Value r = b.Let("rt", b.Div(b.Lit(1), t), "1/t (infinite at t = 0, where the small piece is taken)");
        Value rt = b.Let("rtt", b.Mul(r, t));
        Value rlo = b.Let("rtl", b.Mul(r, b.Sub(b.Sub(b.Lit(1), rt), b.ProductError(r, t, rt))), "1/t = rt + rtl: the remainder 1 - rt t is exact");
        Value v = b.Let("v", b.Select(isTail, b.Fma(b.Mul(r, r), b.C("TailA"), b.C("TailB")), b.Sub(t, b.Lit(2))), "A/t^2 + B (tail: G is within 11 % of its mean, so v's rounding barely matters) or t - 2 (mid: exact)");
        Declare(b, "Mid", mid, $"R(2 + d), d = t - 2 in [-1, 1]: Q(t) = exp(-t^2/2) R(t - 2), degree {mid.Length - 2} (constant term as Mid0 + Mid1), relative error 2^-54.5.");
        Declare(b, "Tail", tail, $"G(v), t in [3, 40]: Q(t) = exp(-t^2/2) G(v) / t, degree {tail.Length - 2} (constant term as Tail0 + Tail1), relative error 2^-57.1.");
        DoubleDouble g = CompensatedHorner(b, "g", v, isTail, "Tail", tail, "Mid", mid);
        Value rs = b.Let("rs", b.Select(isTail, r, b.Lit(1)), "the tail divides by t, the mid piece does not");
        DoubleDouble rg = DoubleDouble.TwoProduct(b, "rg", rs, g.Hi);
        Value rgl = b.Let("rgl", b.Add(rg.Lo, b.Fma(rs, g.Lo, b.Mul(b.Where(isTail, rlo), g.Hi))), "the polynomial over t (or not) = rg + rgl");
        DoubleDouble q = DoubleDouble.TwoProduct(b, "qb", u.Hi, rg.Hi);
        Value ql = b.Let("qbl", b.Add(q.Lo, b.Fma(u.Hi, rgl, b.Mul(ul, rg.Hi))), "Q 2^-k = qb + qbl");

        b.Comment("Both pieces at the scale 2^offset (a power of two: exact while normal).");
        Value isSmall = b.Let("issmall", b.LessThan(t, b.Lit(1)));
        Value scale = b.Let("qscale", b.Select(isSmall, b.C("ScaleUp"), s64));
        return new DoubleDouble(
            b.Let("qh", b.Mul(b.Select(isSmall, qSmall.Hi, q.Hi), scale)),
            b.Let("ql", b.Mul(b.Select(isSmall, qSmall.Lo, ql), scale)));
    }

    private static void Declare(FormulaBuilder b, string prefix, IReadOnlyList<double> coefficients, string doc) => NormalTailPolynomials.Declare(b, prefix, coefficients, doc);

    /// <summary>
    /// c[0] + c[1] + v (c[2] + v (c[3] + ...)) with the constant term a pair: the last step is an exact product and a
    /// fast two-sum (|v P| is well below c[0] on every piece), so the pair carries the constant to double-double
    /// precision. With a mask the coefficients are chosen per lane (<paramref name="mask"/> null: the first set).
    /// </summary>
    private static DoubleDouble CompensatedHorner(FormulaBuilder b, string name, Value v, Value? mask, string truePrefix, IReadOnlyList<double> whenTrue, string falsePrefix, IReadOnlyList<double> whenFalse)
    {
        Value Coefficient(int i) => mask is null ? b.C(truePrefix + i) : NormalTailPolynomials.Coefficient(b, mask, truePrefix, whenTrue, falsePrefix, whenFalse, i);
        int degree = System.Math.Max(whenTrue.Count, whenFalse.Count) - 1;
        Value inner = b.Let(name + "p", Coefficient(degree), mask is null ? null : "coefficients chosen per lane: one chain of FMAs for both pieces");
        for (int i = degree - 1; i >= 2; i--)
        {
            b.Assign(inner, b.Fma(inner, v, Coefficient(i)));
        }

        Value c0 = mask is null ? Coefficient(0) : b.Let(name + "c0", Coefficient(0));
        Value c1 = Coefficient(1);
        DoubleDouble vp = DoubleDouble.TwoProduct(b, name + "v", v, inner);
        Value sum = b.Let(name, b.Add(c0, vp.Hi));
        Value lo = b.Let(name + "l", b.Add(b.Add(b.Sub(c0, sum), vp.Hi), b.Add(vp.Lo, c1)), $"{name} + {name}l = the polynomial, its constant term to double-double precision");
        return new DoubleDouble(sum, lo);
    }
}
