using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Activations.Relu;

/// <summary>
/// ReLU, PyTorch's <c>F.relu</c>: <c>max(x, 0)</c>, exact. NaN stays NaN (a plain vector max would turn it into 0 on
/// x86) and -0 gives +0, the same on every path. Scalar twin: <c>FusedMath.Relu</c>.
/// </summary>
internal sealed class ReluActivation : ParameterlessActivation
{
    public static readonly ReluActivation Instance = new();

    public override string Name => "Relu";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>max(x, 0)</c>, NaN kept";

    public override bool Widens(IsaDialect isa, ElementInfo element) => false;

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("x > 0 ? x : 0, and NaN lanes keep x.");
        return b.KeepNaN(x, b.SelectGreaterThan(x, b.Lit(0), x, b.Lit(0)));
    }
}
