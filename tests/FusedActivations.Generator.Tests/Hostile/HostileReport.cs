using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// Turns the outcomes of a run into a test result: failures grouped by kind, each group with its count and its
/// smallest mutant in full. Statistics (cases, time, tolerated outcomes) go to the test output. With
/// FUSEDACTIVATIONS_HOSTILE_REPORT_DIR set, every group with every description is also written to a file there.
/// </summary>
internal static class HostileReport
{
    private const int MaxGroupsInMessage = 25;
    private const int MaxExampleLength = 4000;

    public static void Assert(string title, IReadOnlyList<CaseOutcome> outcomes, ITestOutputHelper output, TimeSpan elapsed)
    {
        // One group per set of failure kinds: a mutant that breaks the generated code in 60 ways is one failure.
        var groups = outcomes
            .Where(o => o.Failures.Count > 0)
            .GroupBy(o => string.Join(" + ", o.Failures.Select(f => f.Signature).Distinct().Order(StringComparer.Ordinal)))
            .OrderByDescending(g => g.Count())
            .ToArray();
        int failedCases = groups.Sum(g => g.Count());

        var stats = new StringBuilder();
        double cpu = outcomes.Sum(o => o.Response?.CpuMilliseconds ?? 0) / 1000;
        stats.AppendLine(CultureInfo.InvariantCulture, $"{title}: {outcomes.Count} cases in {elapsed.TotalSeconds:0.0} s ({cpu:0.0} s of worker CPU), {failedCases} failed, {groups.Length} distinct failures");
        stats.AppendLine(CultureInfo.InvariantCulture, $"  cases that generated code: {outcomes.Count(o => o.Response?.GeneratedFiles > 0)}, with one FA error: {outcomes.Count(o => o.Response?.FaErrors == 1)}, code fixes computed: {outcomes.Sum(o => o.Response?.FixesComputed ?? 0)} in {outcomes.Count(o => o.Response?.FixesComputed > 0)} cases");
        foreach (IGrouping<string, string> note in outcomes.SelectMany(o => o.Response?.Tolerated.Distinct() ?? Enumerable.Empty<string>()).GroupBy(n => n).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            stats.AppendLine(CultureInfo.InvariantCulture, $"  tolerated: {note.Key}: {note.Count()} cases");
        }

        CaseOutcome slowest = outcomes.MaxBy(o => o.Response?.CpuMilliseconds ?? 0)!;
        stats.AppendLine(CultureInfo.InvariantCulture, $"  slowest answered case: {slowest.Response?.CpuMilliseconds ?? 0:0} ms CPU, {slowest.Milliseconds:0} ms wall ({slowest.Case.Description})");
        output.WriteLine(stats.ToString());

        if (groups.Length == 0)
        {
            return;
        }

        var message = new StringBuilder(stats.ToString());
        foreach (IGrouping<string, CaseOutcome> group in groups.Take(MaxGroupsInMessage))
        {
            AppendGroup(message, group.Key, group.ToArray(), full: false);
        }

        if (groups.Length > MaxGroupsInMessage)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"... and {groups.Length - MaxGroupsInMessage} more kinds of failure.");
        }

        if (Environment.GetEnvironmentVariable("FUSEDACTIVATIONS_HOSTILE_REPORT_DIR") is { Length: > 0 } directory)
        {
            var all = new StringBuilder(stats.ToString());
            foreach (IGrouping<string, CaseOutcome> group in groups)
            {
                AppendGroup(all, group.Key, group.ToArray(), full: true);
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, title.Replace(' ', '-') + ".txt"), all.ToString());
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private static void AppendGroup(StringBuilder text, string signature, CaseOutcome[] members, bool full)
    {
        CaseOutcome example = members.MinBy(m => m.Case.Text.Length)!;
        string operators = string.Join(", ", members.Select(m => m.Case.Operator).Distinct());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"=== {signature}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    {members.Length} cases ({operators}); smallest: {example.Case.Description}");
        foreach (HostileFailure failure in example.Failures.Take(full ? int.MaxValue : 4))
        {
            text.AppendLine("    " + Clip(failure.Detail, full ? int.MaxValue : 1500).Replace("\n", "\n    "));
        }

        if (!full && example.Failures.Count > 4)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    ... {example.Failures.Count - 4} more");
        }

        text.AppendLine("    --- mutant ---");
        text.AppendLine("    " + Clip(example.Case.Text, full ? int.MaxValue : MaxExampleLength).Replace("\n", "\n    "));
        if (full)
        {
            text.AppendLine("    --- every case ---");
            foreach (CaseOutcome outcome in members)
            {
                text.AppendLine("    " + outcome.Case.Description);
            }
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + " ...";
}
