using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2009: <c>1 - tanh(u)</c> and <c>1 + tanh(u)</c> (either order), which cancel where tanh saturates (the tail of
/// the tanh approximation of GELU, <c>0.5 * x * (1 + tanh(...))</c>) → <c>2 * FusedMath.Sigmoid(∓2u)</c>, the same
/// value exactly. Rooted at the Tanh call; stable where the sign of u keeps the sum away from 0 (u ≤ 0 for
/// <c>1 - tanh(u)</c>, u ≥ 0 for <c>1 + tanh(u)</c>) and for constants.
/// </summary>
internal sealed class CancellingTanhRule : IStabilityRule
{
    public static readonly CancellingTanhRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.CancellingTanh;

    public FusedFunction Function => FusedFunction.TwiceSigmoid;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Tanh);

    public int Precedence => 10;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation u) || StabilityMatcher.UpParent(anchor) is not { } parent)
        {
            return RuleOutcome.None;
        }

        bool minus;
        if (matcher.TryGetOnePlus(parent, out IOperation other) && StabilityMatcher.IsSame(other, anchor))
        {
            minus = false; // 1 + tanh(u) = 2 sigmoid(2u): cancels for u -> -inf
        }
        else if (matcher.IsBinary(parent, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation left, out IOperation right)
            && matcher.IsOne(left)
            && StabilityMatcher.IsSame(right, anchor))
        {
            minus = true; // 1 - tanh(u) = 2 sigmoid(-2u): cancels for u -> +inf
        }
        else
        {
            return RuleOutcome.None;
        }

        if (StabilityMatcher.IsConstant(u) || (minus ? matcher.IsProvablyNonPositive(u, anchor) : matcher.IsProvablyNonNegative(u, anchor)))
        {
            return RuleOutcome.Stable;
        }

        return RuleOutcome.Found(new StabilityMatch(this, parent, anchor) { X = u, NegateX = minus });
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) => new object[]
    {
        StabilityMatcher.ExpressionText(match),
        (match.NegateX ? "u > " : "u < -") + bounds.Of("19.06", "9.01"),
        match.NegateX ? "2 * FusedMath.Sigmoid(-2 * u)" : "2 * FusedMath.Sigmoid(2 * u)",
    };
}
