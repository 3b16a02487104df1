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

    private static GeneratedSourceResult[] Generate() =>
        GeneratorHarness.Run(TestCompilation.Create(RepresentativeSources.All))
            .AssertNoGeneratorFailure()
            .Result.GeneratedSources
            .OrderBy(s => s.HintName, System.StringComparer.Ordinal)
            .ToArray();
}
