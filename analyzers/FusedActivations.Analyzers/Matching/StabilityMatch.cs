using FusedActivations.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Analyzers.Matching;

/// <summary>The accurate function of the runtime library that replaces a naive expression.</summary>
internal enum FusedFunction
{
    Softplus,
    InverseSoftplus,
    LogAddExp,
    Sigmoid,
    LogSigmoid,
    Log1P,
    ExpM1,

    /// <summary>.NET's own <c>Math.Tanh</c> / <c>MathF.Tanh</c>, accurate already (FA2008).</summary>
    Tanh,

    /// <summary><c>2 * FusedMath.Sigmoid(2 * X)</c>, or of <c>-2 * X</c> with <see cref="StabilityMatch.NegateX"/> (FA2009: 1 ± tanh(X)).</summary>
    TwiceSigmoid,

    /// <summary><c>FusedMath.GeluTanh</c>: the whole tanh approximation of GELU (FA2009's formula form).</summary>
    GeluTanh,

    /// <summary><c>FusedMath.Log1MExp</c>: log(1 - exp(x)) (FA2010).</summary>
    Log1MExp,

    /// <summary>No function: the sum's exps subtract the maximum and its logs add it back (FA2011, <see cref="StabilityMatch.Sum"/>).</summary>
    SubtractMaximum,
}

/// <summary>
/// One naive expression found by a rule (<see cref="IStabilityRule"/>): what it computes, where to report it and the
/// operands the fix passes to <c>FusedMath</c>. Shared by the analyzer (which reports it) and the code fixes (which
/// match the reported node again and rewrite it), so that both always agree. Immutable: a rule builds it whole.
/// </summary>
internal sealed class StabilityMatch
{
    public StabilityMatch(IStabilityRule rule, IOperation report, IOperation core)
    {
        Rule = rule;
        Report = report;
        Core = core;
    }

    /// <summary>The rule that found it.</summary>
    public IStabilityRule Rule { get; }

    /// <summary>The rule's diagnostic.</summary>
    public DiagnosticDescriptor Descriptor => Rule.Descriptor;

    /// <summary>The accurate replacement.</summary>
    public FusedFunction Function => Rule.Function;

    /// <summary>The whole naive expression: the diagnostic's location and the node a fix replaces.</summary>
    public IOperation Report { get; }

    /// <summary>The call whose type is the element type: the Log (or Exp) call of the pattern.</summary>
    public IOperation Core { get; }

    /// <summary>The argument of exp in the pattern (<c>z</c> in <c>log(1 + exp(z))</c>), for the message.</summary>
    public IOperation? ExpArgument { get; init; }

    /// <summary>First argument of the replacement (<c>x</c>, or <c>a</c> of LogAddExp).</summary>
    public IOperation? X { get; init; }

    /// <summary>When set, the replacement's first argument is <c>-X</c> (log(1/(1+exp(z))) = LogSigmoid(-z)).</summary>
    public bool NegateX { get; init; }

    /// <summary>Second argument of the replacement: beta, or <c>b</c> of LogAddExp.</summary>
    public IOperation? Second { get; init; }

    /// <summary>When exp(z) was stored in a local just before, that local's declarator.</summary>
    public VariableDeclaratorSyntax? ExpLocalDeclarator { get; init; }

    /// <summary>Which spelling of its form a rule matched, when its message differs between them (FA2008: <c>exp(2x)</c>).</summary>
    public string? Variant { get; init; }

    /// <summary>The sum of exps of a softmax or log-sum-exp (FA2011), with what is done with it.</summary>
    public ExpSum? Sum { get; init; }

    /// <summary>Whether it is a span API (TensorPrimitives) that has no scalar replacement.</summary>
    public bool IsSpanApi { get; init; }

    /// <summary>The element type the expression computes in (double, float, T, or a vector type).</summary>
    public ITypeSymbol? ResultType => Core.Type;
}
