using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>
/// FA1015: GELU's <c>Approximate</c> must name a member of <c>GeluApproximation</c>. A cast lets any integer through
/// the compiler, so the generator checks the value, on the argument's expression, as the only error of the build.
/// </summary>
public sealed class GeluDiagnosticTests
{
    [Theory]
    [InlineData("[|(GeluApproximation)7|]", "Span<float>", "7")]
    [InlineData("[|(GeluApproximation)(-1)|]", "Span<double>", "-1")]
    public void FA1015_InvalidGeluApproximation(string approximateMarkup, string parameterType, string shown) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Gelu(Approximate = {approximateMarkup})] public static partial void F({parameterType} values);"),
            "FA1015",
            $"Approximate = {shown} is not a GeluApproximation for 'F': use GeluApproximation.None (erf, the default) or GeluApproximation.Tanh");

    /// <summary>The counterpart: both members are accepted and implemented.</summary>
    [Theory]
    [InlineData("[Gelu] public static partial void F(Span<float> values);")]
    [InlineData("[Gelu(Approximate = GeluApproximation.None)] public static partial double F(double x);")]
    [InlineData("[Gelu(Approximate = GeluApproximation.Tanh)] public static partial void F(ReadOnlySpan<double> x, Span<double> destination);")]
    public void BothApproximationsAreImplemented(string member)
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass(member)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Contains("file readonly struct", Assert.Single(run.MethodSources).SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Single(run.SharedSources);
    }
}
