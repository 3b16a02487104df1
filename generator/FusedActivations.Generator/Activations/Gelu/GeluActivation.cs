using System;
using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing;

namespace FusedActivations.Generator.Activations.Gelu;

/// <summary>
/// GELU, PyTorch's <c>F.gelu</c>: exact (<c>Approximate = GeluApproximation.None</c>, <c>x Phi(x)</c> through erfc,
/// <see cref="GeluErfFormula"/>) or its tanh approximation (<c>GeluApproximation.Tanh</c>, <see cref="GeluTanhFormula"/>),
/// down to subnormal results; <c>gelu(-infinity)</c> is -0 (the limit). Float: in double, rounded once; double:
/// compensated, rounded once in effect. Scalar twins: <c>FusedMath.Gelu</c> and <c>FusedMath.GeluTanh</c>.
/// </summary>
internal sealed class GeluActivation : Activation
{
    public static readonly GeluActivation Instance = new();

    /// <summary>The attribute's argument, and the values of the <c>GeluApproximation</c> enum.</summary>
    private const string ApproximateArgument = "Approximate";
    private const int None = 0;
    private const int Tanh = 1;

    public override string Name => "Gelu";

    public override ActivationSpec? ReadArguments(ActivationArgumentContext context)
    {
        if (!context.Arguments.TryGetInt32(ApproximateArgument, None, out int approximate))
        {
            return null;
        }

        if (approximate is not (None or Tanh))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidGeluApproximation, context.Arguments.LocationOf(ApproximateArgument), approximate.ToString(System.Globalization.CultureInfo.InvariantCulture), context.MethodName));
            return null;
        }

        return new GeluSpec(approximate == Tanh);
    }

    public override string Describe(ActivationSpec spec, ElementInfo element) => IsTanh(spec)
        ? $"<c>0.5 * x * (1 + tanh(kBeta * (x + kKappa * x^3)))</c> with kBeta = sqrt(2/pi) and kKappa = 0.044715 rounded to {element.Name}"
        : "<c>x * Phi(x) = (x / 2) * erfc(-x / sqrt(2))</c>";

    public override string? DescribeShape(ActivationSpec spec, ElementInfo element, bool fast) => IsTanh(spec) ? "the tanh approximation" : "exact, through erfc";

    public override string DescribeArguments(ActivationSpec spec) => IsTanh(spec) ? "approximate = tanh" : "approximate = none";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element) => Array.Empty<KernelConstant>();

    /// <summary>
    /// The erf form keeps 27 constants in registers: with 16 vector registers (AVX2, SSE) one float vector (two double
    /// vectors) at a time, each a call, does not spill (AVX2, 64 Ki floats: 1.12 ns/element, against 1.21 for two at a
    /// time and 1.49 for four side by side; Stopwatch probe). The tanh form is shorter: on AVX2 four side by side
    /// measured fastest for it (1.0 against 1.13 one at a time). AVX-512 and NEON have 32 registers: 4 side by side.
    /// </summary>
    public override int WideGroupOn(IsaDialect isa, ActivationSpec spec) => !IsTanh(spec) && (isa.Name is "Avx2" or "Vector128") ? 1 : 4;

    /// <summary>
    /// GELU (tanh) in the element type on AVX2 (16 registers): two vectors at a time, not four (BenchmarkDotNet, 64 Ki,
    /// [-10, 10]: Fast float 1.07 -> 0.87 ns/element, Fast double 2.90 -> 1.98, Accurate double 3.67 -> 3.05; four at a
    /// time spilled a third of the step's vector instructions to the stack).
    /// </summary>
    public override int GroupOn(IsaDialect isa, ActivationSpec spec) => IsTanh(spec) && isa.Name == "Avx2" ? 2 : 4;

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec) =>
        IsTanh(spec) ? GeluTanhFormula.Forward(b, x) : GeluErfFormula.Forward(b, x);

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec) =>
        IsTanh(spec) ? GeluTanhFormula.ForwardWide(b, w) : GeluErfFormula.ForwardWide(b, w);

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);

    /// <summary>The tanh approximation has a Fast formula; the erf form (a rational function for the normal tail) does not yet.</summary>
    public override bool HasFast(ActivationSpec spec, ElementInfo element) => IsTanh(spec);

    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec) => GeluTanhFormula.ForwardFast(b, x);

    /// <summary>gelu'(x): <see cref="GeluDerivatives"/>.</summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) =>
        IsTanh(spec) ? GeluDerivatives.Tanh(x, element) : GeluDerivatives.Erf(x);

    private static bool IsTanh(ActivationSpec spec) => ((GeluSpec)spec).TanhApproximation;
}
