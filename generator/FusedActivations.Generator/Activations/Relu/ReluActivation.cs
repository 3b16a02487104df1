using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Relu;

/// <summary>
/// ReLU, PyTorch's <c>F.relu</c>: <c>max(x, 0)</c>, exact, as IEEE 754-2019 maximum: NaN stays NaN (x86's own max
/// instruction would give 0) and -0 gives +0, the same on every path. Scalar twin: <c>FusedMath.Relu</c>.
/// </summary>
internal sealed class ReluActivation : ParameterlessActivation
{
    public static readonly ReluActivation Instance = new();

    public override string Name => "Relu";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>max(x, 0)</c>, NaN kept";

    public override bool Widens(IsaDialect isa, ElementInfo element) => false;

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("IEEE maximum: NaN stays NaN, -0 gives +0.");
        return b.Maximum(x, b.Lit(0));
    }

    /// <summary>
    /// relu'(x) = x &lt;= 0 ? 0 : 1, PyTorch's threshold_backward(grad, result, 0): 0 at the kink x = 0, and for
    /// NaN the gradient passes (NaN &lt;= 0 is false there too). The 0 selects, as PyTorch's kernel does.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) =>
        If(LessOrEqual(x, Lit(0)), Lit(0), Lit(1));
}
