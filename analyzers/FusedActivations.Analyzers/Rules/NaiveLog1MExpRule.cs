using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2010: <c>log(1 - exp(x))</c> and <c>LogP1(-exp(x))</c> (.NET's LogP1 is <c>Log(x + 1)</c>) →
/// <c>FusedMath.Log1MExp</c>. Before FA2006, whose <c>LogP1(x)</c> it contains; stable for a constant x.
/// </summary>
internal sealed class NaiveLog1MExpRule : IStabilityRule
{
    public static readonly NaiveLog1MExpRule Instance = new();

    public DiagnosticDescriptor Descriptor => Descriptors.NaiveLog1MExp;

    public FusedFunction Function => FusedFunction.Log1MExp;

    public ImmutableArray<MathFunction> Anchors { get; } = ImmutableArray.Create(MathFunction.Log, MathFunction.LogP1);

    public int Precedence => 35;

    public RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (!StabilityMatcher.TryGetSingleArgument(anchor, out IOperation argument))
        {
            return RuleOutcome.None;
        }

        IOperation x;
        VariableDeclaratorSyntax? local;
        if (function == MathFunction.Log)
        {
            // log(1 - exp(x))
            if (!matcher.IsBinary(argument, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation one, out IOperation exp)
                || !matcher.IsOne(one)
                || !matcher.TryGetExp(exp, cancellationToken, out x, out local))
            {
                return RuleOutcome.None;
            }
        }
        else if (!matcher.IsNegation(argument, out IOperation negated) || !matcher.TryGetExp(negated, cancellationToken, out x, out local))
        {
            // LogP1(-exp(x))
            return RuleOutcome.None;
        }

        return StabilityMatcher.IsConstant(x)
            ? RuleOutcome.Stable
            : RuleOutcome.Found(new StabilityMatch(this, anchor, anchor) { X = x, ExpArgument = x, ExpLocalDeclarator = local });
    }

    public object[] MessageArguments(StabilityMatch match, MessageBounds bounds) =>
        new object[] { StabilityMatcher.OperandText(match), bounds.Of("-5.55e-17", "-2.98e-8"), bounds.Of("-37.43", "-17.33") };
}
