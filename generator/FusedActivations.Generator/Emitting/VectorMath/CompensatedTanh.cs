using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// tanh(x) in the element type (double kernels): with a = -2|x| and E = expm1(a) from <see cref="CompensatedExpM1"/>,
/// <c>|tanh x| = -E / (2 + E)</c> as a quotient of double-doubles, then x's sign. No cancellation anywhere: about
/// 0.5 ULP plus 2^-50.
/// </summary>
internal static class CompensatedTanh
{
    public static Value Tanh(FormulaBuilder b, Value x)
    {
        b.Comment("|tanh x| = -E / (2 + E), E = expm1(-2|x|); beyond |x| = 30 the result is 1.");
        Value a = b.Let("a", b.Max(b.Mul(b.Lit(2), b.NegativeAbs(x)), b.Lit(-60)), "a = -2|x|, exact");
        DoubleDouble em = CompensatedExpM1.ExpM1(b, a);
        DoubleDouble d = DoubleDouble.FastTwoSum(b, "d", b.Lit(2), em.Hi);
        var denominator = new DoubleDouble(d.Hi, b.Let("dl", b.Add(d.Lo, em.Lo), "2 + E = d + dl"));
        var numerator = new DoubleDouble(b.Neg(em.Hi), b.Neg(em.Lo));
        return b.CopySign(DoubleDouble.Divide(b, "q", numerator, denominator).Round(b), x);
    }
}
