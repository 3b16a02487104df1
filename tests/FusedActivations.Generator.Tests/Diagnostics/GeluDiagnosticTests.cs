using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>FA1015: an Approximate that is not a defined GeluApproximation, on the argument's expression.</summary>
public sealed class GeluDiagnosticTests
{
    [Theory]
    [InlineData("[|(GeluApproximation)2|]", "2")]
    [InlineData("[|(GeluApproximation)(-1)|]", "-1")]
    public void FA1015_InvalidGeluApproximation(string markup, string shown) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Gelu(Approximate = {markup})] public static partial void F(Span<float> values);"),
            "FA1015",
            $"Approximate = {shown} is not a GeluApproximation for 'F': use GeluApproximation.None (erf, the default) or GeluApproximation.Tanh");
}
