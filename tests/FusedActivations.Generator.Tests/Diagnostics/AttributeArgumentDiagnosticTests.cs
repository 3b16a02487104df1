using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>FA1006 (Beta), FA1007 (Threshold), FA1008 (Unroll), on the argument's expression; FA1009 on the extra attribute.</summary>
public sealed class AttributeArgumentDiagnosticTests
{
    [Theory]
    [InlineData("[|0|]", "Span<double>", "0", "beta must be greater than 0")]
    [InlineData("[|-1|]", "Span<double>", "-1", "beta must be greater than 0")]
    [InlineData("[|double.NaN|]", "Span<double>", "NaN", "beta must not be NaN")]
    [InlineData("[|double.PositiveInfinity|]", "Span<double>", "Infinity", "beta must be finite")]
    [InlineData("[|1e-50|]", "Span<float>", "1E-50", "beta rounds to 0 as a float")]
    [InlineData("[|1e39|]", "Span<float>", "1E+39", "beta overflows a float")]
    [InlineData("[|1e-40|]", "Span<float>", "1E-40", "1/beta overflows a float")]
    [InlineData("[|1e-320|]", "Span<double>", "1E-320", "1/beta overflows a double")]
    [InlineData("[|1e-12|]", "Span<float>", "1E-12", "the kernels support beta from 1E-10 to 1E+30 for float")]
    [InlineData("[|1e31|]", "Span<float>", "1E+31", "the kernels support beta from 1E-10 to 1E+30 for float")]
    [InlineData("[|1e-25|]", "Span<double>", "1E-25", "the kernels support beta from 1E-20 to 1E+300 for double")]
    public void FA1006_InvalidBeta(string betaMarkup, string parameterType, string shown, string problem) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Softplus(Beta = {betaMarkup})] public static partial void F({parameterType} values);"),
            "FA1006",
            $"Beta = {shown} is not valid for 'F': {problem}; use a finite value greater than 0 such as Beta = 1");

    [Fact]
    public void FA1007_ThresholdIsNaN() =>
        DiagnosticAssert.Single(
            Sources.InActivationClass("[Softplus(Beta = 2, Threshold = [|double.NaN|])] public static partial float F(float x);"),
            "FA1007",
            "Threshold of 'F' must not be NaN: use a number such as Threshold = 20, or double.PositiveInfinity to turn the linear cut-off off");

    [Theory]
    [InlineData("[|3|]", "3")]
    [InlineData("[|-1|]", "-1")]
    [InlineData("[|16|]", "16")]
    public void FA1008_InvalidUnroll(string unrollMarkup, string shown) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Softplus(Unroll = {unrollMarkup})] public static partial void F(Span<float> values);"),
            "FA1008",
            $"Unroll = {shown} is not supported for 'F': use 1, 2, 4 or 8, or 0 (the default) to let the generator choose");

    [Theory]
    [InlineData("[Softplus(Parallel = true, ParallelThreshold = [|-1|])] public static partial void F(Span<float> values);", "ParallelThreshold = -1",
        "use a positive number of elements, from which a call is split across the thread pool, or 0 (the default, 131072)")]
    [InlineData("[Silu(ParallelThreshold = [|-65536|])] public static partial void F(ReadOnlySpan<double> x, Span<double> destination);", "ParallelThreshold = -65536",
        "use a positive number of elements, from which a call is split across the thread pool, or 0 (the default, 131072)")]
    [InlineData("[Relu(Parallel = [|true|])] public static partial float F(float x);", "Parallel = true",
        "it computes one element, and Parallel splits spans across threads: remove Parallel, or take a ReadOnlySpan and a Span (or one Span, in place)")]
    public void FA1025_InvalidParallel(string member, string setting, string reason) =>
        DiagnosticAssert.Single(Sources.InActivationClass(member), "FA1025", $"{setting} is not supported for 'F': {reason}");

    [Theory]
    [InlineData("[Softplus(Precision = [|(ActivationPrecision)7|])] public static partial void F(Span<float> values);", "7")]
    [InlineData("[Gelu(Precision = [|(ActivationPrecision)(-1)|])] public static partial float F(float x);", "-1")]
    public void FA1026_InvalidPrecision(string member, string shown) =>
        DiagnosticAssert.Single(Sources.InActivationClass(member), "FA1026",
            $"Precision = {shown} is not an ActivationPrecision for 'F': use ActivationPrecision.Accurate (the default) or ActivationPrecision.Fast");

    [Fact]
    public void FA1026_ForFused() =>
        DiagnosticAssert.Single(
            Sources.InActivationClass("static float G(float x) => FusedMath.Silu(x);\n[Fused(nameof(G), Precision = [|(ActivationPrecision)2|])] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);"),
            "FA1026",
            "Precision = 2 is not an ActivationPrecision for 'F': use ActivationPrecision.Accurate (the default) or ActivationPrecision.Fast");

    [Theory]
    [InlineData("[Softplus(Precision = ActivationPrecision.Fast)] public static partial float F(float x);")]
    [InlineData("[Gelu(Precision = ActivationPrecision.Accurate)] public static partial void F(Span<double> values);")]
    [InlineData("[Relu(Precision = (ActivationPrecision)1)] public static partial void F(Span<float> values);")]
    public void FA1026_NotForValidPrecisions(string member) =>
        Assert.Empty(GeneratorHarness.Run(Sources.InActivationClass(member)).AssertNoGeneratorFailure().Diagnostics);

    [Fact]
    public void TheDefaultParallelThresholdIsTheRuntimes() =>
        Assert.Equal(global::FusedActivations.ParallelKernels.DefaultThreshold, FusedActivations.Generator.Parsing.Parser.DefaultParallelThreshold);

    [Theory]
    [InlineData("[Softplus(Parallel = false)] public static partial float F(float x);")]
    [InlineData("[Softplus(ParallelThreshold = 1000)] public static partial float F(float x);")]
    [InlineData("[Gelu(Parallel = true, ParallelThreshold = 1)] public static partial void F(Span<float> values);")]
    public void FA1025_NotForValidSettings(string member) =>
        Assert.Empty(GeneratorHarness.Run(Sources.InActivationClass(member)).AssertNoGeneratorFailure().Diagnostics);

    // Any attribute deriving from ActivationAttribute counts, so these tests declare one the generator does not implement.
    private const string OtherActivation = "public sealed class OtherActivationAttribute : ActivationAttribute { }\n";

    [Theory]
    [InlineData("[Softplus][[|OtherActivation|]]")]
    [InlineData("[[|OtherActivation|]][Softplus]")]
    [InlineData("[Softplus, [|OtherActivation|]]")]
    public void FA1009_MoreThanOneActivationAttribute(string attributes) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass(OtherActivation + attributes + " public static partial void F(Span<float> values);"),
            "FA1009",
            "Method 'F' already has the activation attribute 'Softplus', so 'OtherActivation' cannot be applied too: keep one and declare a separate method for each activation");

    [Fact]
    public void AnActivationAttributeTheGeneratorDoesNotImplementIsIgnoredWhenAlone()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass(
            OtherActivation + "[OtherActivation] public static partial void F(Span<float> values);")).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
    }
}
