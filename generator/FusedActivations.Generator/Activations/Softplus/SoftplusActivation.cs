using System.Collections.Generic;
using FusedActivations.Generator.Differentiation;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.Softplus;

/// <summary>
/// Softplus with PyTorch's beta and threshold. Float kernels widen to double on every path
/// (<see cref="SoftplusWideFormula"/>, 0.51 ULP); double kernels use the compensated formula
/// (<see cref="SoftplusFormula"/>). Arguments: <see cref="SoftplusArguments"/>; scalar twin: <c>FusedMath.Softplus</c>.
/// </summary>
internal sealed class SoftplusActivation : Activation
{
    public static readonly SoftplusActivation Instance = new();

    public override string Name => "Softplus";

    public override ActivationSpec? ReadArguments(ActivationArgumentContext context) => SoftplusArguments.Read(context);

    public override string Describe(ActivationSpec spec, ElementInfo element) =>
        "<c>max(x, 0) + log1p(exp(-beta |x|)) / beta</c>, and <c>x</c> where <c>beta * x &gt; threshold</c>";

    /// <summary>Double and Fast kernels compute beta x exactly where beta is a power of two; the widened float kernel has one shape.</summary>
    public override string? DescribeShape(ActivationSpec spec, ElementInfo element, bool fast) =>
        element.Type == ElementType.Single && !fast ? null : Fold(spec, element).BetaIsPowerOfTwo ? "beta a power of two" : "beta not a power of two";

    public override string DescribeArguments(ActivationSpec spec)
    {
        var softplus = (SoftplusSpec)spec;
        return $"beta = {ElementInfo.Readable(softplus.Beta)} and threshold = {ElementInfo.Readable(softplus.Threshold)}";
    }

