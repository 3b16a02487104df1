using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The upper normal tail <c>Q(t) = erfc(t / sqrt 2) / 2</c> in double for the widened float kernels, t in [0, 16]
/// (the pieces and "Fast" coefficients of <see cref="NormalTailCoefficients"/>, as the runtime's <c>NormalTailFast</c>):
/// relative error about 2^-40 (the fits' 2^-41.6, <see cref="WideExp"/>'s 2^-32 on the mid and tail pieces, and the
/// rounding of t^2, at most 2^-46 relative in exp(-t^2/2) for t &lt;= 16), far below float's 2^-24, so a float result
/// computed from it and rounded once stays within about 0.5 ULP. Every lane computes the small piece and one
/// polynomial whose coefficients are the mid or the tail piece's, and selects.
/// </summary>
internal static class WideNormalTail
{
    /// <summary>Q(t) for t in [0, 16] (the caller clamps t; Q(16) is below 2^-186).</summary>
    public static Value Q(FormulaBuilder b, Value t)
    {
        t = t as LocalValue ?? b.Let("t", t);
        double[] small = NormalTailCoefficients.SmallFast;
        double[] mid = NormalTailCoefficients.MidFast;
        double[] tail = NormalTailCoefficients.TailFast;
        b.Const("WideTailA", NormalTailCoefficients.TailFastA, "The tail's map v = A/t^2 + B: 1/t^2 in [1/256, 1/9] to v in [-1, 1].");
        b.Const("WideTailB", NormalTailCoefficients.TailFastB, "See WideTailA.");
        b.Comment("Q(t) = erfc(t / sqrt 2) / 2 = 1/2 - t E(t^2) for t <= 1, exp(-t^2/2) R(t - 2) for t <= 3, exp(-t^2/2) G(A/t^2 + B) / t beyond.");
        Value s = b.Let("s", b.Mul(t, t), "t^2: its rounding moves exp(-t^2/2) by at most 2^-46 relative (t <= 16)");
        Value e = b.Horner("qe", s, "WideSmall", small, $"E(s), s = t^2 in [0, 1]: Q(t) = 1/2 - t E(t^2), degree {small.Length - 1}, relative error 2^-42.5.");
        Value qSmall = b.Let("qsmall", b.Fma(b.Neg(t), e, b.Lit(0.5)), "t <= 1: t E <= 0.342, no cancellation");
        Value isTail = b.Let("istail", b.GreaterThan(t, b.Lit(3)));
        Value r = b.Let("rt", b.Div(b.Lit(1), t), "1/t (infinite at t = 0, where the small piece is taken)");
        Value v = b.Let("v", b.Select(isTail, b.Fma(b.Mul(r, r), b.C("WideTailA"), b.C("WideTailB")), b.Sub(t, b.Lit(2))), "the polynomial's argument: A/t^2 + B (tail) or t - 2 (mid)");
        NormalTailPolynomials.Declare(b, "WideMid", mid, $"R(2 + d), d = t - 2 in [-1, 1]: Q(t) = exp(-t^2/2) R(t - 2), degree {mid.Length - 1}, relative error 2^-43.4.");
        NormalTailPolynomials.Declare(b, "WideTail", tail, $"G(v), t in [3, 16]: Q(t) = exp(-t^2/2) G(v) / t, degree {tail.Length - 1}, relative error 2^-41.6.");
        Value g = NormalTailPolynomials.SelectedHorner(b, "g", v, isTail, "WideTail", tail, "WideMid", mid, 0, "G(v) on the tail, R(t - 2) on the mid piece: one chain, coefficients chosen per lane");
        Value ex = b.Let("ex", WideExp.Exp(b, b.Let("ea", b.Mul(b.Lit(-0.5), s), "-t^2/2")), "exp(-t^2/2)");
        Value qBig = b.Mul(ex, b.Select(isTail, b.Mul(r, g), g));
        return b.SelectGreaterThan(t, b.Lit(1), qBig, qSmall);
    }
}
