using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
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
using Xunit.Abstractions;

namespace FusedActivations.Analyzers.Tests.Hostile;

/// <summary>
/// Issue 10 for the code fixes: applied to a 20,000-term operand, or to a file that contains one elsewhere, a fix
/// must neither overflow the stack nor throw, and must produce the expected text. Run from a 1 MB thread (what the
/// workspace hands to the pool runs on the pool's 1.5 MB threads).
/// </summary>
public class DeepExpressionFixTests(ITestOutputHelper output)
{
    private const int Terms = 20_000;
    private static readonly string Sum = DeepSources.Chain("x", "+", Terms);

    private const string MapLoop = "for (int i = 0; i < a.Length; i++) a[i] = Math.Log(1 + Math.Exp(a[i]));";

    public static TheoryData<string, string, string> Cases => new()
    {
        // The fixed expression itself is deep.
        { "sum in exp", $"return Math.Log(1 + Math.Exp({Sum}));", $"return FusedMath.Softplus({Sum}, 1, double.PositiveInfinity);" },
        { "sigmoid of a sum", $"return Math.Exp({Sum}) / (1 + Math.Exp({Sum}));", $"return FusedMath.Sigmoid({Sum});" },
        { "sum through a local", $"var e = Math.Exp({Sum}); return Math.Log(1 + e);", $"return FusedMath.Softplus({Sum}, 1, double.PositiveInfinity);" },
        { "one minus tanh of a sum", $"return 1 - Math.Tanh({Sum});", $"return 2 * FusedMath.Sigmoid(-2 * ({Sum}));" },
        { "log of one minus exp of a sum", $"return Math.Log(1 - Math.Exp({Sum}));", $"return FusedMath.Log1MExp({Sum});" },
        { "GELU of a sum", $"return 0.5 * ({Sum}) * (1 + Math.Tanh(0.7978845608 * (({Sum}) + 0.044715 * ({Sum}) * ({Sum}) * ({Sum}))));", $"return FusedMath.GeluTanh({Sum});" },
        // The fixed expression is small, the file holds a deep one in another statement.
        { "beside a deep sum", $"double d = {Sum}; return d + Math.Log(1 + Math.Exp(y));", $"double d = {Sum}; return d + FusedMath.Softplus(y, 1, double.PositiveInfinity);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheExpressionFixRewritesDeepCode(string name, string body, string expected)
    {
        string fixedText = ApplyFirstFix(DeepSources.Class(body), new UseFusedMathCodeFixProvider(), name);
        Assert.Contains(expected, fixedText, StringComparison.Ordinal);
        Assert.Contains("using FusedActivations;", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTanhFixRewritesDeepCode()
    {
        string body = $"return (Math.Exp({Sum}) - Math.Exp(-({Sum}))) / (Math.Exp({Sum}) + Math.Exp(-({Sum})));";
        string fixedText = ApplyFirstFix(DeepSources.Class(body), new UseFusedMathCodeFixProvider(), "tanh of a sum");
        Assert.Contains($"return Math.Tanh({Sum});", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKernelFixWorksInAClassWithDeepCode()
    {
        string source = DeepSources.Class($"return {Sum};").Replace(
            "static class C\n{\n",
            "static class C\n{\n    static void Map(double[] a)\n    {\n        " + MapLoop + "\n    }\n\n");
        string fixedText = ApplyFirstFix(source, new GenerateKernelCodeFixProvider(), "kernel");
        Assert.Contains("static partial class C", fixedText, StringComparison.Ordinal);
        Assert.Contains("        Softplus(a);\n", fixedText, StringComparison.Ordinal);
        Assert.Contains("private static partial void Softplus(Span<double> values);", fixedText, StringComparison.Ordinal);
        Assert.Contains($"return {Sum};", fixedText, StringComparison.Ordinal);
    }

    /// <summary>
    /// FA2011's fix rewrites with SyntaxGenerator (recursive): an exp argument of 500 terms is rewritten, one of
    /// 20,000 gets the diagnostic without the fix (the cap, <c>SubtractMaximumCodeFixProvider</c>), and neither throws.
    /// </summary>
    [Theory]
    [InlineData(500, true)]
    [InlineData(Terms, false)]
    public void TheSubtractMaximumFixRewritesLongExponentsAndSkipsDeepOnes(int terms, bool offered)
    {
        string vSum = DeepSources.Chain("v[i]", "+", terms);
        string body = $"var v = new double[4]; double s = 0; for (int i = 0; i < v.Length; i++) s += Math.Exp({vSum}); return Math.Log(s);";
        string fixedText = ApplyFirstFix(DeepSources.Class(body), new SubtractMaximumCodeFixProvider(), "softmax of a sum", offered);
        if (offered)
        {
            Assert.Contains($"max = Math.Max(max, {vSum});", fixedText, StringComparison.Ordinal);
            Assert.Contains($"s += Math.Exp({vSum} - max);", fixedText, StringComparison.Ordinal);
            Assert.Contains("return max + Math.Log(s);", fixedText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheFusedKernelFixWorksInAClassWithDeepCode()
    {
        string source = DeepSources.Class($"return {Sum};").Replace(
            "using System;\n",
            "using System;\nusing FusedActivations;\n").Replace(
            "static class C\n{\n",
            "static class C\n{\n    static void Map(float[] a, float[] b, float[] y)\n    {\n        for (int i = 0; i < y.Length; i++) y[i] = FusedMath.Silu(a[i]) * b[i];\n    }\n\n");
        string fixedText = ApplyFirstFix(source, new GenerateFusedKernelCodeFixProvider(), "fused kernel");
        Assert.Contains("static partial class C", fixedText, StringComparison.Ordinal);
        Assert.Contains("Fused(a.AsSpan(0, y.Length), b.AsSpan(0, y.Length), y);", fixedText, StringComparison.Ordinal);
        Assert.Contains("private static float Fused(float a, float b) => FusedMath.Silu(a) * b;", fixedText, StringComparison.Ordinal);
        Assert.Contains($"return {Sum};", fixedText, StringComparison.Ordinal);
    }

    /// <summary>Fix All (as dotnet format runs it, without a key) over a file of deep operands, on a 1 MB stack.</summary>
    [Fact]
    public async Task FixAllRewritesDeepCode()
    {
        string source = DeepSources.Class(
            $"return Math.Log(1 + Math.Exp({Sum}));",
            $"return Math.Exp({Sum}) - 1;",
            "for (int i = 0; i < 4; i++) x += Math.Log(1 + Math.Exp(y)); return x;");
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await FixAllRunner.OpenAsync(source);
        Assert.Equal(3, diagnostics.Length);
        var stopwatch = Stopwatch.StartNew();
        string fixedText = SmallStack.Run(() =>
        {
            Document result = FixAllRunner.FixAllAsync(document, new UseFusedMathCodeFixProvider(), equivalenceKey: null, diagnostics).GetAwaiter().GetResult();
            return result.GetTextAsync().GetAwaiter().GetResult().ToString();
        });
        output.WriteLine($"fix all: {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.Contains($"return FusedMath.Softplus({Sum}, 1, double.PositiveInfinity);", fixedText, StringComparison.Ordinal);
        Assert.Contains($"return FusedMath.ExpM1({Sum});", fixedText, StringComparison.Ordinal);
        Assert.Contains("x += FusedMath.Softplus(y, 1, double.PositiveInfinity);", fixedText, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), stopwatch.Elapsed.ToString());
    }

    /// <summary>The first fix <paramref name="provider"/> offers for the file's first diagnostic, applied; the new text.</summary>
    private string ApplyFirstFix(string source, CodeFixProvider provider, string name, bool offered = true)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All))
            .AddDocument(documentId, "P.cs", SourceText.From(source));
        Document document = solution.GetDocument(documentId)!;
        Compilation compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        Diagnostic diagnostic = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => provider.FixableDiagnosticIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .First();

        var stopwatch = Stopwatch.StartNew();
        string result = SmallStack.Run(() =>
        {
            var actions = new List<CodeAction>();
            provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None)).GetAwaiter().GetResult();
            if (!offered)
            {
                Assert.Empty(actions);
                return source;
            }

            CodeAction action = Assert.Single(actions);
            ImmutableArray<CodeActionOperation> operations = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
            Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return changed.GetDocument(documentId)!.GetTextAsync().GetAwaiter().GetResult().ToString();
        });
        output.WriteLine($"{name}: fix in {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"{name}: {stopwatch.Elapsed}");
        return result;
    }
}
