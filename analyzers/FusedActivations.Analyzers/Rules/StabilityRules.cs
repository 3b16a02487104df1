using System;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Analyzers.Matching;

namespace FusedActivations.Analyzers.Rules;

/// <summary>Every rule, and per anchor call the rules rooted at it in order of precedence.</summary>
internal static class StabilityRules
{
    /// <summary>Every rule, in ID order.</summary>
    public static ImmutableArray<IStabilityRule> All { get; } = ImmutableArray.Create<IStabilityRule>(
        NaiveSoftplusRule.Instance,
        NaiveInverseSoftplusRule.Instance,
        NaiveLogAddExpRule.Instance,
        NaiveSigmoidRule.Instance,
        NaiveLogSigmoidRule.Instance,
        ImpreciseLog1PRule.Instance,
        ImpreciseExpM1Rule.Instance,
        NaiveTanhRule.Instance,
        CancellingTanhRule.Instance,
        TanhGeluRule.Instance,
        NaiveLog1MExpRule.Instance,
        UnshiftedSoftmaxRule.Instance);

    private static readonly ImmutableArray<IStabilityRule>[] ByAnchor = CreateByAnchor();

    /// <summary>The rules whose forms are rooted at a call of <paramref name="function"/>, in order of precedence.</summary>
    public static ImmutableArray<IStabilityRule> RootedAt(MathFunction function) =>
        (int)function >= 0 && (int)function < ByAnchor.Length ? ByAnchor[(int)function] : ImmutableArray<IStabilityRule>.Empty;

    private static ImmutableArray<IStabilityRule>[] CreateByAnchor()
    {
        var byAnchor = new ImmutableArray<IStabilityRule>[Enum.GetValues(typeof(MathFunction)).Length];
        for (int i = 0; i < byAnchor.Length; i++)
        {
            byAnchor[i] = All.Where(rule => rule.Anchors.Contains((MathFunction)i)).OrderBy(rule => rule.Precedence).ToImmutableArray();
        }

        return byAnchor;
    }
}
