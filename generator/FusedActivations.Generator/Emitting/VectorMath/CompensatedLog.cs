using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log(uh + ul) in the element type for uh in [1, 2] and |ul| tiny, kept unevaluated as <c>lh + ll</c>: u is halved
/// above sqrt(2) so that <c>log(u) = e ln2 + log1p(f + d)</c> with f in [sqrt(1/2) - 1, sqrt(2) - 1] exact, and f^2/2
/// is split exactly, so the error of lh + ll is below 2^-45 (float) or 2^-95 (double) relative (Softplus: README).
/// </summary>
internal static class CompensatedLog
{
    /// <summary>log(uh + ul) = lh + ll.</summary>
    internal sealed record Parts(Value Lh, Value Ll);

    public static Parts OfOnePlusSmall(FormulaBuilder b, Value uh, Value ul)
    {
        ExpReduction e = ExpReduction.For(b.Element.Type);
        double[] r = ExpLogCoefficients.LogRemainder(b.Element.Type);
        b.Const("Ln2Hi", e.Ln2Hi, "ln2 rounded: fma(k, -Ln2Hi, a) is exact.");
        b.Const("Ln2Lo", e.Ln2Lo, "ln2 - Ln2Hi.");
        b.Const("Sqrt2", e.Sqrt2, "sqrt(2): 1 + t above it is halved so that log1p's argument stays in [sqrt(1/2) - 1, sqrt(2) - 1].");

        Value upper = b.Let("upper", b.GreaterThan(uh, b.C("Sqrt2")), "lanes where u is halved: log(u) = ln2 + log1p(u/2 - 1)");
        Value sc = b.Let("sc", b.Select(upper, b.Lit(0.5), b.Lit(1)));
        Value f = b.Let("f", b.Sub(b.Mul(uh, sc), b.Lit(1)), "exact");
        Value d = b.Let("d", b.Mul(ul, sc));
        Value eh = b.Let("eh", b.Where(upper, b.C("Ln2Hi")));
        Value el = b.Let("el", b.Where(upper, b.C("Ln2Lo")));
        Value hh = b.Let("hh", b.Add(eh, f));
        Value hl = b.Let("hl", b.Add(b.Sub(eh, hh), f), "eh + f = hh + hl exactly");
        Value g = b.Let("g", b.Mul(b.Lit(0.5), f));
        Value sqh = b.Let("sqh", b.Mul(g, f));
        Value sql = b.Let("sql", b.ProductError(g, f, sqh), "f^2/2 = sqh + sql exactly");
        Value rv = b.Horner("r", f, "R", r, $"R(f) = (log1p(f) - f + f^2/2) / f^3 on [sqrt(1/2) - 1, sqrt(2) - 1], degree {r.Length - 1}.", "log1p(f) = f - f^2/2 + f^3 R(f)");
        Value f2 = b.Let("f2", b.Mul(f, f));
        Value poly = b.Let("poly", b.Fma(b.Mul(f2, f), rv, b.Mul(d, b.Fma(f, f, b.Sub(b.Lit(1), f)))), "f^3 R(f) + d/(1 + f)");
        Value tail = b.Let("tail", b.Add(b.Sub(b.Add(hl, el), sql), poly));
        Value lh = b.Let("lh", b.Sub(hh, sqh));
        Value ll = b.Let("ll", b.Add(b.Sub(b.Sub(hh, lh), sqh), tail), "log(1 + t) = lh + ll");
        return new Parts(lh, ll);
    }
}
