using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.Softplus;

/// <summary>
/// Softplus for float kernels, on every path: each float is widened to double, <c>max(x, 0) + log1p(e^a) / beta</c>
/// with <c>a = -beta|x|</c> is computed there (<see cref="WideExp"/>, <see cref="WideLog1P"/>: a table where a lookup
/// is one instruction, a division elsewhere), and the result is rounded to float once. 1 + t is never formed, which
/// loses nothing for tiny t. No compensated arithmetic is needed: every intermediate error is below 2^-29 relative, so the
/// result is within about 0.51 ULP (measured on all 2^32 inputs; README). Double has the exponent range to keep e^a
/// normal down to results that round to 0 in float, so there is no separate tiny-result branch either.
/// </summary>
internal static class SoftplusWideFormula
{
    /// <summary>a = -beta|x| is raised to this: e^-150 &lt; 2^-216, and beta &gt;= 1e-10.</summary>
    private const double ExpFloor = -150;

    /// <summary>The unrounded double result for the widened input <paramref name="x"/> (the threshold rule comes after rounding).</summary>
    public static Value Forward(FormulaBuilder b, Value x)
    {
        b.Comment("In double: softplus(x) = max(x, 0) + log1p(e^a) / beta with a = -beta|x|, every error far below float's.");
        b.Const("WideExpFloor", ExpFloor, $"a is raised to {ExpFloor}: e^{ExpFloor} / beta rounds to 0 in float for every beta the generator accepts, and 2^k stays a normal double.");
        Value xp = b.Let("xp", b.Max(x, b.Lit(0)), "the linear part (NaN lanes are fixed after rounding)");
        Value z = b.Let("z", b.Mul(b.C("WideBeta"), x), "exact enough: one rounding in double");
        Value a = b.Let("a", b.Max(b.NegativeAbs(z), b.C("WideExpFloor")), "beyond the floor e^a no longer matters");
        Value t = b.Let("t", WideExp.Exp(b, a), "e^a in (0, 1]: exact scaling, never subnormal");
        Value log1p = WideLog1P.Of(b, t);
        return b.Fma(b.C("WideInvBeta"), log1p, xp);
    }
}
