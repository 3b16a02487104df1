using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2005: <c>-log(1 + exp(-x))</c> (and with LogP1) and <c>log(1 / (1 + exp(z)))</c> → <c>FusedMath.LogSigmoid</c>.
/// First among the Log rules: its first form contains a softplus (FA2001), which reports it otherwise.
/// </summary>
internal sealed class NaiveLogSigmoidRule : IStabilityRule
{
    public static readonly NaiveLogSigmoidRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveLogSigmoid;

    public FusedFunction Function => FusedFunction.LogSigmoid;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Log, MathFunction.LogP1);

    public int Precedence => 10;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        // -log(1 + exp(-x)) = LogSigmoid(x); a stable exp argument is left to FA2001 (which declares it stable).
        if (matcher.TryGetSoftplusShape(anchor, function, cancellationToken, out IOperation z, out VariableDeclaratorSyntax? local))
        {
            return !matcher.IsStableExpArgument(z, anchor)
                && StabilityMatcher.UpParent(anchor) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation
                && matcher.IsNegation(z, out IOperation x)
                ? RuleOutcome.Found(new StabilityMatch(this, negation, anchor) { X = x, ExpArgument = x, ExpLocalDeclarator = local })
                : RuleOutcome.None;
        }

        // log(1 / (1 + exp(z))) = LogSigmoid(-z)
        if (function == MathFunction.Log
            && StabilityMatcher.TryGetSingleArgument(anchor, out IOperation argument)
            && matcher.IsBinary(argument, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            && matcher.IsOne(numerator)
            && matcher.TryGetOnePlus(denominator, out IOperation other)
            && matcher.TryGetExp(other, cancellationToken, out z, out local)
            && !matcher.IsStableExpArgument(z, anchor))
        {
            bool negated = matcher.IsNegation(z, out IOperation x);
            return RuleOutcome.Found(new StabilityMatch(this, anchor, anchor)
            {
                X = negated ? x : z,
                NegateX = !negated,
                ExpArgument = negated ? x : z,
                ExpLocalDeclarator = local,
            });
        }

        return RuleOutcome.None;
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("709.78", "88.72"), bounds.Of("36.74", "16.64") };
}
