using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;

namespace FusedActivations.Generator.Activations.InverseSoftplus;

/// <summary>
/// The inverse of Softplus in the element type (double kernels), written once for every path with compensated
/// arithmetic, the regimes of <c>FusedMath.InverseSoftplus</c> chosen lane by lane after one expm1 and one log that
/// serve them all. With z + zl = beta y exactly:
/// <list type="bullet">
/// <item><description>z &lt; 2^-30: <c>log(z) + z/2</c>, with log(z) = log(mb y') + n ln2 from beta's significand mb and
/// exponent (folded) and y scaled up where it is tiny, so a subnormal y or an underflowing beta y loses nothing.</description></item>
/// <item><description>z &lt; 0.35: <c>log(expm1(z + zl))</c>.</description></item>
/// <item><description>z in [0.35, 1.38]: <c>log1p(2 expm1(d))</c> with d = z + zl - ln2 from ln2 in three parts; within
/// 2^-40 of the zero, <c>2d - d^2</c> (the series, exact to 2^-80 relative there).</description></item>
/// <item><description>z &gt; 1.38: <c>y + log(-expm1(-z - zl)) / beta</c>.</description></item>
/// </list>
/// expm1 is a pair (<see cref="PreciseExpM1"/>), the log of a pair is a pair (<see cref="CompensatedLogOfPositive"/>),
/// the division by beta multiplies by 1/beta as a pair, and y joins with a two-sum: the result rounds essentially once.
/// </summary>
internal static class InverseSoftplusFormula
{
    /// <summary>Below this z the result is log(z) + z/2 to 2^-64 relative (the next term is z^2/24).</summary>
    private const double TinyLimit = 1.0 / 1073741824.0;

    /// <summary>ln2 = Ln2A + Ln2B + Ln2C to about 2^-160: near the zero the result is about 2(z - ln2).</summary>
    private const double Ln2A = 6.931471805599452862e-01;
    private const double Ln2B = 2.319046813846299558e-17;
    private const double Ln2C = 5.707708438416212066e-34;

