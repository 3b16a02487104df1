using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// The analyzer and the fixes never throw on code being typed: every prefix of a file full of the patterns (cut at
/// each token) is analyzed, and every offered fix is computed.
/// </summary>
public class HalfTypedCodeTests
{
    private const string File = """
        using System;
        using System.Linq;
        using System.Numerics;
        using static System.Math;

        static class C
        {
            static double A(double x, double b) => Math.Log(1 + Math.Exp(b * x)) / b;
            static double B(double y) => Log(Exp(y) - 1) + Log(double.ExpM1(y));
            static T G<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(T.One + T.Exp(x)) + T.LogP1(x);
            static double S(double x) => Math.Exp(x) / (1 + Math.Exp(x)) - Math.Log(1 / (1 + Math.Exp(-x)));
            static void L(double[] x, double[] y, int n)
            {
                var e = Math.Exp(x[0]);
                y[0] = Math.Log(1 + e);
                for (int i = 0; i < n; i++) y[i] = Math.Log(1 + Math.Exp(2 * x[i])) / 2;
            }
            static double M(double[] x, double[] y)
            {
                double sum = 0;
                foreach (double v in x) sum += Math.Exp(v);
                for (int i = 0; i < x.Length; i++) y[i] = Math.Exp(x[i]) / sum;
                return Math.Log(sum) + Math.Log(x.Sum(Math.Exp));
            }
            static double N(double[] x) => Math.Log(x.Select(v => Math.Exp(v)).Sum());
            static void F(float[] a, float[] b, float[] y, float c)
            {
                for (int i = 0; i < y.Length; i++) y[i] = FusedActivations.FusedMath.Silu(a[i]) * b[i] + c;
            }
            static double H(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * Math.Pow(x, 3))));
            static void K(float[] x, float[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = x[i] * (1 + MathF.Tanh(0.7978846f * (x[i] + 0.044715f * x[i] * x[i] * x[i]))) / 2;
                System.Numerics.Tensors.TensorPrimitives.LogP1<float>(x, y);
            }
        }
        """;

    [Fact]
    public async Task EveryPrefixIsAnalyzedWithoutAnException()
    {
        SyntaxTree full = CSharpSyntaxTree.ParseText(File);
        var cuts = full.GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToList();
        Assert.True(cuts.Count > 200);
        var exceptions = new List<string>();
        int reported = 0;
        foreach (int cut in cuts)
        {
            string prefix = File.Substring(0, cut);
            var compilation = CSharpCompilation.Create("Prefix", new[] { CSharpSyntaxTree.ParseText(prefix) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add($"cut {cut}: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            reported += diagnostics.Length;
        }

        Assert.Empty(exceptions);
        Assert.True(reported > 100, "the prefixes should contain many complete patterns");
    }

    [Fact]
    public async Task EveryOfferedFixOnAPrefixIsComputedWithoutAnException()
    {
        SyntaxTree full = CSharpSyntaxTree.ParseText(File);
        var cuts = full.GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().Where((_, i) => i % 3 == 0).ToList();
        CodeFixProvider[] providers =
        {
            new UseFusedMathCodeFixProvider(), new GenerateKernelCodeFixProvider(), new SubtractMaximumCodeFixProvider(),
            new GenerateFusedKernelCodeFixProvider(), new GenerateSpanKernelCodeFixProvider(),
        };
        int applied = 0;
        using var workspace = new AdhocWorkspace();
        foreach (int cut in cuts)
        {
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            Solution solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    metadataReferences: TestReferences.All))
                .AddDocument(documentId, "P.cs", SourceText.From(File.Substring(0, cut)));
            Document document = solution.GetDocument(documentId)!;
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                foreach (CodeFixProvider provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                    foreach (CodeAction action in actions)
                    {
                        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
                        Assert.Single(operations.OfType<ApplyChangesOperation>());
                        applied++;
                    }
                }
            }
        }

        Assert.True(applied > 50, $"only {applied} fixes were exercised");
    }
}
