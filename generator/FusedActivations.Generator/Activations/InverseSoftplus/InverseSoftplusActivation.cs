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
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Activations.InverseSoftplus;

/// <summary>
/// The inverse of Softplus (no PyTorch counterpart): <c>log(expm1(beta y)) / beta</c> for y &gt; 0, in stable forms
/// around its zero at y = ln2 / beta, for tiny y (down to subnormals) and for large y (where it is y). y &lt; 0 and NaN
/// give NaN, ±0 gives -infinity, +infinity gives +infinity. Float: in double on every path, rounded once
/// (<see cref="InverseSoftplusWideFormula"/>); double: compensated (<see cref="InverseSoftplusFormula"/>). Scalar twin:
/// <c>FusedMath.InverseSoftplus</c>.
/// </summary>
internal sealed class InverseSoftplusActivation : Activation
{
    public static readonly InverseSoftplusActivation Instance = new();

    /// <summary>The attribute's default (kept equal to <c>InverseSoftplusAttribute.Beta</c>'s initializer).</summary>
    public const double DefaultBeta = 1;

    /// <summary>Beyond z = beta y = 64 the result is y to far below an ULP (the correction is about e^-64 / beta).</summary>
    private const double ClampZ = 64;

    public override string Name => "InverseSoftplus";

    public override ActivationSpec? ReadArguments(ActivationArgumentContext context) =>
        ParameterChecks.TryRead(context, "Beta", DefaultBeta, ParameterChecks.SupportedBeta, DiagnosticDescriptors.InvalidBeta, out double beta)
            ? new InverseSoftplusSpec(beta)
            : null;

    public override string Describe(ActivationSpec spec, ElementInfo element) => "<c>log(expm1(beta y)) / beta</c>, the inverse of Softplus";

    public override string DescribeArguments(ActivationSpec spec) => $"beta = {ElementInfo.Readable(((InverseSoftplusSpec)spec).Beta)}";

    public override IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element)
    {
        double beta = element.Round(((InverseSoftplusSpec)spec).Beta);
        string text = ElementInfo.Readable(beta);
        if (element.Type == ElementType.Single)
        {
            return new[]
            {
                new KernelConstant("WideBeta", beta, $"beta = {text}, rounded to float, held in a double: beta y is exact there.", ElementInfo.Double, isFolded: true),
                new KernelConstant("WideInvBeta", 1 / beta, "1/beta rounded to double: off by 2^-53 relative, far below what float needs.", ElementInfo.Double, isFolded: true),
            };
        }

        double invHi = 1 / beta;
        long bits = BitConverter.DoubleToInt64Bits(beta);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        return new[]
        {
            new KernelConstant("Beta", beta, $"beta = {text}.", isFolded: true),
            new KernelConstant("InvBetaHi", invHi, "1/beta rounded.", isFolded: true),
            new KernelConstant("InvBetaLo", ExactFolding.ReciprocalTail(beta, invHi), "1/beta - InvBetaHi, rounded: 1/beta to about 2^-106.", isFolded: true),
            new KernelConstant("YClamp", ClampZ / beta, $"{ClampZ}/beta: y is lowered to it before beta y is formed (beyond it the result is y), so nothing overflows.", isFolded: true),
            new KernelConstant("BetaSignificand", beta / Math.Pow(2, exponent), "beta's significand in [1, 2): beta y = BetaSignificand y 2^BetaExponent without forming a tiny product.", isFolded: true),
            new KernelConstant("BetaExponent", exponent, "beta's exponent.", isFolded: true),
        };
    }

    public override bool Widens(IsaDialect isa, ElementInfo element) => WidenedStrategy.Widens(element);

    public override Value Forward(FormulaBuilder b, Value x, ActivationSpec spec) => InverseSoftplusFormula.Forward(b, x);

    public override Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec) => InverseSoftplusWideFormula.Forward(b, w);

    public override Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => WidenedStrategy.KeepNaN(b, x, y);

    /// <summary>
    /// d/dy log(expm1(beta y)) / beta = 1 / (1 - e^(-beta y)) = -1 / expm1(-beta y) (no PyTorch counterpart): one
    /// rounding each for beta y (none for beta a power of two), expm1 and the division (which the chain rule makes
    /// the gradient's own division), and no cancellation: expm1 loses nothing near y = 0, where the derivative grows
    /// like 1 / (beta y). +infinity gives 1, ±0 gives +infinity (the limit from above). For y &lt; 0, where the value
    /// is NaN, it gives the formula's finite value (as PyTorch's log' = 1/x does for log's NaN).
    /// </summary>
    public override FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element)
    {
        double beta = element.Round(((InverseSoftplusSpec)spec).Beta);
        FormulaNode z = beta == 1 ? x : Mul(Lit(beta), x);
        return Div(Lit(-1), ExpM1(Neg(z)));
    }
}
