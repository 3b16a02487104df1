using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Tanh;

/// <summary>
/// The hyperbolic tangent, PyTorch's <c>torch.tanh</c>: <c>sign(x) (-E / (2 + E))</c> with <c>E = expm1(-2|x|)</c>, so
/// tiny arguments keep their precision and large ones give ±1. Float: in double, rounded once; double: compensated
/// (<see cref="CompensatedTanh"/>). Scalar twin: <c>FusedMath.Tanh</c>.
/// </summary>
internal sealed class TanhActivation : ParameterlessActivation
{
    public static readonly TanhActivation Instance = new();

    public override string Name => "Tanh";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>tanh(x)</c>";

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec) => b.KeepNaN(x, CompensatedTanh.Tanh(b, x));

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec) => WideFunctions.Tanh(b, w);

    public override bool HasFast(ActivationSpec spec, ElementInfo element) => true;

    /// <summary>Fast: <c>sign(x) (-E / (2 + E))</c> with <c>E = expm1(-2|x|)</c> of <see cref="FastExp"/>, in the element type; -2|x| raised to <see cref="FastLimits.ExpM1Floor"/>, where tanh rounds to 1.</summary>
    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("|tanh x| = -E / (2 + E), E = expm1(-2|x|): no cancellation near 0.");
        double floor = FastLimits.For(b.Element.Type).ExpM1Floor;
        Value a = b.Let("a", b.Max(b.Mul(b.Lit(2), b.NegativeAbs(x)), b.Lit(floor)), $"-2|x|, exact; below {floor}, tanh rounds to 1");
        Value em = FastExp.ExpM1(b, a).ExpM1;
        return b.KeepNaN(x, b.CopySign(b.Div(em, b.Sub(b.Lit(-2), em)), x));
    }

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);

    /// <summary>
    /// tanh'(x) = 1 - tanh(x)^2, computed as 4 sigmoid(2x) sigmoid(-2x) (the same value): PyTorch's tanh_backward
    /// computes <c>grad * (1 - y * y)</c> from the result y, which cancels for large |x| (nothing is left once y rounds
    /// to ±1, about |x| &gt; 9 in float). 2x and 4 s are exact, so this rounds the product once after the sigmoids.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element)
    {
        FormulaNode twoX = Mul(Lit(2), x);
        return Mul(Mul(Lit(4), SigmoidOf(twoX)), SigmoidOf(Neg(twoX)));
    }
}
