using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2011: a softmax, log-softmax or log-sum-exp over a collection that does not subtract the maximum before exp: a
/// sum of exp(z) (a loop, reported at the exp; or <c>Enumerable.Sum</c>, reported at the sum) that something is
/// divided by or takes the log of. Stable when z subtracts anything that is not a constant (the shift), is constant or
/// is provably non-positive. The fix subtracts the maximum (<see cref="FusedFunction.SubtractMaximum"/>).
/// </summary>
internal sealed class UnshiftedSoftmaxRule : IStabilityRule
{
    public static readonly UnshiftedSoftmaxRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.UnshiftedSoftmax;

    public FusedFunction Function => FusedFunction.SubtractMaximum;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Exp, MathFunction.Sum);

    /// <summary>After every exp rule: a term of a sum is not itself one of their forms.</summary>
    public int Precedence => 100;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        ExpSum? sum = function == MathFunction.Exp
            ? matcher.TryGetLoopExpSum(anchor, cancellationToken)
            : matcher.TryGetLinqExpSum(anchor, cancellationToken);
        if (sum is null)
        {
            return RuleOutcome.None;
        }

        // The shift first: it is cheap, and stable code then never searches for the sum's uses.
        if (sum.Term is IInvocationOperation exp
            && (matcher.IsShifted(sum.Element) || matcher.IsStableExpArgument(sum.Element, exp)))
        {
            return RuleOutcome.Stable;
        }

        if (!sum.Uses.FeedsSoftmax)
        {
            return RuleOutcome.None;
        }

        return RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { ExpArgument = sum.Element, Sum = sum });
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("709.78", "88.72"), bounds.Of("-745.13", "-103.97") };
}
