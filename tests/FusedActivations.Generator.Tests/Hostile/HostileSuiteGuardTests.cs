using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// Guards the hostile suite against passing for the wrong reason: seeds the generator ignores, an oracle that sees
/// nothing, an analyzer that reports nothing, a pool that cannot detect a hang or a crash.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileSuiteGuardTests
{
    [Fact]
    public void EverySeedPassesTheStrictestOracleAndIsImplemented()
    {
        foreach (Seed seed in HostileSeeds.All)
        {
            HostileResponse response = HostileOracle.Check(new HostileRequest(0, new HostileCase("seed", seed.Name, new[] { seed.Source }, OracleKind.Swap)));
            Assert.True(response.Failures.Count == 0, seed.Name + ": " + string.Join("\n", response.Failures));
            Assert.True(response.GeneratedFiles >= 1, seed.Name + " generated nothing");
            Assert.Equal(0, response.FaErrors);
            Assert.Empty(response.Tolerated);
        }
    }

    [Fact]
    public void TheOracleSeesErrorsInGeneratedCode()
    {
        // A parameter named like a local of the generated body: whatever the generator does about it, the oracle must
        // either see no error or report it; here it checks that a deliberately colliding user type is seen at all.
        string source = HostileSeeds.All[0].Source.Replace("public static partial class Activations", "public static partial class Activations { }\npublic static partial class Activations2");
        HostileResponse response = HostileOracle.Check(new HostileRequest(0, new HostileCase("guard", "two types", new[] { source }, OracleKind.Swap)));
        Assert.Equal(1, response.GeneratedFiles);

        // Broken user code whose generated file is fine: no failure.
        HostileResponse broken = HostileOracle.Check(new HostileRequest(0, new HostileCase(
            "guard", "extra brace", new[] { HostileSeeds.Mixed + "\n}" }, OracleKind.Broken)));
        Assert.Empty(broken.Failures);
        Assert.Equal(1, broken.GeneratedFiles);
    }

    [Fact]
    public async System.Threading.Tasks.Task TheMixedSeedExercisesTheAnalyzer()
    {
        // The analyzer must report on the Mixed seed, or its mutants would not test the analyzer or the fixes.
        var compilation = Infrastructure.TestCompilation.Create(HostileSeeds.Mixed);
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        string[] ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "FA2001", "FA2003", "FA2004", "FA2006", "FA2007" }, ids);
    }

    [Fact]
    public void ThePoolTurnsAHangIntoAFailureAndGoesOn()
    {
        var cases = new[]
        {
            new HostileCase("self-test", "spins forever", new[] { "class C { }" }, OracleKind.SelfTestSpin),
            new HostileCase("self-test", "a seed after the hang", new[] { HostileSeeds.All[0].Source }, OracleKind.Broken),
        };
        IReadOnlyList<CaseOutcome> outcomes = WorkerPool.Shared.Run(cases, TimeSpan.FromSeconds(3));
        HostileFailure hang = Assert.Single(outcomes[0].Failures);
        Assert.StartsWith("timeout", hang.Signature, StringComparison.Ordinal);
        Assert.Empty(outcomes[1].Failures);
        Assert.Equal(1, outcomes[1].Response!.GeneratedFiles);
    }

    [Fact]
    public void ThePoolTurnsACrashIntoAFailureAndGoesOn()
    {
        var cases = new[]
        {
            new HostileCase("self-test", "worker exits", new[] { "class C { }" }, OracleKind.SelfTestCrash),
            new HostileCase("self-test", "a seed after the crash", new[] { HostileSeeds.All[1].Source }, OracleKind.Broken),
        };
        IReadOnlyList<CaseOutcome> outcomes = WorkerPool.Shared.Run(cases);
        HostileFailure crash = Assert.Single(outcomes[0].Failures);
        Assert.StartsWith("worker process died (exit code 3)", crash.Signature, StringComparison.Ordinal);
        Assert.Empty(outcomes[1].Failures);
    }

    [Fact]
    public void GeneratedNamesAreCollectedFromTheGeneratedText()
    {
        GeneratedNames names = IdentifierSwaps.CollectGeneratedNames(HostileSeeds.All[0].Source);
        foreach (string expected in new[] { "offset", "nameof", "destination", "System", "FusedActivations", "Generated", "global" })
        {
            Assert.Contains(expected, names.InUserScope);
        }

        Assert.Contains("Vector512", names.InKernel);
        IReadOnlyList<UserIdentifier> identifiers = IdentifierSwaps.FindUserIdentifiers(HostileSeeds.All[3].Source);
        Assert.Equal(
            new[] { "Apply", "x", "destination", "Inner", "U", "Outer", "T", "Nested", "Samples" },
            identifiers.Select(i => i.Name).ToArray());
        Assert.Equal(2, identifiers.Single(i => i.Name == "T").Spans.Length);
    }
}
