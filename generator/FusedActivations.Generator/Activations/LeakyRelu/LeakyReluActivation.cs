using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.LeakyRelu;

/// <summary>
/// LeakyReLU, PyTorch's <c>F.leaky_relu</c>: <c>x &gt; 0 ? x : slope * x</c> with the slope rounded to the element
/// type, one rounding (0.5 ULP). Scalar twin: <c>FusedMath.LeakyRelu</c>.
/// </summary>
internal sealed class LeakyReluActivation : Activation
{
    public static readonly LeakyReluActivation Instance = new();

    /// <summary>The attribute's default (kept equal to <c>LeakyReluAttribute.NegativeSlope</c>'s initializer).</summary>
    public const double DefaultNegativeSlope = 0.01;

    public override string Name => "LeakyRelu";

    public override ActivationSpec? ReadArguments(ActivationArgumentContext context) =>
        ParameterChecks.TryRead(context, "NegativeSlope", DefaultNegativeSlope, ParameterChecks.Finite, DiagnosticDescriptors.InvalidNegativeSlope, out double slope)
            ? new LeakyReluSpec(slope)
            : null;

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>x &gt; 0 ? x : negativeSlope * x</c>";

    public override string? DescribeShape(ActivationSpec spec, ElementInfo element, bool fast) =>
        IsZero(spec, element) ? "a zero slope: 0 on all of x <= 0, also at -infinity" : null;

    public override string DescribeArguments(ActivationSpec spec) => $"negativeSlope = {ElementInfo.Readable(((LeakyReluSpec)spec).NegativeSlope)}";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element) => new[]
    {
        new KernelConstant("NegativeSlope", element.Round(((LeakyReluSpec)spec).NegativeSlope), $"The negative slope, rounded to {element.Name}.", isFolded: true),
    };

    public override bool Widens(IsaDialect isa, ElementInfo element) => false;

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        if (IsZero(spec, b.Element))
        {
            b.Comment("x > 0 ? x : 0 * x, x raised to the finite range first: 0 * -infinity would be NaN, the limit is 0 (NaN stays NaN).");
            return b.SelectGreaterThan(x, b.Lit(0), x, b.Mul(b.C("NegativeSlope"), b.Maximum(x, b.Lit(-b.Element.MaxValue))));
        }

        b.Comment("x > 0 ? x : slope * x (NaN: slope * NaN).");
        return b.SelectGreaterThan(x, b.Lit(0), x, b.Mul(b.C("NegativeSlope"), x));
    }

    /// <summary>
    /// leaky_relu'(x) = x &gt; 0 ? 1 : slope, PyTorch's leaky_relu_backward (<c>x &gt; 0 ? grad : grad * slope</c>):
    /// the slope at the kink x = 0 and for NaN. The slope is rounded to the element type, as in the forward kernel. A
    /// zero slope selects 0 (PyTorch multiplies by it, which gives NaN for an infinite gradient).
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) =>
        If(GreaterThan(x, Lit(0)), Lit(1), Lit(element.Round(((LeakyReluSpec)spec).NegativeSlope)));

    private static bool IsZero(ActivationSpec spec, ElementInfo element) => element.Round(((LeakyReluSpec)spec).NegativeSlope) == 0;
}
