using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FusedActivations.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over a marked-up source and checks the one diagnostic it must report.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic, <paramref name="id"/>, on the span marked with
    /// <c>[| |]</c>, with <paramref name="message"/>; and that it generates nothing for the method.
    /// </summary>
    public static void Single(
        string markup,
        string id,
        string message,
        LanguageVersion languageVersion = TestCompilation.DefaultLanguageVersion)
    {
        (string source, TextSpan span) = Markup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(languageVersion, source)).AssertNoGeneratorFailure();

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(TestCompilation.FileName(0), diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(source.Substring(span.Start, span.Length), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(run.Result.GeneratedSources);
    }

    /// <summary>The ids of all diagnostics the generator reports for <paramref name="source"/>, in source order.</summary>
    public static string[] Ids(string source) =>
        GeneratorHarness.Run(source).AssertNoGeneratorFailure().Diagnostics.Select(d => d.Id).ToArray();
}
