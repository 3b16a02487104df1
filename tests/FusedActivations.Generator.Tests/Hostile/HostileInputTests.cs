using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// The hostile-input gate: mutants of every seed (<see cref="HostileSeeds"/>) made by each mutation operator, checked
/// by <see cref="HostileOracle"/> in worker processes with a time budget per case (<see cref="WorkerPool"/>). Every
/// later activation and fused formula adds its seeds here and must pass.
/// </summary>
/// <remarks>
/// Where the cross product is too large the cases are a deterministic sample (fixed seed <see cref="SampleSeed"/>):
/// the same cases run every time, and the test output says how many. Failures are grouped by kind, each with its
/// smallest mutant in full.
/// </remarks>
[Collection(HostileCollection.Name)]
public sealed class HostileInputTests
{
    /// <summary>The seed of every deterministic sample.</summary>
    public const int SampleSeed = 20261130;

    /// <summary>Token replacements run (of about 11,000: every token of every seed times the vocabulary).</summary>
    public const int ReplacementSample = 1500;

    /// <summary>Renames to names written inside the kernel class, per seed (names in the user's scope all run).</summary>
    public const int KernelNameSamplePerSeed = 40;

    private readonly ITestOutputHelper _output;

    public HostileInputTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void EveryPrefix() =>
        Run("prefixes", HostileSeeds.All.SelectMany(Mutators.Prefixes).ToArray());

    [Fact]
    public void EveryTokenDeleted() =>
        Run("deletions", HostileSeeds.All.SelectMany(Mutators.Deletions).ToArray());

    [Fact]
    public void EveryTokenDuplicated() =>
        Run("duplications", HostileSeeds.All.SelectMany(Mutators.Duplications).ToArray());

    [Fact]
    public void TokensReplacedBySampledVocabulary()
    {
        HostileCase[] all = HostileSeeds.All.SelectMany(Mutators.Replacements).ToArray();
        _output.WriteLine($"{all.Length} replacements, {Math.Min(all.Length, ReplacementSample)} sampled (seed {SampleSeed})");
        Run("replacements", Mutators.Sample(all, ReplacementSample, SampleSeed));
    }

    [Fact]
    public void EveryAttributeArgumentSetToEveryHostileLiteral() =>
        Run("literal swaps", HostileSeeds.All.SelectMany(Mutators.LiteralSwaps).ToArray());

    [Fact]
    public void UserIdentifiersRenamedToGeneratedNamesAndContextualKeywords()
    {
        var cases = new List<HostileCase>();
        foreach (Seed seed in HostileSeeds.All)
        {
            IReadOnlyList<UserIdentifier> identifiers = IdentifierSwaps.FindUserIdentifiers(seed.Source);
            GeneratedNames names = IdentifierSwaps.CollectGeneratedNames(seed.Source);
            var kernelCases = new List<HostileCase>();
            foreach (UserIdentifier identifier in identifiers)
            {
                cases.AddRange(names.InUserScope.Where(n => n != identifier.Name).Select(n => IdentifierSwaps.Case(seed, identifier, n)));
                cases.AddRange(IdentifierSwaps.ContextualKeywords.Select(k => IdentifierSwaps.Case(seed, identifier, k)));
                cases.AddRange(IdentifierSwaps.RecentKeywords.Select(k => IdentifierSwaps.Case(seed, identifier, k, "Preview")));

                kernelCases.AddRange(names.InKernel.Where(n => n != identifier.Name).Select(n => IdentifierSwaps.Case(seed, identifier, n)));
            }

            IReadOnlyList<HostileCase> sampled = Mutators.Sample(kernelCases, KernelNameSamplePerSeed, SampleSeed);
            _output.WriteLine(
                $"{seed.Name}: {identifiers.Count} user identifiers ({string.Join(", ", identifiers.Select(i => i.Name))}); "
                + $"{names.InUserScope.Length} generated names in the user's scope, {names.InKernel.Length} only in the kernel "
                + $"({kernelCases.Count} renames, {sampled.Count} sampled)");
            cases.AddRange(sampled);
        }

        Run("identifier swaps", cases);
    }

    private void Run(string title, IReadOnlyList<HostileCase> cases)
    {
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<CaseOutcome> outcomes = WorkerPool.Shared.Run(cases);
        HostileReport.Assert(title, outcomes, _output, stopwatch.Elapsed);
    }
}

/// <summary>The hostile tests share the worker pool: they run one after another, each using every worker.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection
{
    public const string Name = "Hostile inputs";
}
