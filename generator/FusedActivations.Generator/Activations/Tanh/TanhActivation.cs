using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;

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

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);
}
