using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// Recognises the naive forms on the operation tree, so that every spelling that binds to the same operations is
/// found: <c>Math</c>/<c>MathF</c>/<c>double.</c>/<c>float.</c>, <c>using static</c>, generic math (<c>T.Log</c>,
/// <c>T.One</c>, <c>+</c> through <c>IAdditionOperators</c>), <c>Vector128.Log</c> with <c>+</c> or <c>Add</c>, any
/// literal spelling of 1 and any parentheses (the C# operation tree has none).
/// </summary>
/// <remarks>
/// Every match starts at a Log, LogP1, Exp or ExpM1 call (so the analyzer only listens to invocations) and walks a
/// few operations down and up. Nothing here throws on erroneous code: unbound calls are
/// <see cref="IInvalidOperation"/>s and never match. Every walk over an operand (sign, purity, equivalence, |x|
/// search, branch conditions) uses an explicit stack: operands can be 20,000-term sums, whose trees are as deep as
/// they are long, and the compiler's thread has 1 MB of stack (issue 10). The parts: patterns (this file),
/// operation shapes (<c>.Shapes</c>), exp locals (<c>.Locals</c>), signs (<c>.Signs</c>), messages (<c>.Messages</c>),
/// and <see cref="Equivalence"/>.
/// </remarks>
internal sealed partial class StabilityMatcher
{
    private readonly KnownSymbols _symbols;

