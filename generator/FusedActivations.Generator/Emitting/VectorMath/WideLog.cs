using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log(u) in double for any positive normal u, for the widened float kernels on every path (no table, unlike
/// <see cref="WideLog1P"/>): u = m 2^e by bit operations (<see cref="ExponentSplit"/>), then
/// <c>log(u) = e ln2 + log1p(f)</c>, f = m - 1 exact, with <c>log1p(f) = 2 atanh(s)</c>, s = f / (2 + f), |s| &lt;= 0.172,
/// summed as a Taylor series to s^17. Relative error about 2^-50, and about 2^-52 relative to log1p(f) where e = 0, so
/// a result near 0 (u near 1) keeps its relative accuracy.
/// </summary>
internal static class WideLog
{
    /// <summary>The coefficients 2/3, 2/5, ..., 2/17 of 2 atanh(s) = 2s + s^3 P(s^2): all of them, truncation error 2^-50 relative.</summary>
    private static readonly double[] AtanhRemainder = { 2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13, 2.0 / 15, 2.0 / 17 };

    /// <summary>
    /// log(u) + c for a positive normal u and a small correction c (the rounding error of u divided by u, or null):
    /// c joins last, so that log(1 + v) = log(fl(1 + v)) + (v - (fl(1 + v) - 1)) keeps tiny v's bits.
    /// </summary>
    public static Value Log(FormulaBuilder b, Value u, Value? c)
    {
        b.Const("WideLogLn2", 0.6931471805599453, "ln2 rounded to double: e ln2 is off by at most 2^-43 relative, far below what float needs.");
        ExponentSplit.Parts p = ExponentSplit.Split(b, u);
        b.Comment("log(u) = e ln2 + log1p(f), f = m - 1 exact; log1p(f) = 2 atanh(s) = 2s + s^3 P(s^2), s = f / (2 + f).");
        Value f = b.Let("f", b.Sub(p.M, b.Lit(1)), "exact (Sterbenz)");
        Value lp = Log1PAsAtanh(b, f, AtanhRemainder.Length, "the Taylor series to s^17, truncation error 2^-50 relative");
        return b.Fma(p.E, b.C("WideLogLn2"), c is null ? lp : b.Add(lp, c));
    }

    /// <summary>
    /// log1p(f) = 2 atanh(s) = 2s + s^3 P(s^2), s = f / (2 + f), for |f| &lt;= sqrt2 - 1 (|s| &lt;= 0.172), with the first
    /// <paramref name="terms"/> coefficients of P (<paramref name="accuracy"/> says what that truncation costs).
    /// </summary>
    public static Value Log1PAsAtanh(FormulaBuilder b, Value f, int terms, string accuracy)
    {
        Value s = b.Let("s", b.Div(f, b.Add(b.Lit(2), f)), "|s| <= 0.172");
        Value s2 = b.Let("s2", b.Mul(s, s));
        double[] coefficients = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Take(AtanhRemainder, terms));
        Value ps = b.Horner("ps", s2, "WideAtanh", coefficients, "P(s^2) = (2 atanh(s) - 2s) / s^3 = 2/3 + 2/5 s^2 + 2/7 s^4 + ...: its Taylor coefficients.", accuracy);
        return b.Let("lp", b.Fma(b.Mul(s, s2), ps, b.Add(s, s)), "log1p(f)");
    }
}
