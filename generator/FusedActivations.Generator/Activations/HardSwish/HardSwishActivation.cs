using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.HardSwish;

/// <summary>
/// HardSwish, PyTorch's <c>F.hardswish</c>: <c>x * min(max(x + 3, 0), 6) / 6</c>, here rounded once: between -3 and
/// 3, x (x + 3) is formed exactly (a fast two-sum, as |x| &lt; 3 there, and a two-product) and divided by 6 with a corrected quotient (0.5 ULP plus
/// 2^-40; PyTorch rounds three times). x itself from 3 on; -0 at or below -3 (PyTorch's x * 0 / 6 there, also for
/// -infinity, where PyTorch's formula gives NaN). Scalar twin: <c>FusedMath.HardSwish</c>.
/// </summary>
internal sealed class HardSwishActivation : ParameterlessActivation
{
    public static readonly HardSwishActivation Instance = new();

    public override string Name => "HardSwish";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>x * min(max(x + 3, 0), 6) / 6</c>, rounded once";

    public override bool Widens(IsaDialect isa, ElementInfo element) => false;

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("Between -3 and 3: x (x + 3) / 6 with x (x + 3) exact and one rounding of the quotient.");
        b.Const("Six", 6, null);
        b.Const("InvSix", 1.0 / 6, "1/6 rounded: the quotient's first guess, corrected against the exact remainder.");
        // Only -3 < x < 3 reads the sum's error, and there |x| < 3: the three-operation two-sum is exact.
        DoubleDouble sum = DoubleDouble.FastTwoSum(b, "s", b.Lit(3), x);
        DoubleDouble p = DoubleDouble.TwoProduct(b, "p", x, sum.Hi);
        Value pl = b.Let("pl", b.Fma(x, sum.Lo, p.Lo), "x (x + 3) = p + pl");
        Value q0 = b.Let("q0", b.Mul(p.Hi, b.C("InvSix")));
        Value rem = b.Let("rem", Remainder(b, p.Hi, q0, pl), "p + pl - 6 q0, exact but for the last addition");
        Value mid = b.Let("mid", b.Fma(rem, b.C("InvSix"), q0));
        b.Comment("-0 at x + 3 <= 0, x itself from x + 3 >= 6 on; NaN lanes fail both tests and keep x.");
        Value y = b.Let("y", b.SelectGreaterThan(sum.Hi, b.Lit(0), mid, b.Lit(-0.0)));
        return b.SelectLessThan(sum.Hi, b.C("Six"), y, x);
    }

    /// <summary>
    /// p - 6 q0 + pl: with an FMA, p - 6 q0 is one exact operation (q0 is within an ULP of p/6, so the remainder is a
    /// float); without, 6 q0 is split exactly (Dekker) first.
    /// </summary>
    private static Value Remainder(FormulaBuilder b, Value p, Value q0, Value pl)
    {
        if (b.Isa.HasFma)
        {
            return b.Add(b.Fma(q0, b.NegC("Six"), p), pl);
        }

        DoubleDouble six = DoubleDouble.TwoProduct(b, "q6", q0, b.C("Six"));
        return b.Add(b.Sub(b.Sub(p, six.Hi), six.Lo), pl);
    }

    /// <summary>
    /// hardswish'(x) = x &lt; -3 ? 0 : x &lt;= 3 ? x/3 + 1/2 : 1, PyTorch's hardswish_backward (its thresholds: -0.5 at
    /// x = -3, 1.5 at x = 3; 1 for NaN). The middle piece is written (2x + 3) / 6, the same value: 2x is exact, so is
    /// 2x + 3 on [-3, -0.75] (Sterbenz), so it rounds once near its zero at -1.5, where PyTorch's x/3 + 0.5 rounds
    /// twice and loses the result's relative precision.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) =>
        If(LessThan(x, Lit(-3)), Lit(0), If(LessOrEqual(x, Lit(3)), Div(Add(Mul(Lit(2), x), Lit(3)), Lit(6)), Lit(1)));
}
