using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log(1 + t) in the element type for the Fast kernels, t in [2^-12, 1]: u = fl(1 + t) with its rounding error c kept
/// (exact), u halved above sqrt(2) so that <c>log(u) = e ln2 + log1p(f)</c> with f in [sqrt(1/2) - 1, sqrt(2) - 1] exact,
/// <c>log1p(f) = f - f^2/2 + f^3 R(f)</c> (R of <see cref="ExpLogCoefficients"/>), and c/u added to first order. No
/// compensation beyond that: about 1 ULP.
/// </summary>
internal static class FastLog1P
{
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
