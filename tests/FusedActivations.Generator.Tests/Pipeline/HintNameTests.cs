using System.Linq;
using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Pipeline;

/// <summary>
/// AddSource throws on a hint name that is invalid or already used, which fails the whole generator run (no output at
/// all, CS8785): every valid method must get a distinct, valid hint name.
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void KeywordNamesGiveValidHintNames()
    {
        // The spec holds escaped identifiers ('@default'), ready to be written as code; '@' is not allowed in hint names.
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace @namespace;
            public static partial class @class
            {
                [Softplus] public static partial float @default(float x);
            }
            """).AssertNoGeneratorFailure();
        Assert.Single(run.Result.GeneratedSources);
    }

    [Fact]
    public void TypesWhoseNamesDifferOnlyInPunctuationGetDistinctHintNames()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace N;
            public static partial class Outer<T>
            {
                [Softplus] public static partial void F(Span<float> values);
            }
            public static partial class Outer_T_
            {
                [Softplus] public static partial void F(Span<float> values);
            }
            """).AssertNoGeneratorFailure();
        Assert.Equal(2, run.Result.GeneratedSources.Select(s => s.HintName).Distinct().Count());
    }

    [Theory]
    [InlineData("[Softplus] public static partial void F(Span<float> values);\n[Softplus] public static partial void F(Span<float> values);")]
    [InlineData("[Softplus] public static partial void F(Span<float> values);\n[Softplus] public static partial void F(Span<float> other);")]
    [InlineData("[Softplus] public static partial void F(Span<float> values);\n[Softplus(Beta = 2)] public static partial void F(Span<float> values);")]
    public void DuplicateDeclarationsDoNotFailTheGenerator(string members)
    {
        // The compiler reports the duplicate (CS0111 / CS0756); generating both would repeat a hint name.
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass(members)).AssertNoGeneratorFailure();
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(), d => d.Id is "CS0111" or "CS0756");
    }

    [Fact]
    public void OverloadsAndSameNamedMethodsInOtherTypesGetDistinctHintNames()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace N;
            public static partial class A
            {
                [Softplus] public static partial void F(Span<float> values);
                [Softplus] public static partial void F(Span<double> values);
                [Softplus] public static partial float F(float x);
                [Softplus] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                public static partial class B
                {
                    [Softplus] public static partial void F(Span<float> values);
                }
            }
            public static partial class B
            {
                [Softplus] public static partial void F(Span<float> values);
            }
            """).AssertNoGeneratorFailure();
        Assert.Equal(6, run.Result.GeneratedSources.Select(s => s.HintName).Distinct().Count());
    }
}
