using System.Linq;
using System.Text;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FusedActivations.Generator.Tests.Emitted;

/// <summary>Deterministic builds need the generator's output to depend on its input only.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void TwoRunsGiveByteIdenticalFilesUnderTheSameHintNames()
    {
        GeneratedSourceResult[] first = Generate();
        GeneratedSourceResult[] second = Generate();

        Assert.Equal(RepresentativeSources.All.Length, first.Count(s => !s.HintName.StartsWith("FusedActivations.Generated.", System.StringComparison.Ordinal)));
        Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(first[i].SourceText.ToString()), Encoding.UTF8.GetBytes(second[i].SourceText.ToString()));
            Assert.Equal(first[i].SourceText.GetChecksum().ToArray(), second[i].SourceText.GetChecksum().ToArray());
        }
    }

    [Fact]
    public void TheFamilyGivesByteIdenticalFilesUnderTheSameHintNames()
    {
        // Two fresh drivers over the 78 methods of every family attribute: kernels are collected from all methods, so
        // their order and content must not depend on the order the methods were emitted in.
        GeneratedSourceResult[] first = Generate(RepresentativeSources.FamilyMatrix);
        GeneratedSourceResult[] second = Generate(RepresentativeSources.FamilyMatrix);

        Assert.Equal(RepresentativeSources.FamilyAttributes.Length * 6, first.Count(s => !s.HintName.StartsWith("FusedActivations.Generated.", System.StringComparison.Ordinal)));
        Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].SourceText.ToString(), second[i].SourceText.ToString());
            Assert.Equal(first[i].SourceText.GetChecksum().ToArray(), second[i].SourceText.GetChecksum().ToArray());
        }

        // The methods in the reverse order give the same files: nothing depends on declaration order.
        string[] lines = RepresentativeSources.FamilyMatrix.Split('\n');
        int open = System.Array.IndexOf(lines, "{") + 1;
        int close = System.Array.LastIndexOf(lines, "}");
        string[] members = lines.Skip(open).Take(close - open).ToArray();
        var reversed = new System.Collections.Generic.List<string>();
        for (int i = members.Length - 3; i >= 0; i -= 3)
        {
            reversed.AddRange(members.Skip(i).Take(3));
        }

        string reorderedSource = string.Join("\n", lines.Take(open).Concat(reversed).Concat(lines.Skip(close)));
        Assert.NotEqual(RepresentativeSources.FamilyMatrix, reorderedSource);
        GeneratedSourceResult[] reordered = Generate(reorderedSource);
        Assert.Equal(first.Select(s => s.HintName), reordered.Select(s => s.HintName));
        Assert.Equal(first.Select(s => s.SourceText.ToString()), reordered.Select(s => s.SourceText.ToString()));
    }

    private static GeneratedSourceResult[] Generate(params string[] sources) =>
        GeneratorHarness.Run(TestCompilation.Create(sources))
            .AssertNoGeneratorFailure()
            .Result.GeneratedSources
            .OrderBy(s => s.HintName, System.StringComparer.Ordinal)
            .ToArray();

    private static GeneratedSourceResult[] Generate() =>
        GeneratorHarness.Run(TestCompilation.Create(RepresentativeSources.All))
            .AssertNoGeneratorFailure()
            .Result.GeneratedSources
            .OrderBy(s => s.HintName, System.StringComparer.Ordinal)
            .ToArray();
}
