using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FusedActivations.Generator.Parsing.Fused;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// The fused methods through the generator driver: how their problems are reported and cached. The caching of valid
/// fused methods, next to the activations', is in <c>Pipeline.IncrementalityTests</c>.
/// </summary>
public sealed class FusedPipelineTests
{
    [Fact]
    public void AFormulaErrorSharedByTwoMethodsIsReportedOnce()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""
                static float G(float x) => [|x % 3f|];
                [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                [Fused(nameof(G))] public static partial void F2(ReadOnlySpan<float> x, Span<float> destination);
                [FusedGradient(nameof(G))] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gradX);
                """),
            "FA1019",
            "'x % 3f' is not supported in formula 'G': a formula's operators are + - * / and unary minus (and comparisons, in the condition of '?:')");
    }

    [Fact]
    public void AnActivationAttributeTakesTheMethodAndTheFusedOneIsReported()
    {
        (string source, TextSpan span) = Markup.Parse(FusedSources.InHead("""
            static float G(float x) => x;
            [Softplus, [|Fused(nameof(G))|]] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
            """));
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(source)).AssertNoGeneratorFailure();

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("FA1009", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "Method 'F' already has the activation attribute 'Softplus', so 'Fused' cannot be applied too: keep one and declare a separate method for each activation",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));

        // The Softplus kernel implements the method, once: no other error in the build.
        Assert.Single(run.MethodSources);
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void FA1011_TheLanguageVersionIsCheckedAsForActivations()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""
                static float G(float x) => x;
                [Fused(nameof(G))] public static partial void [|F|](ReadOnlySpan<float> x, Span<float> destination);
                """).Replace("namespace Tests;", "namespace Tests {") + "\n}",
            "FA1011",
            "The code generated for 'F' needs C# 11 or later (it uses file-local types), but the project uses C# 10.0: set <LangVersion> to 11 or later",
            LanguageVersion.CSharp10);
    }

    [Fact]
    public void AnEditElsewhereLeavesTheFusedStepsCached()
    {
        // Invalid fused methods, whose diagnostics are collected across both attributes: their results must compare equal.
        string fused = FusedSources.InHead("""
            static float G(float x) => x % 3f;
            [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
            [FusedGradient(nameof(G))] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gradX);
            """);
        const string Unrelated = "namespace Tests; public static class Unrelated { public static int Compute(int x) => x + 1; }";
        CSharpCompilation compilation = TestCompilation.Create(fused, Unrelated);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();
        Assert.Equal(new[] { "FA1019" }, first.Diagnostics.Select(d => d.Id).ToArray());

        SyntaxTree oldTree = compilation.SyntaxTrees.Last();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText().Replace(Unrelated.IndexOf("x + 1", StringComparison.Ordinal), "x + 1".Length, "x * 3 - 7"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();

        foreach (string step in new[] { TrackingNames.ParseResults, TrackingNames.Diagnostics, TrackingNames.Stubs })
        {
            (object Value, IncrementalStepRunReason Reason)[] outputs = second.Result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(
            second.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void EditingAFormulaInAnotherFileReparsesTheMethod()
    {
        // The method's own file does not change: the parser must still see the formula's new body.
        string method = FusedSources.InHead("[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);");
        const string Formula = "namespace Tests; public static partial class Head { static float G(float x) => x % 3f; }";
        CSharpCompilation compilation = TestCompilation.Create(method, Formula);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();
        Assert.Equal("FA1019", Assert.Single(first.Diagnostics).Id);

        SyntaxTree oldTree = compilation.SyntaxTrees.Last();
        SyntaxTree newTree = oldTree.WithChangedText(SourceText.From(Formula.Replace("x % 3f", "(float)(x * 0.5)", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();

        Diagnostic diagnostic = Assert.Single(second.Diagnostics);
        Assert.Equal("FA1020", diagnostic.Id);
        Assert.Equal(TestCompilation.FileName(1), diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void TheExampleSourcesParseWithoutDiagnosticsAndEveryMethodOnce()
    {
        // Guards the mutation tests: the pipelines of both attributes see every method, and each method is taken by
        // exactly one of them.
        CSharpCompilation compilation = TestCompilation.Create(FusedSources.IssueExample);
        ImmutableArray<FusedParseResult> results = FusedParserHarness.ParseAll(compilation).ToImmutableArray();
        Assert.Equal(3, results.Count(result => result.Method is not null));
        Assert.Empty(results.SelectMany(result => result.Diagnostics));
    }
}
