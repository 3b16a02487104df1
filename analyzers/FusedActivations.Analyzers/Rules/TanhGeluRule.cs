using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2009, the whole formula: the tanh approximation of GELU, <c>0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))</c>
/// (<see cref="StabilityMatcher.TryGetGeluTanh"/> for its spellings), whose <c>1 + tanh(u)</c> cancels in the left tail
/// → <c>FusedMath.GeluTanh(x)</c>, or in a map loop a <c>[Gelu(Approximate = GeluApproximation.Tanh)]</c> kernel.
/// Tried before <see cref="CancellingTanhRule"/>, which reports the <c>1 + tanh(u)</c> of any other product.
/// </summary>
internal sealed class TanhGeluRule : IStabilityRule
{
    public static readonly TanhGeluRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.CancellingTanh;

    public FusedFunction Function => FusedFunction.GeluTanh;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Tanh);

    public int Precedence => 5;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (StabilityMatcher.TryGetSingleArgument(anchor, out IOperation u)
            && StabilityMatcher.UpParent(anchor) is { } parent
            && matcher.TryGetOnePlus(parent, out IOperation other)
            && StabilityMatcher.IsSame(other, anchor)
            && !StabilityMatcher.IsConstant(u)
            && matcher.TryGetGeluTanh(parent, u, out IOperation x, out IOperation whole))
        {
            return RuleOutcome.Found(new StabilityMatch(this, whole, anchor) { X = x });
        }

        return RuleOutcome.None;
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) => new object[]
    {
        StabilityMatcher.ExpressionText(match),
        "x < -" + bounds.Of("7.20", "5.16") + " (u < -" + bounds.Of("19.06", "9.01") + ")",
        "FusedMath.GeluTanh(x)",
    };
}