    public StabilityMatcher(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The naive pattern that <paramref name="invocation"/> is the root call of, or null.</summary>
    public StabilityMatch? Match(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        switch (_symbols.Classify(invocation.TargetMethod))
        {
            case MathFunction.Log:
                return MatchLog(invocation, cancellationToken);
            case MathFunction.LogP1:
                return MatchLogP1(invocation, cancellationToken);
            case MathFunction.Exp:
                return MatchExp(invocation, cancellationToken);
            case MathFunction.ExpM1:
                return MatchExpM1(invocation);
            case MathFunction.SpanLogP1:
                return new StabilityMatch(Descriptors.ImpreciseLog1P, FusedFunction.Log1P, invocation, invocation) { IsSpanApi = true };
            case MathFunction.SpanExpM1:
                return new StabilityMatch(Descriptors.ImpreciseExpM1, FusedFunction.ExpM1, invocation, invocation) { IsSpanApi = true };
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Patterns rooted at a call

    private StabilityMatch? MatchLog(IInvocationOperation log, CancellationToken cancellationToken)
    {
        if (!TryGetSingleArgument(log, out IOperation argument))
        {
            return null;
        }

        // log(1 + exp(z)), log(exp(z) + 1), log(1 + x), log(exp(a) + exp(b))
        if (IsBinary(argument, BinaryOperatorKind.Add, MathFunction.Add, out IOperation left, out IOperation right))
        {
            IOperation? other = IsOne(left) ? right : IsOne(right) ? left : null;
            if (other is not null)
            {
                if (TryGetExp(other, cancellationToken, out IOperation? z, out VariableDeclaratorSyntax? local))
                {
                    return MatchSoftplus(log, z, local);
                }

                return IsConstant(other)
                    ? null
                    : new StabilityMatch(Descriptors.ImpreciseLog1P, FusedFunction.Log1P, log, log) { X = other };
            }

            if (TryGetExp(left, cancellationToken, out IOperation? a, out _)
                && TryGetExp(right, cancellationToken, out IOperation? b, out _))
            {
                return IsConstant(a) && IsConstant(b)
                    ? null
                    : new StabilityMatch(Descriptors.NaiveLogAddExp, FusedFunction.LogAddExp, log, log) { X = a, Second = b, ExpArgument = a };
            }

            return null;
        }

        // log(exp(y) - 1), log(ExpM1(y))
        IOperation? y = null;
        VariableDeclaratorSyntax? yLocal = null;
        if (IsBinary(argument, BinaryOperatorKind.Subtract, MathFunction.Subtract, out left, out right))
        {
            if (IsOne(right) && TryGetExp(left, cancellationToken, out IOperation? expArgument, out yLocal))
            {
                y = expArgument;
            }
        }
        else if (IsCall(argument, MathFunction.ExpM1, out IOperation expM1Argument))
        {
            y = expM1Argument;
        }

        if (y is not null)
        {
            return IsConstant(y) ? null : MatchScaled(Descriptors.NaiveInverseSoftplus, FusedFunction.InverseSoftplus, log, y, yLocal);
        }

        // log(1 / (1 + exp(z))) = LogSigmoid(-z)
        if (IsBinary(argument, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            && IsOne(numerator)
            && IsBinary(denominator, BinaryOperatorKind.Add, MathFunction.Add, out left, out right))
        {
            IOperation? other = IsOne(left) ? right : IsOne(right) ? left : null;
            if (other is not null
                && TryGetExp(other, cancellationToken, out IOperation? z, out VariableDeclaratorSyntax? local)
                && !IsConstant(z)
                && !IsProvablyNonPositive(z, log))
            {
                bool negated = IsNegation(z, out IOperation x);
                return new StabilityMatch(Descriptors.NaiveLogSigmoid, FusedFunction.LogSigmoid, log, log)
                {
                    X = negated ? x : z,
                    NegateX = !negated,
                    ExpArgument = negated ? x : z,
                    ExpLocalDeclarator = local,
                };
            }
        }

        return null;
    }

    private StabilityMatch? MatchLogP1(IInvocationOperation logP1, CancellationToken cancellationToken)
    {
        if (!TryGetSingleArgument(logP1, out IOperation argument))
        {
            return null;
        }

        if (TryGetExp(argument, cancellationToken, out IOperation? z, out VariableDeclaratorSyntax? local))
        {
            return MatchSoftplus(logP1, z, local);
        }

        return IsConstant(argument)
            ? null
            : new StabilityMatch(Descriptors.ImpreciseLog1P, FusedFunction.Log1P, logP1, logP1) { X = argument };
    }

    private StabilityMatch? MatchExpM1(IInvocationOperation expM1)
    {
        if (!TryGetSingleArgument(expM1, out IOperation argument) || IsConstant(argument) || IsInsideLog(expM1))
        {
            return null; // inside a Log it is an inverse softplus, reported at the Log
        }

        return new StabilityMatch(Descriptors.ImpreciseExpM1, FusedFunction.ExpM1, expM1, expM1) { X = argument };
    }

    private StabilityMatch? MatchExp(IInvocationOperation exp, CancellationToken cancellationToken)
    {
        if (!TryGetSingleArgument(exp, out IOperation z) || UpParent(exp) is not { } parent)
        {
            return null;
        }

        // exp(z) - 1
        if (IsBinary(parent, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation left, out IOperation right)
            && IsSame(left, exp)
            && IsOne(right))
        {
            return IsConstant(z) || IsInsideLog(parent)
                ? null
                : new StabilityMatch(Descriptors.ImpreciseExpM1, FusedFunction.ExpM1, parent, exp) { X = z };
        }

        // exp(z) / (1 + exp(z)): reported from the exp in the denominator
        if (IsBinary(parent, BinaryOperatorKind.Add, MathFunction.Add, out left, out right)
            && ((IsSame(left, exp) && IsOne(right)) || (IsSame(right, exp) && IsOne(left)))
            && UpParent(parent) is { } grandParent
            && IsBinary(grandParent, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            && IsSame(denominator, parent)
            && TryGetExp(numerator, cancellationToken, out IOperation? z2, out _)
            && Equivalence.AreEquivalent(z, z2)
            && !IsConstant(z)
            && !IsProvablyNonPositive(z, exp))
        {
            return new StabilityMatch(Descriptors.NaiveSigmoid, FusedFunction.Sigmoid, grandParent, exp) { X = z, ExpArgument = z };
        }

        return null;
    }

    /// <summary>log(1 + exp(z)) found at <paramref name="log"/>: a softplus, a scaled softplus or a log-sigmoid.</summary>
    private StabilityMatch? MatchSoftplus(IOperation log, IOperation z, VariableDeclaratorSyntax? local)
    {
        if (IsConstant(z) || IsProvablyNonPositive(z, log))
        {
            return null; // exp(-|x|) and friends are the bounded piece of the stable formula
        }

        // -log(1 + exp(-x)) = LogSigmoid(x)
        if (UpParent(log) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation && IsNegation(z, out IOperation x))
        {
            return new StabilityMatch(Descriptors.NaiveLogSigmoid, FusedFunction.LogSigmoid, negation, log)
            {
                X = x,
                ExpArgument = x,
                ExpLocalDeclarator = local,
            };
        }

        return MatchScaled(Descriptors.NaiveSoftplus, FusedFunction.Softplus, log, z, local);
    }

    /// <summary>
    /// Softplus and inverse softplus with the scaling by beta: <c>f(beta * x) / beta</c>, <c>f(x * beta) / beta</c>,
    /// <c>(1 / beta) * f(beta * x)</c>, <c>f(2 * x) * 0.5</c>. Without a matching beta outside, the whole exp argument
    /// is x.
    /// </summary>
    private StabilityMatch MatchScaled(DiagnosticDescriptor descriptor, FusedFunction function, IOperation core, IOperation z, VariableDeclaratorSyntax? local)
    {
        var match = new StabilityMatch(descriptor, function, core, core) { X = z, ExpArgument = z, ExpLocalDeclarator = local };
        if (UpParent(core) is not { } parent)
        {
            return match;
        }

        IOperation? outsideBeta = null;
        double? reciprocal = null;
        if (IsBinary(parent, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation left, out IOperation right) && IsSame(left, core))
        {
            outsideBeta = right;
        }
        else if (IsBinary(parent, BinaryOperatorKind.Multiply, MathFunction.Multiply, out left, out right) && (IsSame(left, core) || IsSame(right, core)))
        {
            IOperation factor = IsSame(left, core) ? right : left;
            if (IsBinary(factor, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation one, out IOperation divisor) && IsOne(one))
            {
                outsideBeta = divisor;
            }
            else if (TryGetNumber(factor, out double value) && value != 0)
            {
                reciprocal = value;
            }
        }

        if ((outsideBeta is null && reciprocal is null)
            || !IsBinary(z, BinaryOperatorKind.Multiply, MathFunction.Multiply, out IOperation zLeft, out IOperation zRight))
        {
            return match;
        }

        bool IsBeta(IOperation factor) => outsideBeta is not null
            ? Equivalence.AreEquivalent(factor, outsideBeta)
            : TryGetNumber(factor, out double inside) && Math.Abs((inside * reciprocal!.Value) - 1) < 1e-12;

        if (IsBeta(zLeft))
        {
            match = new StabilityMatch(descriptor, function, parent, core) { X = zRight, Second = zLeft, ExpArgument = z, ExpLocalDeclarator = local };
        }
        else if (IsBeta(zRight))
        {
            match = new StabilityMatch(descriptor, function, parent, core) { X = zLeft, Second = zRight, ExpArgument = z, ExpLocalDeclarator = local };
        }

        return match;
    }
}
