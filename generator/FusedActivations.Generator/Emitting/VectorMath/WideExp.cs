using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// e^a in double for the widened float kernels: <c>2^k (1 + r + r^2 Q(r))</c>, Q of degree 5 from
/// <see cref="WideningCore"/>, relative error about 2^-32: far below float's 2^-24, so a float result computed from it
/// and rounded once stays within about 0.51 ULP (Softplus, all 2^32 inputs: README).
/// </summary>
internal static class WideExp
{
    /// <summary>e^a for a in [-1000, 709] (the result is never subnormal above -708).</summary>
    public static Value Exp(FormulaBuilder b, Value a)
    {
        b.Comment("e^a = 2^k e^r with k = round(a / ln2), |r| <= ln2/2, e^r = 1 + r + r^2 Q(r).");
        Reduction x = Reduce(b, a, "Q(r), then 1 + r + r^2 Q(r)");
        Value e = x.Q;
        b.Assign(e, b.Fma(e, x.R, b.Lit(1)));
        b.Assign(e, b.Fma(e, x.R, b.Lit(1)));
        return b.MultiplyByPowerOfTwo(e, x.N, x.K);
    }

    /// <summary>The reduction a = k ln2 + r shared by exp and expm1: n (k's biased exponent in the low bits), k, r, and Q(r).</summary>
    internal sealed record Reduction(Value N, Value K, Value R, Value Q);

    /// <summary>
    /// k = round(a / ln2) by the magic-number trick, r = a - k ln2 (one FMA), and Q(r) = (e^r - 1 - r) / r^2 by Horner's
    /// rule into a local named <c>e</c> (<paramref name="hornerComment"/> says what the caller turns it into).
    /// </summary>
    internal static Reduction Reduce(FormulaBuilder b, Value a, string hornerComment)
    {
        b.Const("WideLog2E", 1.4426950408889634, "log2(e).");
        b.Const("WideLn2", 0.6931471805599453, "ln2 rounded to double: k ln2 is off by at most 2^-45, far below what float needs.");
        b.Const("WideExpMagic", WideningCore.RoundingMagic + 1023, "1.5 * 2^52 + 1023: adding it rounds to an integer k and leaves k + 1023 (the biased exponent of 2^k) in the low bits.");
        double[] q = WideningCore.ExpRemainder;
        Value n = b.Let("n", b.Fma(a, b.C("WideLog2E"), b.C("WideExpMagic")));
        Value k = b.Let("k", b.Sub(n, b.C("WideExpMagic")));
        Value r = b.Let("r", b.Fma(k, b.NegC("WideLn2"), a));
        Value e = b.Horner("e", r, "WideQ", q, $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}, relative error 2^-32.", hornerComment);
        return new Reduction(n, k, r, e);
    }
}
