using System.Linq;
using FusedActivations.Generator.Parsing.Fused;
using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// Formulas too deep or too large once inlined are refused with a diagnostic, rather than risk the stack or the time of
/// every pass after the parser (equality, derivative, emitter), which all recurse over the nodes.
/// </summary>
public sealed class LargeFormulaTests
{
    [Fact]
    public void AFormulaNestedDeeperThanTheLimitIsRefusedAtTheNodePastIt()
    {
        string sum = "x" + string.Concat(Enumerable.Repeat(" + x", 1000));
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.Float($"static float G(float x) => {sum};"));

        Assert.Null(result.Method);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("FA1019", diagnostic.Id);
        Assert.EndsWith($"it nests more than {FormulaLowerer.MaxDepth} operations deep: compute parts of it in locals first", diagnostic.MessageArgs[2]);
    }

    [Fact]
    public void AFormulaJustWithinTheDepthLimitIsAccepted()
    {
        string sum = "x" + string.Concat(Enumerable.Repeat(" + x", FormulaLowerer.MaxDepth));
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.Float($"static float G(float x) => {sum};"));
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Method);
    }

    [Fact]
    public void InliningThatDoublesAtEachLevelIsStoppedAtTheSizeLimit()
    {
        // F20 would inline 2^20 copies of F0.
        string levels = "static float F0(float u) => u * u;\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"static float F{i}(float u) => F{i - 1}(u) + F{i - 1}(-u);"));
        DiagnosticAssert.Single(
            FusedSources.InHead(levels + "\nstatic float [|G|](float x) => F20(x);\n[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);"),
            "FA1019",
            $"'G' is not supported in formula 'G': with its calls inlined it has more than {FormulaLowerer.MaxOperations} operations: compute repeated parts once, in locals, instead of calling formulas that repeat them");
    }

    [Fact]
    public void ALongChainOfInlinedCallsCountsAsDepth()
    {
        // Each level adds one call and one addition: 400 levels nest far past the limit, though no expression does.
        string levels = "static float F0(float u) => u;\n" + string.Join("\n", Enumerable.Range(1, 400).Select(i => $"static float F{i}(float u) => F{i - 1}(u) + 1f;"));
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.InHead(levels + "\nstatic float G(float x) => F400(x);\n[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);"));

        Assert.Null(result.Method);
        Assert.Contains($"it nests more than {FormulaLowerer.MaxDepth} operations deep", Assert.Single(result.Diagnostics).MessageArgs[2], System.StringComparison.Ordinal);
    }

    [Fact]
    public void CallsOfInlinedFunctionsAreLimitedApart()
    {
        // Each exp, log, tanh or activation inlines its vector code: 16 calls are accepted, the 17th refused at the formula.
        static string Calls(int count) =>
            "static float G(float x) => " + string.Join(" + ", Enumerable.Range(0, count).Select(i => (i % 3) switch
            {
                0 => $"MathF.Exp(x * {i}f)",
                1 => $"MathF.Tanh(x + {i}f)",
                _ => $"FusedMath.Softplus(x - {i}f)",
            })) + ";";

        Assert.Equal(16, FormulaLowerer.MaxFunctionCalls);
        FusedParseResult within = FusedParserHarness.Parse("F", FusedSources.Float(Calls(16)));
        Assert.Empty(within.Diagnostics);
        Assert.NotNull(within.Method);

        DiagnosticAssert.Single(
            FusedSources.InHead(Calls(17).Replace("static float G", "static float [|G|]") + "\n[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);"),
            "FA1019",
            "'G' is not supported in formula 'G': with its calls inlined it calls math functions and activations more than 16 times, and the kernel inlines each one's vector code (hundreds of lines): compute a repeated call once, in a local, or split the formula into two [Fused] methods applied one after the other");
    }

    [Fact]
    public void CheapFunctionsAreNotCounted()
    {
        string body = string.Join(" + ", Enumerable.Range(0, 40).Select(i => $"MathF.Sqrt(MathF.Abs(x - {i}f))"));
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.Float($"static float G(float x) => {body};"));
        Assert.Empty(result.Diagnostics);
    }
}
