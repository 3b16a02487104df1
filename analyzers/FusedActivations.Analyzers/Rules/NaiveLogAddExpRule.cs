using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>FA2003: <c>log(exp(a) + exp(b))</c> → <c>FusedMath.LogAddExp</c>; stable when both arguments are constants.</summary>
internal sealed class NaiveLogAddExpRule : IStabilityRule
{
    public static readonly NaiveLogAddExpRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveLogAddExp;

    public FusedFunction Function => FusedFunction.LogAddExp;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Log);

    public int Precedence => 30;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation argument)
            || !matcher.IsBinary(argument, BinaryOperatorKind.Add, MathFunction.Add, out IOperation left, out IOperation right)
            || !matcher.TryGetExp(left, cancellationToken, out IOperation a, out _)
            || !matcher.TryGetExp(right, cancellationToken, out IOperation b, out _))
        {
            return RuleOutcome.None;
        }

        return StabilityMatcher.IsConstant(a) && StabilityMatcher.IsConstant(b)
            ? RuleOutcome.Stable
            : RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { X = a, Second = b, ExpArgument = a });
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("709.78", "88.72"), bounds.Of("-745.13", "-103.97") };
}
