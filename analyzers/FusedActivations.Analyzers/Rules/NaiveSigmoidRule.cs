using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2004: <c>exp(z) / (1 + exp(z))</c> → <c>FusedMath.Sigmoid</c>, reported from the exp in the denominator; stable
/// when z is constant or provably non-positive.
/// </summary>
internal sealed class NaiveSigmoidRule : IStabilityRule
{
    public static readonly NaiveSigmoidRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveSigmoid;

    public FusedFunction Function => FusedFunction.Sigmoid;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Exp);

    public int Precedence => 10;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (StabilityMatcher.TryGetSingleArgument(anchor, out IOperation z)
            && StabilityMatcher.UpParent(anchor) is { } sum
            && matcher.TryGetOnePlus(sum, out IOperation other)
            && StabilityMatcher.IsSame(other, anchor)
            && StabilityMatcher.UpParent(sum) is { } quotient
            && matcher.IsBinary(quotient, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            && StabilityMatcher.IsSame(denominator, sum)
            && matcher.TryGetExp(numerator, cancellationToken, out IOperation z2, out _)
            && Equivalence.AreEquivalent(z, z2)
            && !matcher.IsStableExpArgument(z, anchor))
        {
            return RuleOutcome.Found(new StabilityMatch(this, quotient, anchor) { X = z, ExpArgument = z });
        }

        return RuleOutcome.None;
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("709.78", "88.72") };
}
