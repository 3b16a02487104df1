using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using FusedActivations.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>Every descriptor follows the conventions: FA10xx IDs, error, help link to an existing docs page.</summary>
public sealed class DiagnosticDescriptorTests
{
    [Fact]
    public void IdsAreConsecutiveFromFA1001()
    {
        string[] expected = Enumerable.Range(1001, DiagnosticDescriptors.ById.Count).Select(n => $"FA{n}").ToArray();
        Assert.Equal(expected, DiagnosticDescriptors.ById.Keys.OrderBy(id => id, System.StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void EveryDescriptorIsANonConfigurableErrorWithAHelpLink()
    {
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.ById.Values)
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.Equal("FusedActivations.Generator", descriptor.Category);
            Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
            Assert.Equal(
                $"https://github.com/fusedactivations/fusedactivations/blob/main/docs/diagnostics/{descriptor.Id}.md",
                descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void EveryIdHasADocumentationPageWithAnExampleAndAFix()
    {
        string docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        foreach (string id in DiagnosticDescriptors.ById.Keys)
        {
            string page = Path.Combine(docs, id + ".md");
            Assert.True(File.Exists(page), $"Missing documentation page {page}");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {id}: ", text, System.StringComparison.Ordinal);
            Assert.Contains("```csharp", text, System.StringComparison.Ordinal);
            Assert.Contains("## How to fix", text, System.StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
