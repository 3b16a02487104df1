using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Sigmoid;

/// <summary>
/// The logistic sigmoid, PyTorch's <c>torch.sigmoid</c>: <c>1 / (1 + e^-x)</c>, taken as <c>(x &lt; 0 ? t : 1) / (1 + t)</c>
/// with <c>t = e^-|x|</c> so nothing overflows, down to subnormal results. Float: in double, rounded once; double:
/// a quotient of double-doubles scaled so that subnormal results round once (<see cref="CompensatedSigmoid"/>).
/// Scalar twin: <c>FusedMath.Sigmoid</c>.
/// </summary>
internal sealed class SigmoidActivation : ParameterlessActivation
{
    public static readonly SigmoidActivation Instance = new();

    public override string Name => "Sigmoid";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>1 / (1 + exp(-x))</c>";

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        DoubleDouble q = CompensatedSigmoid.Scaled(b, x, null);
        b.Comment("Rounded at scale 2^offset, then scaled down: a subnormal result rounds once more, by less than its own ULP's worth.");
        return b.KeepNaN(x, b.Mul(b.Let("y", q.Round(b)), b.C("ScaleDown")));
    }

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec) => WideFunctions.Sigmoid(b, w);

    public override bool HasFast(ActivationSpec spec, ElementInfo element) => true;

    /// <summary>Fast: <c>(num / den) sc</c> of <see cref="FastSigmoid"/>, in the element type (about 2 ULP).</summary>
    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        FastSigmoid.Parts s = FastSigmoid.Of(b, x, null);
        return b.KeepNaN(x, b.Mul(b.Div(s.Num, s.Den), s.Sc));
    }

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);

    /// <summary>
    /// sigmoid'(x) = sigmoid(x) sigmoid(-x). PyTorch's sigmoid_backward computes <c>grad * (1 - y) * y</c> from the
    /// result y, where 1 - y cancels for large x (all precision is gone once y rounds to 1, about x &gt; 17 in float):
    /// sigmoid(-x) keeps it, for two sigmoids of one rounding each.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) =>
        Mul(SigmoidOf(x), SigmoidOf(Neg(x)));
}
