using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// log((uh + ul) 2^n) in the element type, as a <see cref="DoubleDouble"/>, for a positive normal uh of any magnitude
/// with |ul| at most half an ULP of it and an integer n: uh = m 2^e (<see cref="ExponentSplit"/>, m in [sqrt(1/2),
/// sqrt(2)]), <see cref="CompensatedLog"/> of m + ul 2^-e (which never halves m), and (e + n) ln2 added as an exact
/// product and a two-sum. Error about 2^-100 relative to the result, also where it is near 0 (uh near 1: e = 0, and
/// log1p's second-order term in ul is kept).
/// </summary>
internal static class CompensatedLogOfPositive
{
    public static DoubleDouble Log(FormulaBuilder b, Value uh, Value ul, Value? n)
    {
        ExponentSplit.Parts p = ExponentSplit.Split(b, uh);
        b.Comment("The tail at the significand's scale: m / uh = 2^-e is exact.");
        Value ml = b.Let("ml", b.Mul(ul, b.Div(p.M, uh)));
        b.Comment("log(m + ml) = log(m) + ml/m - (ml/m)^2/2: CompensatedLog has the first-order term; the second counts where log(m) is tiny.");
        Value mlc = b.Let("mlc", b.Fma(b.Mul(b.Lit(-0.5), ml), ml, ml));
        CompensatedLog.Parts log = CompensatedLog.OfOnePlusSmall(b, p.M, mlc);
        Value e = n is null ? p.E : b.Let("en", b.Add(p.E, n), "exact");
        b.Comment("(e + n) ln2 + lh + ll: e Ln2Hi exactly as a pair, joined to lh with a two-sum, the small terms last.");
        DoubleDouble eh = DoubleDouble.TwoProduct(b, "eln2", e, b.C("Ln2Hi"));
        DoubleDouble sum = DoubleDouble.TwoSum(b, "logs", eh.Hi, log.Lh);
        Value tail = b.Let("logt", b.Add(sum.Lo, b.Add(eh.Lo, b.Fma(e, b.C("Ln2Lo"), log.Ll))));
        return new DoubleDouble(sum.Hi, tail);
    }
}
