using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
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

namespace FusedActivations.Generator.Activations.Silu;

/// <summary>
/// SiLU / Swish-beta, PyTorch's <c>F.silu</c> for beta = 1: <c>x * sigmoid(beta x)</c>, down to subnormal results;
/// <c>silu(-infinity)</c> is -0 (the limit; PyTorch's formula gives NaN). Float: in double, rounded once; double:
/// beta x kept exactly as a pair, the sigmoid compensated and scaled so that tiny results round once. Scalar twin:
/// <c>FusedMath.Silu</c>.
/// </summary>
internal sealed class SiluActivation : Activation
{
    public static readonly SiluActivation Instance = new();

    /// <summary>The attribute's default (kept equal to <c>SiluAttribute.Beta</c>'s initializer).</summary>
    public const double DefaultBeta = 1;

    public override string Name => "Silu";

    public override ActivationSpec? ReadArguments(ActivationArgumentContext context) =>
        ParameterChecks.TryRead(context, "Beta", DefaultBeta, ParameterChecks.SupportedBeta, DiagnosticDescriptors.InvalidBeta, out double beta)
            ? new SiluSpec(beta)
            : null;

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>x * sigmoid(beta x)</c>";

    public override string? DescribeShape(ActivationSpec spec, ElementInfo element, bool fast) =>
        element.Type == ElementType.Double ? (IsPowerOfTwo(spec, element) ? "beta a power of two" : "beta not a power of two") : null;

