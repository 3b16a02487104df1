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
    public void EveryGeneratorSeedPassesTheStrictestOracleAndIsImplemented()
    {
        foreach (Seed seed in HostileSeeds.Generator)
        {
            HostileResponse response = HostileOracle.Check(new HostileRequest(0, new HostileCase("seed", seed.Name, new[] { seed.Source }, OracleKind.Swap)));
            Assert.True(response.Failures.Count == 0, seed.Name + ": " + string.Join("\n", response.Failures));
            Assert.True(response.GeneratedFiles >= 1, seed.Name + " generated nothing");
            Assert.Equal(0, response.FaErrors);
            Assert.Empty(response.Tolerated);
        }
    }

    [Fact]
    public void TheFamilysParametersGetEveryHostileLiteral()
    {
        // The literal swaps know arguments by attribute: a seed whose attributes they do not know would get none.
        string[] swapped = HostileSeeds.Generator
            .Where(seed => seed.Name is nameof(HostileSeeds.FamilyNegativeSlope) or nameof(HostileSeeds.FamilyAlpha))
            .SelectMany(Mutators.LiteralSwaps)
            .Select(c => c.Description)
            .ToArray();
        Assert.Equal(2 * 2 * Mutators.HostileLiterals.Length, swapped.Length);
        Assert.Contains(swapped, d => d.EndsWith(": NegativeSlope = double.NaN", StringComparison.Ordinal));
        Assert.Contains(swapped, d => d.EndsWith(": Alpha = -0.0", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFusedSeedsRenameTheMethodsAndTheirFormulasNames()
    {
        // The identifier swaps know fused methods and their formulas: the names the fused kernel derives its own from.
        IReadOnlyList<UserIdentifier> identifiers = IdentifierSwaps.FindUserIdentifiers(HostileSeeds.FusedGateGradient);
        Assert.Equal(
            new[] { "GluBackward method", "a parameter", "b parameter", "s parameter", "gradOutput parameter", "gradA parameter", "gradB parameter",
                "a formula parameter", "b formula parameter", "s formula parameter", "t formula local", "Gate type", "Fused namespace", "Hostile namespace" },
            identifiers.Select(i => i.Name + " " + i.Kind).ToArray());
        Assert.Equal(2, identifiers.Single(i => i.Kind == "formula local").Spans.Length);

        // A method named like its formula (the form): renaming one leaves the other, and nameof, alone.
        IReadOnlyList<UserIdentifier> head = IdentifierSwaps.FindUserIdentifiers(HostileSeeds.FusedScaleHead);
        Assert.Single(head.Single(i => i.Name == "Scale").Spans);
        Assert.Contains(head, i => i.Name == "raw" && i.Kind == "formula parameter");
    }

    [Fact]
    public void TheOracleSeesErrorsInGeneratedCode()
    {
        // A look-alike of an intrinsics type in the user's compilation takes the place of the real one in the generated
        // kernel (no generator can avoid that), while the user's own file never mentions it: the oracle must blame the
        // generated file. (If the generator ever reports such look-alikes with an FA error, choose another input.)
        const string lookAlike = """
            namespace System.Runtime.Intrinsics
            {
                public static class Vector128 { }
            }
            """;
        HostileResponse response = HostileOracle.Check(new HostileRequest(0, new HostileCase(
            "guard", "look-alike Vector128", new[] { HostileSeeds.All[0].Source, lookAlike }, OracleKind.Swap)));
        Assert.Equal(1, response.GeneratedFiles);
        Assert.Contains(response.Failures, f => f.Signature.EndsWith("in a generated file", StringComparison.Ordinal));

        // Broken user code whose generated file is fine: no failure.
        HostileResponse broken = HostileOracle.Check(new HostileRequest(0, new HostileCase(
            "guard", "extra brace", new[] { HostileSeeds.All[0].Source + "\n}" }, OracleKind.Broken)));
        Assert.Empty(broken.Failures);
        Assert.Equal(1, broken.GeneratedFiles);
    }

    [Fact]
    public async System.Threading.Tasks.Task TheAnalyzerSeedExercisesTheAnalyzer()
    {
        // The analyzer must report on the NaiveMath seed, or its mutants would not test the analyzer or the fixes.
        var compilation = Infrastructure.TestCompilation.Create(HostileSeeds.NaiveMath);
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        string[] ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "FA2001", "FA2003", "FA2004", "FA2006", "FA2007" }, ids);

        // The oracle computes the fixes offered for them (FusedMath for most, and a kernel for the loop).
        HostileResponse response = HostileOracle.Check(new HostileRequest(0, new HostileCase("guard", "NaiveMath", new[] { HostileSeeds.NaiveMath }, OracleKind.Broken)));
        Assert.Empty(response.Failures);
        Assert.True(response.FixesComputed >= 5, $"{response.FixesComputed} fixes computed");
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
        foreach (string expected in new[] { "destination", "Apply", "System", "FusedActivations", "Generated", "global" })
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
