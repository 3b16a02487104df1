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

    /// <summary>Token replacements run (of about 11,700: every token of every seed times the vocabulary).</summary>
    public const int ReplacementSample = 800;

    /// <summary>Renames run besides those to method-body names (of about 5,000: identifiers times names and keywords).</summary>
    public const int IdentifierSample = 200;

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
        // Every rename to a name of the generated method body runs (that is where a user name can capture or shadow
        // what the generated statements mean); renames to the other generated names, to contextual keywords (also at
        // LangVersion preview for keywords of recent versions) and to names inside the kernel class are sampled.
        var always = new List<HostileCase>();
        var pool = new List<HostileCase>();
        foreach (Seed seed in HostileSeeds.All)
        {
            IReadOnlyList<UserIdentifier> identifiers = IdentifierSwaps.FindUserIdentifiers(seed.Source);
            GeneratedNames names = IdentifierSwaps.CollectGeneratedNames(seed.Source);
            foreach (UserIdentifier identifier in identifiers)
            {
                always.AddRange(names.InMethodBody.Where(n => n != identifier.Name).Select(n => IdentifierSwaps.Case(seed, identifier, n)));
                pool.AddRange(names.InUserScope.Except(names.InMethodBody).Concat(names.InKernel).Concat(IdentifierSwaps.ContextualKeywords)
                    .Where(n => n != identifier.Name)
                    .Select(n => IdentifierSwaps.Case(seed, identifier, n)));
                pool.AddRange(IdentifierSwaps.RecentKeywords.Select(k => IdentifierSwaps.Case(seed, identifier, k, "Preview")));
            }

            _output.WriteLine(
                $"{seed.Name}: user identifiers {string.Join(", ", identifiers.Select(i => i.Name))}; generated names: "
                + $"{names.InMethodBody.Length} in the method body ({string.Join(", ", names.InMethodBody)}), "
                + $"{names.InUserScope.Length - names.InMethodBody.Length} elsewhere in the user's scope, {names.InKernel.Length} only in the kernel");
        }

        IReadOnlyList<HostileCase> sampled = Mutators.Sample(pool, IdentifierSample, SampleSeed);
        _output.WriteLine($"{always.Count} renames to method-body names, {sampled.Count} of {pool.Count} other renames (seed {SampleSeed})");
        Run("identifier swaps", always.Concat(sampled).ToArray());
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
