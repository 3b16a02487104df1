using FusedActivations.Generator.Parsing;
using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Parsing;

/// <summary>
/// Code that does not compile for reasons the compiler already reports gives an empty result: no spec (nothing to
/// generate from guesses) and no diagnostic of ours on top of the compiler's.
/// </summary>
public sealed class ParserQuietBailOutTests
{
    [Theory]
    [InlineData("[Softplus] public static partial void F(Spam<float> values);")]
    [InlineData("[Softplus] public static partial void F(Span<Unknown> values);")]
    [InlineData("[Softplus] public static partial Unknown F(float x);")]
    [InlineData("[Softplus(Beta = \"two\")] public static partial void F(Span<float> values);")]
    [InlineData("[Softplus(Beta = UnknownConstant)] public static partial void F(Span<float> values);")]
    [InlineData("[Softplus(Unroll = 2.5)] public static partial void F(Span<float> values);")]
    [InlineData("[Softplus(Threshold = )] public static partial void F(Span<float> values);")]
    public void UnresolvedTypesAndNonConstantArgumentsGiveAnEmptyResult(string member)
    {
        ParseResult result = ParserHarness.Parse(Sources.InActivationClass(member));
        Assert.Equal(ParseResult.Empty, result);
    }

    [Fact]
    public void ProblemsThatDoNotDependOnTheUnresolvedPartsAreStillReported()
    {
        ParseResult result = ParserHarness.Parse(Sources.InActivationClass("[Softplus] public partial void F(Spam<float> values);"));
        Assert.Null(result.Method);
        Assert.Equal(new[] { "FA1002" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(result.Diagnostics, d => d.Id)));
    }

    [Fact]
    public void MethodDirectlyInANamespaceGivesAnEmptyResult()
    {
        ParseResult result = ParserHarness.Parse(Sources.Usings + "namespace N { [Softplus] public static partial void F(Span<float> values); }");
        Assert.Equal(ParseResult.Empty, result);
    }
}