    /// <summary>
    /// Float kernels (widened on every path): the threshold's cut-off and beta, 1/beta in double. Double kernels (the
    /// compensated formula): beta, 1/beta as a pair, the cut-off and the clamp.
    /// </summary>
    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element)
    {
        SoftplusConstants c = Fold(spec, element);
        if (element.Type == ElementType.Double)
        {
            return InElementType(c, element);
        }

        string beta = ElementInfo.Readable(c.Beta);
        return new[]
        {
            CutoffOf(c),
            new("WideBeta", c.Beta, $"beta rounded to float ({beta}), as PyTorch does for float tensors, held in a double.", ElementInfo.Double, isFolded: true),
            new("WideInvBeta", 1.0 / c.Beta, "1/beta in double: its error (2^-53) is far below float's.", ElementInfo.Double, isFolded: true),
        };
    }

    /// <summary>The constants of the formulas in the element type: the compensated one (double) and the Fast one.</summary>
    private static KernelConstant[] InElementType(SoftplusConstants c, ElementInfo element)
    {
        string beta = ElementInfo.Readable(c.Beta);
        return new[]
        {
            new KernelConstant("Beta", c.Beta, $"beta = {beta}, rounded to {element.Name}.", isFolded: true),
            new("InvBetaHi", c.InvBetaHi, $"1/beta, rounded to {element.Name}{(c.BetaIsPowerOfTwo ? ": exact, beta is a power of two" : "")}.", isFolded: true),
            c.BetaIsPowerOfTwo
                ? new("InvBetaLo", 0, "0: beta is a power of two, so 1/beta is exact and the kernel does not read this.", isFolded: true)
                : new("InvBetaLo", c.InvBetaLo, "1/beta - InvBetaHi: the part of 1/beta that InvBetaHi misses.", isFolded: true),
            CutoffOf(c),
            new("Clamp", c.Clamp, "Beyond |x| = Clamp, exp(-beta|x|)/beta is below half the smallest subnormal: x is clamped there, which keeps every intermediate finite.", isFolded: true),
        };
    }

    private static KernelConstant CutoffOf(SoftplusConstants c) =>
        new("Cutoff", c.Cutoff, double.IsPositiveInfinity(c.Cutoff)
            ? "No linear cut-off: threshold = +infinity (or no x reaches it)."
            : $"threshold/beta to the last bit: the smallest x with fl(beta * x) > threshold ({ElementInfo.Readable(c.Threshold)}), so x >= Cutoff is exactly PyTorch's test beta * x > threshold.",
            isFolded: true);

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override string? DescribeWidenedPaths(ElementInfo element) => WidenedPaths;

    /// <summary>
    /// Two vectors at a time on NEON in the element type (double and Fast kernels): four side by side made the Fast
    /// step with beta not a power of two so large that the JIT's inlining budget ran out, and it called the constants'
    /// and tables' getters (228 calls per step; AggressiveInlining on them did not help).
    /// </summary>
    public override int GroupOn(IsaDialect isa, ActivationSpec spec) => isa.Name == "AdvSimd" ? 2 : 4;

    /// <summary>The widened formula's two forms of log(1 + t) (<see cref="WideLog1P.Of"/>), for the kernel's documentation.</summary>
    internal const string WidenedPaths =
        "Every path computes in double and rounds to float once. log(1 + t) takes a 16-entry table where a lookup is one instruction (AVX-512 and scalar code agree bit for bit) and a division elsewhere (AVX2 and NEON agree bit for bit): the same bound, a few different last bits.";

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec) =>
        SoftplusFormula.Forward(b, x, Fold(spec, b.Constants.KernelElement).BetaIsPowerOfTwo);

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec) => SoftplusWideFormula.Forward(b, w);

    /// <summary>Beta in [1/64, 64] (<see cref="SoftplusFastFormula"/>).</summary>
    public override bool HasFast(ActivationSpec spec, ElementInfo element)
    {
        double beta = element.Round(((SoftplusSpec)spec).Beta);
        return beta >= SoftplusFastFormula.MinBeta && beta <= SoftplusFastFormula.MaxBeta;
    }

    public override IReadOnlyList<KernelConstant> FoldedFast(ActivationSpec spec, ElementInfo element) => InElementType(Fold(spec, element), element);

    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec) =>
        SoftplusFastFormula.Forward(b, x, Fold(spec, b.Constants.KernelElement).BetaIsPowerOfTwo);

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec)
    {
        b.Comment("PyTorch's threshold rule: x itself where fl(beta x) > threshold. Also passes NaN and +infinity through.");
        return b.SelectLessThan(x, b.C("Cutoff"), y, x);
    }

    /// <summary>
    /// softplus'(x) = fl(beta x) &gt; threshold ? 1 : sigmoid(beta x), PyTorch's softplus_backward (the same test as
    /// the forward cut-off, on the product rounded to the element type; beta and the threshold rounded to it too).
    /// PyTorch computes the sigmoid as <c>e^z / (e^z + 1)</c>, NaN once e^z overflows (x = +infinity with no
    /// threshold); ours is sigmoid(beta x) with beta x's rounding error added back (<see cref="SigmoidOfProduct"/>),
    /// 1 at +infinity and 0 at -infinity.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element)
    {
        var softplus = (SoftplusSpec)spec;
        double beta = element.Round(softplus.Beta);
        double threshold = element.Round(softplus.Threshold);
        FormulaNode slope = ElementInfo.IsPowerOfTwo(beta)
            ? SigmoidOfProduct.Of(beta, x, element)
            : SigmoidOfProduct.Of(beta, SigmoidOfProduct.Saturated(beta, x, element), element);
        return double.IsPositiveInfinity(threshold)
            ? slope
            : If(GreaterThan(SigmoidOfProduct.Product(beta, x, element), Lit(threshold)), Lit(1), slope);
    }

    private static SoftplusConstants Fold(ActivationSpec spec, ElementInfo element) => SoftplusConstants.Fold((SoftplusSpec)spec, element);
}