    /// <summary>The result for <paramref name="y"/>, reading the folded Beta, InvBetaHi, InvBetaLo, YClamp, BetaSignificand and BetaExponent.</summary>
    public static Value Forward(FormulaBuilder b, Value y)
    {
        double small = InverseSoftplusWideFormula.SmallLimit;
        double large = InverseSoftplusWideFormula.LargeLimit;
        b.Const("RootLn2A", Ln2A, "ln2 = RootLn2A + RootLn2B + RootLn2C to 2^-160: z - RootLn2A is exact for z in [0.35, 1.38].");
        b.Const("RootLn2B", Ln2B, "The second part of ln2.");
        b.Const("RootLn2C", Ln2C, "The third part of ln2.");

        b.Comment("z + zl = beta y exactly; y is lowered to YClamp first (beyond it the result is y), so nothing overflows.");
        Value yc = b.Let("yc", b.Min(y, b.C("YClamp")));
        Value z = b.Let("z", b.Mul(b.C("Beta"), yc));
        Value zl = b.Let("zl", b.ProductError(b.C("Beta"), yc, z), "beta yc = z + zl exactly");
        Value isLarge = b.Let("isLarge", b.GreaterThan(z, b.Lit(large)));
        Value isSmall = b.Let("isSmall", b.LessThan(z, b.Lit(small)));
        Value isTiny = b.Let("isTiny", b.LessThan(z, b.Lit(TinyLimit)));

        b.Comment("Middle form: d + dl = z + zl - ln2, renormalized (dh is 0 where z = RootLn2A).");
        Value dh = b.Let("dh", b.Sub(z, b.C("RootLn2A")), "exact (Sterbenz) in the middle form's range");
        Value dt = b.Let("dt", b.Sub(b.Sub(zl, b.C("RootLn2B")), b.C("RootLn2C")));
        DoubleDouble d = DoubleDouble.TwoSum(b, "d", dh, dt);

        b.Comment($"One expm1 for every form: of z (z < {small}), of -z (z > {large}), of d between.");
        Value a = b.Let("a", b.Select(isSmall, z, b.Select(isLarge, b.Neg(z), d.Hi)));
        Value al = b.Let("al", b.Select(isSmall, zl, b.Select(isLarge, b.Neg(zl), d.Lo)));
        DoubleDouble em = PreciseExpM1.ExpM1(b, a, al);

        b.Comment("Middle form: 1 + 2 expm1(d) as a pair.");
        DoubleDouble v = DoubleDouble.TwoSum(b, "v", b.Lit(1), b.Add(em.Hi, em.Hi));
        Value vl = b.Let("vl", b.Fma(b.Lit(2), em.Lo, v.Lo));

        b.Comment("Tiny form: beta y = (mb ys + its error) 2^n, ys = y scaled by 2^200 where it is below 2^-900 (subnormal y).");
        Value scaled = b.Let("scaled", b.LessThan(y, b.Lit(System.Math.Pow(2, -900))));
        Value ys = b.Let("ys", b.Select(scaled, b.Mul(y, b.Lit(System.Math.Pow(2, 200))), y));
        DoubleDouble mp = DoubleDouble.TwoProduct(b, "mp", b.C("BetaSignificand"), ys);
        Value n = b.Let("n", b.Where(isTiny, b.Add(b.C("BetaExponent"), b.Where(scaled, b.Lit(-200)))), "the power of two left out, exact");

        b.Comment("The log's argument for each form: positive and normal.");
        Value ph = b.Let("ph", b.Select(isTiny, mp.Hi, b.Select(isSmall, em.Hi, b.Select(isLarge, b.Neg(em.Hi), v.Hi))));
        Value pl = b.Let("pl", b.Select(isTiny, mp.Lo, b.Select(isSmall, em.Lo, b.Select(isLarge, b.Neg(em.Lo), vl))));
        DoubleDouble log = CompensatedLogOfPositive.Log(b, ph, pl, n);

        b.Comment("Within 2^-40 of the zero: log1p(2 expm1(d)) = 2d - d^2 + d^3 - ..., where expm1's absolute error would count.");
        Value awayFromRoot = b.Let("awayFromRoot", b.LessThan(b.NegativeAbs(d.Hi), b.Lit(-System.Math.Pow(2, -40))));
        Value lh = b.Let("lh", b.Select(awayFromRoot, log.Hi, b.Add(d.Hi, d.Hi)));
        Value ll = b.Let("ll", b.Select(awayFromRoot, log.Lo, b.Fma(b.Neg(d.Hi), d.Hi, b.Add(d.Lo, d.Lo))));
        b.Assign(ll, b.Add(ll, b.Where(isTiny, b.Mul(b.Lit(0.5), z))));

        b.Comment("(lh + ll) / beta as (lh + ll)(InvBetaHi + InvBetaLo), then y joins (large form) with a two-sum.");
        Value q = b.Let("q", b.Mul(b.C("InvBetaHi"), lh));
        Value ql = b.Let("ql", b.Fma(b.C("InvBetaHi"), ll, b.Fma(b.C("InvBetaLo"), lh, b.ProductError(b.C("InvBetaHi"), lh, q))));
        DoubleDouble sum = DoubleDouble.TwoSum(b, "rs", b.Where(isLarge, y), q);
        Value r = b.Let("r", b.Add(sum.Hi, b.Add(sum.Lo, ql)));
        b.Comment("y = +infinity gives +infinity, y = ±0 gives -infinity, y < 0 and NaN give NaN.");
        Value special = b.SelectLessThan(y, b.Lit(0), b.Lit(double.NaN), b.Lit(double.NegativeInfinity));
        return b.KeepNaN(y, b.SelectGreaterThan(y, b.Lit(0), b.SelectLessThan(y, b.Lit(double.PositiveInfinity), r, y), special));
    }
}
