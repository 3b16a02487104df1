using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Elu;

/// <summary>
/// ELU, PyTorch's <c>F.elu</c>: <c>x &lt; 0 ? alpha expm1(x) : x</c> (±0 and NaN pass through). Float: in double,
/// rounded once; double: expm1 as a pair, times alpha with one rounding. Scalar twin: <c>FusedMath.Elu</c>.
/// </summary>
internal sealed class EluActivation : Activation
{
    public static readonly EluActivation Instance = new();

    /// <summary>The attribute's default (kept equal to <c>EluAttribute.Alpha</c>'s initializer).</summary>
    public const double DefaultAlpha = 1;

    public override string Name => "Elu";

    public override ActivationSpec? ReadArguments(ActivationArgumentContext context) =>
        ParameterChecks.TryRead(context, "Alpha", DefaultAlpha, ParameterChecks.PositiveFinite, DiagnosticDescriptors.InvalidAlpha, out double alpha)
            ? new EluSpec(alpha)
            : null;

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>x &lt; 0 ? alpha * expm1(x) : x</c>";

    public override string DescribeArguments(ActivationSpec spec) => $"alpha = {ElementInfo.Readable(((EluSpec)spec).Alpha)}";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element)
    {
        double alpha = element.Round(((EluSpec)spec).Alpha);
        return new[]
        {
            element.Type == ElementType.Single
                ? new KernelConstant("WideAlpha", alpha, $"alpha = {ElementInfo.Readable(alpha)}, rounded to float, held in a double.", ElementInfo.Double, isFolded: true)
                : new KernelConstant("Alpha", alpha, $"alpha = {ElementInfo.Readable(alpha)}.", isFolded: true),
        };
    }

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        DoubleDouble e = ExpM1OfNegativePart(b, x);
        return b.SelectLessThan(x, b.Lit(0), b.Fma(b.C("Alpha"), e.Hi, b.Mul(b.C("Alpha"), e.Lo)), x);
    }

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec)
    {
        Value em = b.Let("em", WideFunctions.ExpM1(b, b.Min(b.Max(w, b.Lit(-60)), b.Lit(0))), "expm1(min(x, 0)); below -60 it is -1 to double precision");
        return b.SelectLessThan(w, b.Lit(0), b.Mul(b.C("WideAlpha"), em), w);
    }

    public override bool HasFast(ActivationSpec spec, ElementInfo element) => true;

    /// <summary>Alpha in the element type (a float kernel's Accurate constant is the widened formula's double).</summary>
    public override IReadOnlyList<KernelConstant> FoldedFast(ActivationSpec spec, ElementInfo element)
    {
        double alpha = element.Round(((EluSpec)spec).Alpha);
        return new[] { new KernelConstant("Alpha", alpha, $"alpha = {ElementInfo.Readable(alpha)}{(element.Type == ElementType.Single ? ", rounded to float" : "")}.", isFolded: true) };
    }

    /// <summary>Fast: <c>alpha expm1(x)</c> of <see cref="FastExp"/> for negative x (raised to -20, where expm1 is -1 in float).</summary>
    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec) =>
        b.SelectLessThan(x, b.Lit(0), b.Mul(b.C("Alpha"), FastExpM1OfNegativePart(b, x)), x);

    /// <summary>expm1(min(x, 0)) for the Fast kernels, x raised to <see cref="FastLimits.ExpM1Floor"/> (expm1 rounds to -1 below).</summary>
    internal static Value FastExpM1OfNegativePart(FormulaBuilder b, Value x)
    {
        double floor = FastLimits.For(b.Element.Type).ExpM1Floor;
        Value a = b.Let("a", b.Min(b.Max(x, b.Lit(floor)), b.Lit(0)), $"expm1 rounds to -1 below {floor}");
        return FastExp.ExpM1(b, a).ExpM1;
    }

    /// <summary>
    /// elu'(x) = x &lt;= 0 ? alpha e^x : 1, PyTorch's elu_backward with is_result = false (its autograd formula for
    /// F.elu): alpha at the kink x = 0, 1 for NaN. alpha is rounded to the element type as in the forward kernel; alpha
    /// e^x rounds twice, as PyTorch's <c>grad * negiptcoef * negcoef * exp(x)</c> does (in another order).
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) =>
        If(LessOrEqual(x, Lit(0)), Mul(Lit(element.Round(((EluSpec)spec).Alpha)), Exp(x)), Lit(1));

    /// <summary>expm1(x) for x in [-60, 0] (x is clamped there: beyond -60 it is -1 in double), as a pair.</summary>
    internal static DoubleDouble ExpM1OfNegativePart(FormulaBuilder b, Value x)
    {
        b.Comment("expm1(x) for the negative part, x raised to -60 (expm1 is -1 below, to double precision).");
        Value a = b.Let("a", b.Min(b.Max(x, b.Lit(-60)), b.Lit(0)));
        return CompensatedExpM1.ExpM1(b, a);
    }
}
