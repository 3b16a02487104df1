using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2002: <c>log(exp(y) - 1)</c> and <c>log(ExpM1(y))</c>, with a β outside → <c>FusedMath.InverseSoftplus</c>;
/// stable for a constant y. Its inner <c>exp(y) - 1</c> / <c>ExpM1(y)</c> is this rule's, not FA2007's.
/// </summary>
internal sealed class NaiveInverseSoftplusRule : IStabilityRule
{
    public static readonly NaiveInverseSoftplusRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveInverseSoftplus;

    public FusedFunction Function => FusedFunction.InverseSoftplus;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Log);

    public int Precedence => 40;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation argument))
        {
            return RuleOutcome.None;
        }

        IOperation? y = null;
        VariableDeclaratorSyntax? local = null;
        if (matcher.IsBinary(argument, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation left, out IOperation right))
        {
            if (matcher.IsOne(right) && matcher.TryGetExp(left, cancellationToken, out IOperation expArgument, out local))
            {
                y = expArgument;
            }
        }
        else if (matcher.IsCall(argument, MathFunction.ExpM1, out IOperation expM1Argument))
        {
            y = expM1Argument;
        }

        if (y is null)
        {
            return RuleOutcome.None;
        }

        return StabilityMatcher.IsConstant(y) ? RuleOutcome.Stable : RuleOutcome.Found(matcher.MatchScaled(this, anchor, y, local));
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("709.78", "88.72"), bounds.Of("1.1e-16", "6.0e-8") };
}
