using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Model;

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
}
