using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2008: tanh written with exp, <c>(exp(z) - exp(-z)) / (exp(z) + exp(-z))</c> (either term first in the
/// denominator) and <c>(exp(2x) - 1) / (exp(2x) + 1)</c> (<c>2 * x</c> or <c>x * 2</c>) → <c>Math.Tanh</c> /
/// <c>MathF.Tanh</c>. Rooted at the numerator's first exp, before FA2007, whose <c>exp(2x) - 1</c> it contains.
/// The second form with exp of a provably non-positive argument cannot overflow: it is left to FA2007 (its numerator
/// still cancels near 0).
/// </summary>
internal sealed class NaiveTanhRule : IStabilityRule
{
    /// <summary><see cref="StabilityMatch.Variant"/> of the second form.</summary>
    public const string DoubledVariant = "exp(2x)";

    public static readonly NaiveTanhRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveTanh;

    public FusedFunction Function => FusedFunction.Tanh;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Exp);

    public int Precedence => 5;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation z)
            || StabilityMatcher.UpParent(anchor) is not { } difference
            || !matcher.IsBinary(difference, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation minuend, out IOperation subtrahend)
            || !StabilityMatcher.IsSame(minuend, anchor)
            || StabilityMatcher.UpParent(difference) is not { } quotient
            || !matcher.IsBinary(quotient, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            || !StabilityMatcher.IsSame(numerator, difference)
            || !matcher.IsBinary(denominator, BinaryOperatorKind.Add, MathFunction.Add, out IOperation first, out IOperation second))
        {
            return RuleOutcome.None;
        }

        // (exp(2x) - 1) / (exp(2x) + 1) = tanh(x)
        if (matcher.IsOne(subtrahend))
        {
            IOperation? sameExp = matcher.IsOne(first) ? second : matcher.IsOne(second) ? first : null;
            if (sameExp is null
                || !matcher.TryGetExp(sameExp, cancellationToken, out IOperation z2, out _)
                || !Equivalence.AreEquivalent(z, z2)
                || !TryHalve(z, matcher, out IOperation x)
                || matcher.IsStableExpArgument(z, anchor))
            {
                return RuleOutcome.None;
            }

            return RuleOutcome.Found(new StabilityMatch(this, quotient, anchor) { X = x, ExpArgument = z, Variant = DoubledVariant });
        }

        // (exp(z) - exp(-z)) / (exp(z) + exp(-z)) = tanh(z), whichever of z and -z is written as a negation
        if (!matcher.TryGetExp(subtrahend, cancellationToken, out IOperation minusZ, out _)
            || !(IsNegationOf(minusZ, z, matcher) || IsNegationOf(z, minusZ, matcher))
            || !matcher.TryGetExp(first, cancellationToken, out IOperation d1, out _)
            || !matcher.TryGetExp(second, cancellationToken, out IOperation d2, out _)
            || !((Equivalence.AreEquivalent(d1, z) && Equivalence.AreEquivalent(d2, minusZ))
                || (Equivalence.AreEquivalent(d1, minusZ) && Equivalence.AreEquivalent(d2, z))))
        {
            return RuleOutcome.None;
        }

        return StabilityMatcher.IsConstant(z)
            ? RuleOutcome.Stable
            : RuleOutcome.Found(new StabilityMatch(this, quotient, anchor) { X = z, ExpArgument = z });
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) => new object[]
    {
        StabilityMatcher.ExpressionText(match),
        StabilityMatcher.TextOf(match.X!),
        match.Variant == DoubledVariant ? "x > " + bounds.Of("354.89", "44.36") : "|x| > " + bounds.Of("709.78", "88.72"),
    };

    /// <summary><paramref name="negated"/> is <c>-operand</c>.</summary>
    private static bool IsNegationOf(IOperation negated, IOperation operand, StabilityMatcher matcher) =>
        matcher.IsNegation(negated, out IOperation inner) && Equivalence.AreEquivalent(inner, operand);

    /// <summary><c>2 * x</c> or <c>x * 2</c>, 2 a constant (2, 2.0, 2f): <paramref name="half"/> is x.</summary>
    private static bool TryHalve(IOperation doubled, StabilityMatcher matcher, out IOperation half)
    {
        half = null!;
        if (!matcher.IsBinary(doubled, BinaryOperatorKind.Multiply, MathFunction.Multiply, out IOperation left, out IOperation right))
        {
            return false;
        }

        if (StabilityMatcher.TryGetNumber(left, out double l) && l == 2)
        {
            half = right;
        }
        else if (StabilityMatcher.TryGetNumber(right, out double r) && r == 2)
        {
            half = left;
        }

        return half is not null;
    }
}
