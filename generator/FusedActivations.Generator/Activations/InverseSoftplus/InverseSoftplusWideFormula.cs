using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.InverseSoftplus;

/// <summary>
/// The inverse of Softplus for float kernels, on every path: each float y is widened to double, where z = beta y is
/// exact and normal (beta and y are floats, beta within [1e-30, 1e30]), and <c>log(expm1(z)) / beta</c> is computed in
/// one of three stable forms chosen lane by lane after all are evaluated with one expm1 and one log
/// (<see cref="WideFunctions.ExpM1"/>, <see cref="WideLog"/>: no table):
/// <list type="bullet">
/// <item><description>z &lt; 0.35: <c>log(expm1(z))</c>; expm1 keeps tiny z's relative accuracy, so z down to 2^-249 needs no special case.</description></item>
/// <item><description>z in [0.35, 1.38]: <c>log1p(2 expm1(z - ln2))</c>, with z - ln2 exact up to ln2's own 2^-107: around the zero at z = ln2 nothing cancels.</description></item>
/// <item><description>z &gt; 1.38: <c>z + log(-expm1(-z))</c>, taken as <c>y + log(...) / beta</c> (no overflow).</description></item>
/// </list>
/// Every intermediate error is about 2^-30 relative or below, so the float result, rounded once, is within about 0.51 ULP.
/// </summary>
internal static class InverseSoftplusWideFormula
{
    /// <summary>Below this z the first form applies (as in <c>FusedMath.InverseSoftplus</c>).</summary>
    internal const double SmallLimit = 0.35;

    /// <summary>Above this z the third form applies; z - ln2 is exact (Sterbenz) between the two limits.</summary>
    internal const double LargeLimit = 1.38;

    /// <summary>The unrounded double result for the widened input <paramref name="w"/>.</summary>
    public static Value Forward(FormulaBuilder b, Value w)
    {
        b.Const("WideRootLn2Hi", 0.6931471805599453, "ln2 rounded to double: z - WideRootLn2Hi is exact for z in [0.35, 1.38].");
        b.Const("WideRootLn2Lo", 2.319046813846299558e-17, "ln2 - WideRootLn2Hi: with it, z - ln2 is off by at most 2^-107 absolute.");
        b.Const("WideExpFloor60", -60, "-expm1(-z) rounds to 1 beyond z = 60 (the result is y there): the argument is raised to -60.");

        b.Comment("In double: inverse_softplus(y) = log(expm1(z)) / beta, z = beta y exact.");
        Value z = b.Let("z", b.Mul(b.C("WideBeta"), w), "exact: a product of two floats");
        Value d = b.Let("d", b.Sub(b.Sub(z, b.C("WideRootLn2Hi")), b.C("WideRootLn2Lo")), "z - ln2: the first difference is exact in the middle form's range");
        Value large = b.Let("large", b.GreaterThan(z, b.Lit(LargeLimit)));
        b.Comment($"One expm1 for every form: of z (z < {SmallLimit}), of -z (z > {LargeLimit}), of z - ln2 between.");
        Value a = b.Let("a", b.SelectLessThan(z, b.Lit(SmallLimit), z, b.Select(large, b.Max(b.Neg(z), b.C("WideExpFloor60")), d)));
        Value em = b.Let("em", WideFunctions.ExpM1(b, a));
        b.Comment("Middle form: log1p(w2) with w2 = 2 expm1(z - ln2) = expm1(z) - 1, as log(fl(1 + w2)) plus the rounding error of 1 + w2.");
        Value w2 = b.Let("w2", b.Add(em, em));
        Value u1 = b.Let("u1", b.Add(b.Lit(1), w2));
        Value c1 = b.Let("c1", b.Sub(w2, b.Sub(u1, b.Lit(1))), "exact; divided by u1 it would differ by 2^-53 relative to the result only");
        Value u = b.Let("u", b.SelectLessThan(z, b.Lit(SmallLimit), em, b.Select(large, b.Neg(em), u1)), "expm1(z), -expm1(-z) or 1 + w2: positive and normal");
        Value c = b.Let("c", b.SelectLessThan(z, b.Lit(SmallLimit), b.Lit(0), b.Select(large, b.Lit(0), c1)));
        Value log = b.Let("log", WideLog.Log(b, u, c));
        Value r = b.Let("r", b.Fma(b.C("WideInvBeta"), log, b.Where(large, w)), "large z: y + log(-expm1(-z)) / beta");
        b.Comment("y = +infinity gives +infinity, y = ±0 gives -infinity, y < 0 gives NaN (NaN inputs are restored after rounding).");
        return b.SelectGreaterThan(w, b.Lit(0), b.SelectLessThan(w, b.Lit(double.PositiveInfinity), r, w), b.SelectLessThan(w, b.Lit(0), b.Lit(double.NaN), b.Lit(double.NegativeInfinity)));
    }
}