    public override string DescribeArguments(ActivationSpec spec) => $"beta = {ElementInfo.Readable(((SiluSpec)spec).Beta)}";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element)
    {
        double beta = element.Round(((SiluSpec)spec).Beta);
        string text = ElementInfo.Readable(beta);
        return element.Type == ElementType.Single
            ? new[]
            {
                new KernelConstant("WideBeta", beta, $"beta = {text}, rounded to float, held in a double: beta x is exact there.", ElementInfo.Double, isFolded: true),
                new KernelConstant("WideClamp", 700 / beta, "700/beta: below -WideClamp, x sigmoid(beta x) rounds to 0 in float; x is raised to it so nothing overflows.", ElementInfo.Double, isFolded: true),
            }
            : new[]
            {
                new KernelConstant("Beta", beta, $"beta = {text}.", isFolded: true),
                new KernelConstant("Clamp", 800 / beta, "800/beta: beyond |x| = Clamp, sigmoid(beta x) is 0 or 1 to far below an ULP; x is clamped there for the sigmoid.", isFolded: true),
            };
    }

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("silu(x) = x sigmoid(z), z = beta x kept exactly as z + zl.");
        Value xc = b.Let("xc", b.Min(b.Max(x, b.NegC("Clamp")), b.C("Clamp")));
        Value z = b.Let("z", b.Mul(b.C("Beta"), xc));
        Value? zl = IsPowerOfTwo(spec, b.Element) ? null : b.Let("zl", b.ProductError(b.C("Beta"), xc, z), "beta xc = z + zl exactly");
        DoubleDouble q = CompensatedSigmoid.Scaled(b, z, zl);
        b.Comment("x times the pair, rounded once; negative x at scale 2^offset, scaled down last, so a subnormal result rounds once.");
        Value negative = b.Mul(q.MultiplyRounded(b, xc), b.C("ScaleDown"));
        Value positive = b.SelectLessThan(x, b.Lit(double.PositiveInfinity), q.Scale(b, b.C("ScaleDown")).MultiplyRounded(b, x), x);
        return b.KeepNaN(x, b.SelectLessThan(x, b.Lit(0), negative, positive));
    }

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec)
    {
        b.Comment("In double: silu(x) = x sigmoid(beta x), x raised to -700/beta first (the float result is 0 below).");
        Value wc = b.Let("wc", b.Max(w, b.NegC("WideClamp")));
        Value s = b.Let("sg", WideFunctions.Sigmoid(b, b.Mul(b.C("WideBeta"), wc)));
        return b.Mul(b.SelectLessThan(w, b.Lit(0), wc, w), s);
    }

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);

    /// <summary>Beta in [1/64, 64]: there every scaled intermediate of <see cref="ForwardFast"/> stays in range, and below z = <see cref="FastLimits.Floor"/> the result rounds to 0.</summary>
    public override bool HasFast(ActivationSpec spec, ElementInfo element)
    {
        double beta = element.Round(((SiluSpec)spec).Beta);
        return beta >= 1.0 / 64 && beta <= 64;
    }

    public override IReadOnlyList<KernelConstant> FoldedFast(ActivationSpec spec, ElementInfo element)
    {
        double beta = element.Round(((SiluSpec)spec).Beta);
        return new[] { new KernelConstant("Beta", beta, $"beta = {ElementInfo.Readable(beta)}, rounded to {element.Name}.", isFolded: true) };
    }

    /// <summary>
    /// Fast: <c>x (num / den) sc</c> with the parts of <see cref="FastSigmoid"/> at z = beta x (its rounding error
    /// carried into the exponential when beta is not a power of two), -0 below <see cref="FastLimits.Floor"/> (the result rounds to 0 there).
    /// </summary>
    public override Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec)
    {
        b.Comment("silu(x) = x sigmoid(z), z = beta x.");
        Value z = b.Let("z", b.Mul(b.C("Beta"), x));
        Value? zl = IsPowerOfTwo(spec, b.Element) ? null : b.Let("zl", b.ProductError(b.C("Beta"), x, z), "beta x = z + zl exactly");
        FastSigmoid.Parts s = FastSigmoid.Of(b, z, zl);
        Value y = b.Let("y", b.Mul(b.Mul(x, b.Div(s.Num, s.Den)), s.Sc), "x sigmoid(z), at scale 2^offset below z = -64 until the last multiply");
        return b.KeepNaN(x, b.SelectLessThan(z, b.Lit(FastLimits.For(b.Element.Type).Floor), b.CopySign(b.Lit(0), x), y));
    }

    /// <summary>
    /// silu'(x) = sigmoid(z) (1 + z sigmoid(-z)), z = beta x: PyTorch's silu_backward (beta 1) computes
    /// <c>grad * s * (1 + x * (1 - s))</c>, where 1 - s cancels for large x in float; ours (in double formulas) takes sigmoid(-z) itself and
    /// rounds 1 + z sigmoid(-z) once (a fused multiply-add). For beta not a power of two, z's rounding error zl is
    /// added back (<see cref="SigmoidOfProduct"/>): sigmoid(z + zl) = s + zl s sigmoid(-z) to first order, and
    /// 1 + (z + zl) sigmoid(-z) takes zl into the 1 first, where its own rounding is below the final one's; the
    /// product with s is one fused multiply-add, so the correction costs no rounding of its own. x is clamped where
    /// both sigmoids have saturated, so x = ±infinity gives the limits 1 and -0 where PyTorch's formula gives NaN
    /// (infinity * 0). Its zero near z = -1.28 cancels in the sum.
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element)
    {
        double beta = ((SiluSpec)spec).Beta;
        FormulaNode xc = SigmoidOfProduct.Saturated(beta, x, element);
        FormulaNode z = SigmoidOfProduct.Product(beta, xc, element);
        FormulaNode s = SigmoidOf(z);

        // A float formula computes this rule in double (ReversePass widens smooth rules): there 1 - s is off by at most
        // 2^-53, far below float's rounding of the result, and it saves a second exponential and division (SwiGLU's
        // gradient went from three of each per element to two). A double formula takes sigmoid(-z) itself.
        FormulaNode sigmoidOfMinusZ = element.Type == ElementType.Single ? Sub(Lit(1), s) : SigmoidOf(Neg(z));
        if (SigmoidOfProduct.ProductError(beta, xc, element) is not { } zl)
        {
            return Mul(s, Fma(z, sigmoidOfMinusZ, Lit(1)));
        }

        FormulaNode second = Fma(z, sigmoidOfMinusZ, Fma(zl, sigmoidOfMinusZ, Lit(1)));
        return Fma(s, second, Mul(Mul(zl, Mul(s, sigmoidOfMinusZ)), second));
    }

    private static bool IsPowerOfTwo(ActivationSpec spec, ElementInfo element) => ElementInfo.IsPowerOfTwo(element.Round(((SiluSpec)spec).Beta));
}
