using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>Each rule has its ID range, severity, message and a help page in the repository that documents it.</summary>
public class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] Rules = new NumericStabilityAnalyzer().SupportedDiagnostics.ToArray();

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Generators.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public void IdsAreFA2001ToFA2012WithTheDocumentedSeverities()
    {
        Assert.Equal(new[] { "FA2001", "FA2002", "FA2003", "FA2004", "FA2005", "FA2006", "FA2007", "FA2008", "FA2009", "FA2010", "FA2011", "FA2012" }, Rules.Select(r => r.Id));
        string[] info = { "FA2006", "FA2007", "FA2012" };
        Assert.All(Rules, r => Assert.Equal(info.Contains(r.Id) ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, r.DefaultSeverity));
        Assert.All(Rules, r => Assert.True(r.IsEnabledByDefault));
    }

    [Fact]
    public void EachRuleLinksToItsPageAndThePageDocumentsIt()
    {
        string root = RepositoryRoot();
        string overview = File.ReadAllText(Path.Combine(root, "docs", "analyzers.md"));
        foreach (DiagnosticDescriptor rule in Rules)
        {
            Assert.EndsWith("/docs/diagnostics/" + rule.Id + ".md", rule.HelpLinkUri, StringComparison.Ordinal);
            string page = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", rule.Id + ".md"));
            Assert.StartsWith("# " + rule.Id + ":", page, StringComparison.Ordinal);
            Assert.Contains("## The bad form", page, StringComparison.Ordinal);
            Assert.Contains("## Why it fails, with numbers", page, StringComparison.Ordinal);
            Assert.Contains("## The fix", page, StringComparison.Ordinal);
            Assert.Contains(rule.DefaultSeverity == DiagnosticSeverity.Warning ? "| Default severity | Warning |" : "| Default severity | Info", page, StringComparison.Ordinal);
            Assert.Contains("dotnet_diagnostic." + rule.Id + ".severity", page, StringComparison.Ordinal);
            Assert.Contains("diagnostics/" + rule.Id + ".md", overview, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReleaseTrackingListsEveryRule()
    {
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "analyzers", "FusedActivations.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor rule in Rules)
        {
            Assert.Contains(rule.Id + " | Numerics | " + (rule.DefaultSeverity == DiagnosticSeverity.Warning ? "Warning" : "Info"), unshipped, StringComparison.Ordinal);
        }
    }
}
