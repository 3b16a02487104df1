using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>FA1025 on <c>[Fused]</c> and <c>[FusedGradient]</c>: a negative threshold, and more spans than a parallel call pins.</summary>
public sealed class FusedParallelDiagnosticTests
{
    private const string Formula = "static float G(float x, float y) => x * y;\n";

    [Theory]
    [InlineData("[Fused(nameof(G), Parallel = true, ParallelThreshold = [|-1|])] public static partial void F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);", "-1")]
    [InlineData("[FusedGradient(nameof(G), ParallelThreshold = [|-4096|])] public static partial void F(ReadOnlySpan<float> x, [Broadcast] ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradX, Span<float> gradY);", "-4096")]
    public void FA1025_NegativeThreshold(string member, string shown) =>
        DiagnosticAssert.Single(
            FusedSources.InHead(Formula + member),
            "FA1025",
            $"ParallelThreshold = {shown} is not supported for 'F': use a positive number of elements, from which a call is split across the thread pool, or 0 (the default, 131072)");

    [Fact]
    public void FA1025_MoreSpansThanAParallelCallPins()
    {
        // Eight elementwise inputs: their gradient method takes 8 + 1 + 8 = 17 spans.
        string formula = "static float H(float a, float b, float c, float d, float e, float f, float g, float h) => a * b + c * d + e * f + g * h;\n";
        string inputs = "ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, ReadOnlySpan<float> e, ReadOnlySpan<float> f, ReadOnlySpan<float> g, ReadOnlySpan<float> h";
        string outputs = "Span<float> ga, Span<float> gb, Span<float> gc, Span<float> gd, Span<float> ge, Span<float> gf, Span<float> gg, Span<float> gh";
        DiagnosticAssert.Single(
            FusedSources.InHead(formula + $"[FusedGradient(nameof(H), Parallel = [|true|])] public static partial void F({inputs}, ReadOnlySpan<float> gradOutput, {outputs});"),
            "FA1025",
            "Parallel = true is not supported for 'F': it takes 17 spans and a parallel fused method takes at most 16: remove Parallel, or split the formula");
    }

    [Theory]
    [InlineData("[Fused(nameof(G), Parallel = true)] public static partial void F(ReadOnlySpan<float> x, float y, Span<float> destination);")]
    [InlineData("[Fused(nameof(G), Parallel = false, ParallelThreshold = 10)] public static partial void F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);")]
    [InlineData("[FusedGradient(nameof(G), Parallel = true, ParallelThreshold = 1)] public static partial void F(ReadOnlySpan<float> x, [Broadcast] ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradX, Span<float> gradY);")]
    public void FA1025_NotForValidSettings(string member) =>
        Assert.Empty(GeneratorHarness.Run(FusedSources.InHead(Formula + member)).AssertNoGeneratorFailure().Diagnostics);

    [Fact]
    public void TheMostSpansAreTheRuntimes() =>
        Assert.Equal(global::FusedActivations.ParallelKernels.MaximumFusedStreams, FusedActivations.Generator.Parsing.Fused.FusedParser.MaximumParallelStreams);
}
