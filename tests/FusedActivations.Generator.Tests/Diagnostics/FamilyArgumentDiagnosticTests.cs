using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>
/// The parameters of the family's attributes (issue 11): FA1013 (Elu's Alpha), FA1014 (LeakyRelu's NegativeSlope),
/// FA1006 (Silu's Beta), on the argument's expression, as the only error of the build; and the arguments and
/// attributes every activation shares (FA1008, FA1009). GELU's FA1015 is in <see cref="GeluDiagnosticTests"/>.
/// </summary>
public sealed class FamilyArgumentDiagnosticTests
{
    [Theory]
    [InlineData("[|0|]", "Span<double>", "0", "it must be greater than 0")]
    [InlineData("[|-1|]", "Span<float>", "-1", "it must be greater than 0")]
    [InlineData("[|double.NaN|]", "Span<double>", "NaN", "it must not be NaN")]
    [InlineData("[|double.PositiveInfinity|]", "Span<double>", "Infinity", "it must be finite")]
    [InlineData("[|double.NegativeInfinity|]", "Span<float>", "-Infinity", "it must be finite")]
    [InlineData("[|1e-50|]", "Span<float>", "1E-50", "it rounds to 0 as a float")]
    [InlineData("[|1e39|]", "Span<float>", "1E+39", "it overflows a float")]
    public void FA1013_InvalidAlpha(string alphaMarkup, string parameterType, string shown, string problem) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Elu(Alpha = {alphaMarkup})] public static partial void F({parameterType} values);"),
            "FA1013",
            $"Alpha = {shown} is not valid for 'F': {problem}; use a finite value greater than 0 such as Alpha = 1");

    [Theory]
    [InlineData("[|double.NaN|]", "float", "NaN", "it must not be NaN")]
    [InlineData("[|double.PositiveInfinity|]", "double", "Infinity", "it must be finite")]
    [InlineData("[|-1.0 / 0.0|]", "double", "-Infinity", "it must be finite")]
    [InlineData("[|1e39|]", "float", "1E+39", "it overflows a float")]
    [InlineData("[|-3.5e38|]", "float", "-3.5E+38", "it overflows a float")]
    public void FA1014_InvalidNegativeSlope(string slopeMarkup, string elementType, string shown, string problem) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[LeakyRelu(NegativeSlope = {slopeMarkup})] public static partial {elementType} F({elementType} x);"),
            "FA1014",
            $"NegativeSlope = {shown} is not valid for 'F': {problem}; use a finite value such as NegativeSlope = 0.01");

    [Theory]
    [InlineData("[|0|]", "double", "0", "it must be greater than 0")]
    [InlineData("[|-2|]", "float", "-2", "it must be greater than 0")]
    [InlineData("[|double.NaN|]", "double", "NaN", "it must not be NaN")]
    [InlineData("[|double.PositiveInfinity|]", "float", "Infinity", "it must be finite")]
    [InlineData("[|1e-50|]", "float", "1E-50", "it rounds to 0 as a float")]
    [InlineData("[|1e39|]", "float", "1E+39", "it overflows a float")]
    [InlineData("[|1e-31|]", "float", "1E-31", "the kernels support beta from 1E-30 to 1E+30 for float")]
    [InlineData("[|2e30|]", "float", "2E+30", "the kernels support beta from 1E-30 to 1E+30 for float")]
    [InlineData("[|1e-201|]", "double", "1E-201", "the kernels support beta from 1E-200 to 1E+200 for double")]
    [InlineData("[|1e250|]", "double", "1E+250", "the kernels support beta from 1E-200 to 1E+200 for double")]
    public void FA1006_InvalidSiluBeta(string betaMarkup, string elementType, string shown, string problem) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Silu(Beta = {betaMarkup})] public static partial void F(ReadOnlySpan<{elementType}> x, Span<{elementType}> destination);"),
            "FA1006",
            $"Beta = {shown} is not valid for 'F': {problem}; use a finite value greater than 0 such as Beta = 1");

    /// <summary>The counterpart of the tests above: values at and just inside the limits are accepted and implemented.</summary>
    [Theory]
    [InlineData("[Elu(Alpha = 1e-30)] public static partial void F(Span<float> values);")]
    [InlineData("[Elu(Alpha = 1e300)] public static partial double F(double x);")]
    [InlineData("[LeakyRelu(NegativeSlope = 0)] public static partial void F(Span<float> values);")]
    [InlineData("[LeakyRelu(NegativeSlope = -0.5)] public static partial double F(double x);")]
    [InlineData("[LeakyRelu(NegativeSlope = 3e38)] public static partial float F(float x);")]
    [InlineData("[Silu(Beta = 1e-30)] public static partial void F(Span<float> values);")]
    [InlineData("[Silu(Beta = 1e30)] public static partial float F(float x);")]
    [InlineData("[Silu(Beta = 1e-200)] public static partial void F(Span<double> values);")]
    [InlineData("[Silu(Beta = 1e200)] public static partial double F(double x);")]
    public void ValidParametersAreImplemented(string member)
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass(member)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Contains("file readonly struct", Assert.Single(run.MethodSources).SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Single(run.SharedSources);
    }

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Silu(Beta = 2, Unroll = [|5|])")]
    [InlineData("Elu(Unroll = [|5|])")]
    [InlineData("HardSwish")]
    public void FA1008_InvalidUnrollOnEveryActivation(string attribute) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[{(attribute.Contains("Unroll") ? attribute : attribute + "(Unroll = [|5|])")}] public static partial void F(Span<float> values);"),
            "FA1008",
            "Unroll = 5 is not supported for 'F': use 1, 2, 4 or 8, or 0 (the default) to let the generator choose");

    [Theory]
    [InlineData("[Sigmoid][[|Tanh|]]", "Sigmoid", "Tanh")]
    [InlineData("[LeakyRelu(NegativeSlope = 0.1), [|Relu|]]", "LeakyRelu", "Relu")]
    [InlineData("[Softplus][[|Mish|]]", "Softplus", "Mish")]
    public void FA1009_TwoActivationsOfTheFamily(string attributes, string first, string second) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass(attributes + " public static partial void F(Span<double> values);"),
            "FA1009",
            $"Method 'F' already has the activation attribute '{first}', so '{second}' cannot be applied too: keep one and declare a separate method for each activation");
}
