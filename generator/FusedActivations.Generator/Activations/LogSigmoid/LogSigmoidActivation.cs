using System.Collections.Generic;
using FusedActivations.Generator.Activations.Softplus;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.LogSigmoid;

/// <summary>
/// LogSigmoid, PyTorch's <c>F.logsigmoid</c>: <c>-softplus(-x)</c> with beta 1 and no threshold: Softplus's formulas
/// and precision strategy (float widened on every path, 0.51 ULP). Scalar twin:
/// <c>FusedMath.LogSigmoid</c>.
/// </summary>
internal sealed class LogSigmoidActivation : ParameterlessActivation
{
    public static readonly LogSigmoidActivation Instance = new();

    private static readonly SoftplusSpec Softplus1 = new(1, double.PositiveInfinity);

    public override string Name => "LogSigmoid";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>-softplus(-x)</c> = <c>log(sigmoid(x))</c>";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element) => SoftplusActivation.Instance.Folded(Softplus1, element);

    public override bool Widens(IsaDialect isa, ElementInfo element) => SoftplusActivation.Instance.Widens(isa, element);

    public override string? DescribeWidenedPaths(ElementInfo element) => SoftplusActivation.WidenedPaths;

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("log(sigmoid(x)) = -softplus(-x).");
        Value minusX = b.Let("minusX", b.Neg(x));
        return b.Neg(SoftplusActivation.Instance.Forward(b, minusX, Softplus1));
    }

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec)
    {
        b.Comment("log(sigmoid(x)) = -softplus(-x).");
        return SoftplusActivation.Instance.ForwardWide(b, b.Let("minusW", b.Neg(w)), Softplus1);
    }

    public override bool HasFast(ActivationSpec spec, ElementInfo element) => SoftplusActivation.Instance.HasFast(Softplus1, element);

    public override IReadOnlyList<KernelConstant> FoldedFast(ActivationSpec spec, ElementInfo element) => SoftplusActivation.Instance.FoldedFast(Softplus1, element);

    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("log(sigmoid(x)) = -softplus(-x).");
        Value minusX = b.Let("minusX", b.Neg(x));
        return b.Neg(SoftplusActivation.Instance.ForwardFast(b, minusX, Softplus1));
    }

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) =>
        b.Neg(SoftplusActivation.Instance.Epilogue(b, b.Let("minusX", b.Neg(x)), y, Softplus1));

    /// <summary>
    /// logsigmoid'(x) = sigmoid(-x). PyTorch's log_sigmoid_backward computes the same value as
    /// <c>x &lt; 0 ? 1 - z / (1 + z) : z / (1 + z)</c>, z = e^-|x|, rounding three or four times.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) => SigmoidOf(Neg(x));
}
