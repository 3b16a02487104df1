using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2006: <c>log(1 + x)</c>, .NET's <c>LogP1(x)</c> (it is <c>Log(x + 1)</c>) and <c>TensorPrimitives.LogP1</c> →
/// <c>FusedMath.Log1P</c>. Last among the Log rules: softplus, log-sigmoid and log-sum-exp contain its form.
/// </summary>
internal sealed class ImpreciseLog1PRule : IStabilityRule
{
    public static readonly ImpreciseLog1PRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.ImpreciseLog1P;

    public FusedFunction Function => FusedFunction.Log1P;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Log, MathFunction.LogP1, MathFunction.SpanLogP1);

    public int Precedence => 90;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (function == MathFunction.SpanLogP1)
        {
            return RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { IsSpanApi = true });
        }

        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation argument))
        {
            return RuleOutcome.None;
        }

        IOperation x = argument;
        if (function == MathFunction.Log && !matcher.TryGetOnePlus(argument, out x))
        {
            return RuleOutcome.None;
        }

        return StabilityMatcher.IsConstant(x) ? RuleOutcome.Stable : RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { X = x });
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.ExpressionText(match), bounds.Of("1.1e-16", "6.0e-8") };
}
