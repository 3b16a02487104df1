using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2007: <c>exp(x) - 1</c>, .NET's <c>ExpM1(x)</c> (it is <c>Exp(x) - 1</c>) and <c>TensorPrimitives.ExpM1</c> →
/// <c>FusedMath.ExpM1</c>. Inside a Log it is an inverse softplus, reported at the Log (FA2002).
/// </summary>
internal sealed class ImpreciseExpM1Rule : IStabilityRule
{
    public static readonly ImpreciseExpM1Rule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.ImpreciseExpM1;

    public FusedFunction Function => FusedFunction.ExpM1;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Exp, MathFunction.ExpM1, MathFunction.SpanExpM1);

    public int Precedence => 20;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (function == MathFunction.SpanExpM1)
        {
            return RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { IsSpanApi = true });
        }

        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation argument))
        {
            return RuleOutcome.None;
        }

        if (function == MathFunction.ExpM1)
        {
            return StabilityMatcher.IsConstant(argument) || matcher.IsInsideLog(anchor)
                ? RuleOutcome.None
                : RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { X = argument });
        }

        // exp(z) - 1
        if (StabilityMatcher.UpParent(anchor) is { } parent
            && matcher.IsBinary(parent, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation left, out IOperation right)
            && StabilityMatcher.IsSame(left, anchor)
            && matcher.IsOne(right))
        {
            return StabilityMatcher.IsConstant(argument) || matcher.IsInsideLog(parent)
                ? RuleOutcome.None
                : RuleOutcome.Found(new StabilityMatch(this, parent, anchor) { X = argument });
        }

        return RuleOutcome.None;
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.ExpressionText(match), bounds.Of("1.1e-16", "6.0e-8") };
}
