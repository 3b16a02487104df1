using System.Collections.Generic;
using FusedActivations.Generator.Activations.Elu;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Selu;

/// <summary>
/// SELU, PyTorch's <c>F.selu</c>: <c>x &lt; 0 ? (alpha scale) expm1(x) : scale x</c> with PyTorch's alpha and scale,
/// and PyTorch's folding: scale and alpha * scale each rounded to the element type. Scalar twin: <c>FusedMath.Selu</c>.
/// </summary>
internal sealed class SeluActivation : ParameterlessActivation
{
    public static readonly SeluActivation Instance = new();

    /// <summary>PyTorch's SELU alpha.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>PyTorch's SELU scale.</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    public override string Name => "Selu";

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>x &lt; 0 ? alpha * scale * expm1(x) : scale * x</c>";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element)
    {
        double scale = element.Round(Scale);
        double negative = element.Round(element.Round(Alpha) * scale);
        ElementInfo? type = element.Type == ElementType.Single ? ElementInfo.Double : null;
        string prefix = element.Type == ElementType.Single ? "Wide" : "";
        return new[]
        {
            new KernelConstant(prefix + "Scale", scale, $"PyTorch's scale rounded to {element.Name}.", type, isFolded: true),
            new KernelConstant(prefix + "NegativeScale", negative, $"alpha * scale as PyTorch folds it: both rounded to {element.Name}, the product rounded again.", type, isFolded: true),
        };
    }

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        DoubleDouble e = EluActivation.ExpM1OfNegativePart(b, x);
        Value negative = b.Fma(b.C("NegativeScale"), e.Hi, b.Mul(b.C("NegativeScale"), e.Lo));
        return b.SelectLessThan(x, b.Lit(0), negative, b.Mul(b.C("Scale"), x));
    }

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec)
    {
        Value em = b.Let("em", WideFunctions.ExpM1(b, b.Min(b.Max(w, b.Lit(-60)), b.Lit(0))), "expm1(min(x, 0))");
        b.Comment("scale x is exact in double: rounding it to float gives PyTorch's fl(scale * x).");
        return b.SelectLessThan(w, b.Lit(0), b.Mul(b.C("WideNegativeScale"), em), b.Mul(b.C("WideScale"), w));
    }

    public override bool HasFast(ActivationSpec spec, ElementInfo element) => true;

    public override IReadOnlyList<KernelConstant> FoldedFast(ActivationSpec spec, ElementInfo element)
    {
        if (element.Type == ElementType.Double)
        {
            return Folded(spec, element);
        }

        double scale = element.Round(Scale);
        double negative = element.Round(element.Round(Alpha) * scale);
        return new[]
        {
            new KernelConstant("Scale", scale, "PyTorch's scale rounded to float.", isFolded: true),
            new KernelConstant("NegativeScale", negative, "alpha * scale as PyTorch folds it: both rounded to float, the product rounded again.", isFolded: true),
        };
    }

    /// <summary>Fast: <c>(alpha scale) expm1(x)</c> of <see cref="FastExp"/> for negative x, <c>scale x</c> otherwise.</summary>
    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec) =>
        b.SelectLessThan(x, b.Lit(0), b.Mul(b.C("NegativeScale"), EluActivation.FastExpM1OfNegativePart(b, x)), b.Mul(b.C("Scale"), x));

    /// <summary>
    /// selu'(x) = x &lt;= 0 ? (alpha scale) e^x : scale, PyTorch's elu_backward with is_result = false and its folded
    /// constants (scale, and alpha * scale as fl(fl(alpha) fl(scale)), the forward kernel's): alpha scale at the kink
    /// x = 0, scale for NaN.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element)
    {
        double scale = element.Round(Scale);
        double negative = element.Round(element.Round(Alpha) * scale);
        return If(LessOrEqual(x, Lit(0)), Mul(Lit(negative), Exp(x)), Lit(scale));
    }
}
