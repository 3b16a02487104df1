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
/// 3, x (x + 3) is formed exactly (two-sum, two-product) and divided by 6 with a corrected quotient (0.5 ULP plus
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
        DoubleDouble sum = DoubleDouble.TwoSum(b, "s", x, b.Lit(3));
        DoubleDouble p = DoubleDouble.TwoProduct(b, "p", x, sum.Hi);
        Value pl = b.Let("pl", b.Fma(x, sum.Lo, p.Lo), "x (x + 3) = p + pl");
        Value q0 = b.Let("q0", b.Mul(p.Hi, b.C("InvSix")));
        DoubleDouble six = DoubleDouble.TwoProduct(b, "q6", q0, b.C("Six"));
        Value rem = b.Let("rem", b.Add(b.Sub(b.Sub(p.Hi, six.Hi), six.Lo), pl), "p + pl - 6 q0, exact but for the last addition");
        Value mid = b.Let("mid", b.Fma(rem, b.C("InvSix"), q0));
        b.Comment("x itself from x + 3 >= 6 on, -0 at x + 3 <= 0; NaN lanes keep x.");
        Value y = b.Let("y", b.SelectLessThan(sum.Hi, b.C("Six"), mid, x));
        return b.KeepNaN(x, b.SelectGreaterThan(sum.Hi, b.Lit(0), y, b.Lit(-0.0)));
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
