using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2001: <c>log(1 + exp(z))</c>, <c>log(exp(z) + 1)</c>, <c>LogP1(exp(z))</c>, with a β outside
/// (<c>log(1 + exp(β·x)) / β</c>) → <c>FusedMath.Softplus</c>. After FA2005 (its negated form), before FA2006
/// (<c>log(1 + x)</c>, which contains it); stable when exp's argument is constant or provably non-positive.
/// </summary>
internal sealed class NaiveSoftplusRule : IStabilityRule
{
    public static readonly NaiveSoftplusRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveSoftplus;

    public FusedFunction Function => FusedFunction.Softplus;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Log, MathFunction.LogP1);

    public int Precedence => 20;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (!matcher.TryGetSoftplusShape(anchor, function, cancellationToken, out IOperation z, out VariableDeclaratorSyntax? local))
        {
            return RuleOutcome.None;
        }

        return matcher.IsStableExpArgument(z, anchor)
            ? RuleOutcome.Stable
            : RuleOutcome.Found(matcher.MatchScaled(this, anchor, z, local));
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("709.78", "88.72"), bounds.Of("-36.74", "-16.64") };
}
