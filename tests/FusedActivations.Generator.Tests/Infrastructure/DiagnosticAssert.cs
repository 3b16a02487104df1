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
    /// <c>[| |]</c>, with <paramref name="message"/>; that it generates no kernel for the method; and that it is the only
    /// error of the whole build (issue 9): the compiler reports nothing but <paramref name="expectedCompilerIds"/> (the
    /// cases where no declaration can be added without an error of its own; see <c>StubBuilder</c>), ignoring
    /// <paramref name="ignoreCompilerIds"/> (problems of the test source itself).
    /// </summary>
    public static void Single(
        string markup,
        string id,
        string message,
        LanguageVersion languageVersion = TestCompilation.DefaultLanguageVersion,
        string[]? expectedCompilerIds = null,
        string[]? ignoreCompilerIds = null)
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
        Assert.Empty(run.SharedSources);
        Assert.All(run.Result.GeneratedSources, generated => Assert.DoesNotContain("file readonly struct", generated.SourceText.ToString(), System.StringComparison.Ordinal));

        string[] compilerErrors = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !(ignoreCompilerIds ?? System.Array.Empty<string>()).Contains(d.Id))
            .Select(d => d.Id)
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToArray();
        Assert.True(
            (expectedCompilerIds ?? System.Array.Empty<string>()).SequenceEqual(compilerErrors),
            $"Besides {id}, the build reports: " + string.Join(", ", run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())));
    }

    /// <summary>The ids of all diagnostics the generator reports for <paramref name="source"/>, in source order.</summary>
    public static string[] Ids(string source) =>
        GeneratorHarness.Run(source).AssertNoGeneratorFailure().Diagnostics.Select(d => d.Id).ToArray();
}
