using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// e^a in double for the widened float kernels: <c>2^k (1 + r + r^2 Q(r))</c>, Q of degree 5 from
/// <see cref="WideningCore"/>, relative error about 2^-32: far below float's 2^-24, so a float result computed from it
/// and rounded once stays within about 0.51 ULP (Softplus, all 2^32 inputs: README).
/// </summary>
internal static class WideExp
{
    private const double Log2E = 1.4426950408889634;

    /// <summary>ln2 rounded to double.</summary>
    private const double Ln2 = 0.6931471805599453;

    private const string MagicDoc = "1.5 * 2^52 + 1023: adding it rounds to an integer k and leaves k + 1023 (the biased exponent of 2^k) in the low bits.";

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

    /// <summary>
    /// e^(-s/2) for s in [0, 1400], bit for bit <see cref="Exp"/> of -s/2 without computing -s/2 (one operation fewer):
    /// the reduction runs on s, with r2 = s + 2k ln2 = -2r (k = round(-s/2 / ln2)), and the polynomial in r2 has Q's
    /// coefficients times (-1/2)^i / 4. Every change is a scaling by a power of two, which commutes with rounding, so each
    /// intermediate is exactly the scaled one of <see cref="Exp"/>.
    /// </summary>
    public static Value ExpOfMinusHalf(FormulaBuilder b, Value s)
    {
        double[] q = WideningCore.ExpRemainder;
        var scaled = new double[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            scaled[i] = q[i] * System.Math.Pow(-0.5, i) / 4;
        }

        b.Const("WideMinusHalfLog2E", -Log2E / 2, "-log2(e)/2: k = round((-s/2) / ln2) from s directly.");
        b.Const("WideTwoLn2", 2 * Ln2, "2 ln2 (ln2 rounded to double, doubled: exact).");
        b.Const("WideExpMagic", WideningCore.RoundingMagic + 1023, MagicDoc);
        b.Comment("e^(-s/2) = 2^k e^r with k = round(-s/2 / ln2), r = -s/2 - k ln2 = -r2/2, e^r = 1 + r2 (-1/2 + r2 Q(-r2/2) / 4).");
        Value n = b.Let("n", b.Fma(s, b.C("WideMinusHalfLog2E"), b.C("WideExpMagic")));
        Value k = b.Let("k", b.Sub(n, b.C("WideExpMagic")));
        Value r2 = b.Let("r2", b.Fma(k, b.C("WideTwoLn2"), s), "-2r, |r2| <= ln2");
        Value e = b.Horner("e", r2, "WideQh", scaled, $"Q(-r2/2) / 4: Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2 (degree {q.Length - 1}, relative error 2^-32) in powers of r2, coefficients times (-1/2)^i / 4 (exact).", "Q(-r2/2) / 4, then e^r");
        b.Assign(e, b.Fma(e, r2, b.Lit(-0.5)));
        b.Assign(e, b.Fma(e, r2, b.Lit(1)));
        return b.MultiplyByPowerOfTwo(e, n, k);
    }

    /// <summary>The reduction a = k ln2 + r shared by exp and expm1: n (k's biased exponent in the low bits), k, r, and Q(r).</summary>
    internal sealed record Reduction(Value N, Value K, Value R, Value Q);

    /// <summary>
    /// k = round(a / ln2) by the magic-number trick, r = a - k ln2 (one FMA), and Q(r) = (e^r - 1 - r) / r^2 by Horner's
    /// rule into a local named <c>e</c> (<paramref name="hornerComment"/> says what the caller turns it into).
    /// </summary>
    internal static Reduction Reduce(FormulaBuilder b, Value a, string hornerComment)
    {
        b.Const("WideLog2E", Log2E, "log2(e).");
        b.Const("WideLn2", Ln2, "ln2 rounded to double: k ln2 is off by at most 2^-45, far below what float needs.");
        b.Const("WideExpMagic", WideningCore.RoundingMagic + 1023, MagicDoc);
        double[] q = WideningCore.ExpRemainder;
        Value n = b.Let("n", b.Fma(a, b.C("WideLog2E"), b.C("WideExpMagic")));
        Value k = b.Let("k", b.Sub(n, b.C("WideExpMagic")));
        Value r = b.Let("r", b.Fma(k, b.NegC("WideLn2"), a));
        Value e = b.Horner("e", r, "WideQ", q, $"Q(r) = (e^r - 1 - r) / r^2 on |r| <= ln2/2, degree {q.Length - 1}, relative error 2^-32.", hornerComment);
        return new Reduction(n, k, r, e);
    }
}
