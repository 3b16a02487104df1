using System;
using System.Threading;
using FusedActivations.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// The shared matcher of operation patterns the rules (<see cref="IStabilityRule"/>, one file each under Rules/) are
/// written with, and the dispatch from a call to the rules rooted at it. Patterns work on the operation tree, so every
/// spelling that binds to the same operations is found: <c>Math</c>/<c>MathF</c>/<c>double.</c>/<c>float.</c>,
/// <c>using static</c>, generic math (<c>T.Log</c>, <c>T.One</c>, <c>+</c> through <c>IAdditionOperators</c>),
/// <c>Vector128.Log</c> with <c>+</c> or <c>Add</c>, any literal spelling of 1 and any parentheses (the C# operation
/// tree has none).
/// </summary>
/// <remarks>
/// Every match starts at a call of a rule's anchor (so the analyzer only listens to invocations) and walks a few
/// operations down and up. Nothing here throws on erroneous code: unbound calls are <see cref="IInvalidOperation"/>s and
/// never match. Every walk over an operand (sign, purity, equivalence, |x| search, branch conditions) uses an explicit
/// stack: operands can be 20,000-term sums, whose trees are as deep as they are long, and the compiler's thread has
/// 1 MB of stack (issue 10). The parts: dispatch and the patterns shared by several rules (this file), operation shapes
/// (<c>.Shapes</c>), exp locals (<c>.Locals</c>), signs (<c>.Signs</c>), message text (<c>.Messages</c>), and
/// <see cref="Equivalence"/>.
/// </remarks>
internal sealed partial class StabilityMatcher
{
    private readonly KnownSymbols _symbols;

    public StabilityMatcher(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The compilation's well-known symbols.</summary>
    internal KnownSymbols Symbols => _symbols;

    /// <summary>
    /// The naive expression that <paramref name="invocation"/> is the root call of, or null: the rules of its anchor in
    /// order of precedence, the first that recognises its form deciding.
    /// </summary>
    public StabilityMatch? Match(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        MathFunction function = _symbols.Classify(invocation.TargetMethod);
        foreach (IStabilityRule rule in StabilityRules.RootedAt(function))
        {
            RuleOutcome outcome = rule.Match(invocation, function, this, cancellationToken);
            if (outcome.Recognised)
            {
                return outcome.Match;
            }
        }

        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Patterns shared by several rules

    /// <summary>
    /// <c>log(1 + exp(z))</c>, <c>log(exp(z) + 1)</c> or <c>LogP1(exp(z))</c> rooted at <paramref name="log"/> (a Log or
    /// LogP1 call, <paramref name="function"/>): the softplus shape, which FA2001 and FA2005 start from.
    /// </summary>
    internal bool TryGetSoftplusShape(IInvocationOperation log, MathFunction function, CancellationToken cancellationToken, out IOperation z, out VariableDeclaratorSyntax? local)
    {
        z = null!;
        local = null;
        if (!TryGetSingleArgument(log, out IOperation argument))
        {
            return false;
        }

        if (function == MathFunction.LogP1)
        {
            return TryGetExp(argument, cancellationToken, out z, out local);
        }

        return function == MathFunction.Log
            && TryGetOnePlus(argument, out IOperation other)
            && TryGetExp(other, cancellationToken, out z, out local);
    }

    /// <summary><c>1 + x</c> or <c>x + 1</c> in any spelling of 1: <paramref name="other"/> is <c>x</c>.</summary>
    internal bool TryGetOnePlus(IOperation operation, out IOperation other)
    {
        other = null!;
        if (!IsBinary(operation, BinaryOperatorKind.Add, MathFunction.Add, out IOperation left, out IOperation right))
        {
            return false;
        }

        other = IsOne(left) ? right : IsOne(right) ? left : null!;
        return other is not null;
    }

    /// <summary>
    /// Whether exp's argument <paramref name="z"/> makes the form stable where it stands (<paramref name="context"/>): a
    /// constant, or provably non-positive (exp(-|x|) and friends are the bounded piece of the stable formula).
    /// </summary>
    internal bool IsStableExpArgument(IOperation z, IOperation context) => IsConstant(z) || IsProvablyNonPositive(z, context);

    /// <summary>
    /// Softplus and inverse softplus with the scaling by beta: <c>f(beta * x) / beta</c>, <c>f(x * beta) / beta</c>,
    /// <c>(1 / beta) * f(beta * x)</c>, <c>f(2 * x) * 0.5</c>. Without a matching beta outside, the whole exp argument
    /// is x.
    /// </summary>
    internal StabilityMatch MatchScaled(IStabilityRule rule, IOperation core, IOperation z, VariableDeclaratorSyntax? local)
    {
        var match = new StabilityMatch(rule, core, core) { X = z, ExpArgument = z, ExpLocalDeclarator = local };
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
            return new StabilityMatch(rule, parent, core) { X = zRight, Second = zLeft, ExpArgument = z, ExpLocalDeclarator = local };
        }

        return IsBeta(zRight)
            ? new StabilityMatch(rule, parent, core) { X = zLeft, Second = zRight, ExpArgument = z, ExpLocalDeclarator = local }
            : match;
    }
}
