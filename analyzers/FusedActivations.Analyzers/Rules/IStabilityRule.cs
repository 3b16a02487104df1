using System.Collections.Immutable;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// One FA2xxx rule: the calls its naive form is rooted at (<see cref="Anchors"/>), where it stands among the rules of
/// the same anchor (<see cref="Precedence"/>), how it recognises its form with the shared operation patterns of
/// <see cref="StabilityMatcher"/>, the numbers of its message, and the <c>FusedMath</c> function its fix calls.
/// </summary>
internal interface IStabilityRule
{
    /// <summary>The rule's diagnostic.</summary>
    DiagnosticDescriptor Descriptor { get; }

    /// <summary>The accurate replacement the code fix writes.</summary>
    FusedFunction Function { get; }

    /// <summary>The calls a naive form of this rule is rooted at: the analyzer listens to invocations only.</summary>
    ImmutableArray<MathFunction> Anchors { get; }

    /// <summary>
    /// Lower goes first among the rules of an anchor: a form that contains another (softplus contains log(1 + x)) comes
    /// before it, so the first rule that recognises its form decides, reporting it or declaring it stable.
    /// </summary>
    int Precedence { get; }

    /// <summary>
    /// Whether <paramref name="anchor"/> (one of <see cref="Anchors"/>) roots this rule's form: not at all, in a stable
    /// variant (nothing to report and no other rule looks), or as a naive expression to report.
    /// </summary>
    RuleOutcome Match(IInvocationOperation anchor, MathFunction function, StabilityMatcher matcher, CancellationToken cancellationToken);

    /// <summary>The message's arguments: the operand and the bounds where the naive form breaks, for the match's element type.</summary>
    object[] MessageArguments(StabilityMatch match, MessageBounds bounds);
}

/// <summary>What a rule made of an anchor.</summary>
internal readonly struct RuleOutcome
{
    private RuleOutcome(bool recognised, StabilityMatch? match)
    {
        Recognised = recognised;
        Match = match;
    }

    /// <summary>Not this rule's form: the next rule looks.</summary>
    public static RuleOutcome None => default;

    /// <summary>This rule's form, in a stable variant (exp of a non-positive or constant argument): nothing is reported.</summary>
    public static RuleOutcome Stable => new(true, null);

    /// <summary>Whether the rule recognised its form (no later rule looks).</summary>
    public bool Recognised { get; }

    /// <summary>The naive expression to report, when there is one.</summary>
    public StabilityMatch? Match { get; }

    /// <summary>A naive expression to report.</summary>
    public static RuleOutcome Found(StabilityMatch match) => new(true, match);
}
