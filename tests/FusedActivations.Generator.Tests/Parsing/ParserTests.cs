using FusedActivations.Generator.Model;
using FusedActivations.Generator.Parsing;
using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Parsing;

/// <summary>Valid declarations give a <see cref="MethodSpec"/> with the right fields.</summary>
public sealed class ParserTests
{
    private static MethodSpec ParseValid(string source)
    {
        ParseResult result = ParserHarness.Parse(source);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Method);
        return result.Method!;
    }

    private static EquatableArray<T> Array<T>(params T[] items)
        where T : System.IEquatable<T> => new(System.Collections.Immutable.ImmutableArray.Create(items));

    [Fact]
    public void SpanToSpanFloatInFileScopedNamespace()
    {
        MethodSpec spec = ParseValid(Sources.InActivationClass(
            "[Softplus(Beta = 2, Threshold = 20)] public static partial void Softplus2(ReadOnlySpan<float> input, Span<float> output);"));

        var expected = new MethodSpec(
            "Tests",
            Array(new ContainingTypeSpec("class", "Act")),
            "public static partial",
            "void",
            "Softplus2",
            Array(
                new ParameterSpec("", "global::System.ReadOnlySpan<float>", "input"),
                new ParameterSpec("", "global::System.Span<float>", "output")),
            MethodShape.SpanToSpan,
            new KernelSpec(new SoftplusSpec(2, 20), ElementType.Single, Parser.DefaultUnroll));
        Assert.Equal(expected, spec);
    }

    [Fact]
    public void InPlaceDoubleWithDefaultsInNestedBlockNamespaces()
    {
        MethodSpec spec = ParseValid(Sources.Usings + """
            namespace A
            {
                namespace B.C
                {
                    internal partial struct Holder
                    {
                        [Softplus] internal static partial void Apply(Span<double> values);
                    }
                }
            }
            """);

        Assert.Equal("A.B.C", spec.Namespace);
        Assert.Equal(Array(new ContainingTypeSpec("struct", "Holder")), spec.ContainingTypes);
        Assert.Equal("internal static partial", spec.Modifiers);
        Assert.Equal(Array(new ParameterSpec("", "global::System.Span<double>", "values")), spec.Parameters);
        Assert.Equal(MethodShape.InPlace, spec.Shape);
        Assert.Equal(new KernelSpec(new SoftplusSpec(1, 20), ElementType.Double, Parser.DefaultUnroll), spec.Kernel);
    }

    [Fact]
    public void ScalarFloatInGlobalNamespace()
    {
        MethodSpec spec = ParseValid(Sources.Usings + """
            partial class Act
            {
                [Softplus(Beta = 0.5, Unroll = 8)] private static partial float Softplus(float x);
            }
            """);

        Assert.Null(spec.Namespace);
        Assert.Equal(Array(new ContainingTypeSpec("class", "Act")), spec.ContainingTypes);
        Assert.Equal("private static partial", spec.Modifiers);
        Assert.Equal("float", spec.ReturnType);
        Assert.Equal(Array(new ParameterSpec("", "float", "x")), spec.Parameters);
        Assert.Equal(MethodShape.Scalar, spec.Shape);
        Assert.Equal(new KernelSpec(new SoftplusSpec(0.5, 20), ElementType.Single, 8), spec.Kernel);
    }

    [Fact]
    public void NestedGenericContainingTypesOutermostFirst()
    {
        MethodSpec spec = ParseValid(Sources.Usings + """
            namespace N;
            [AttributeUsage(AttributeTargets.GenericParameter)] public sealed class TagAttribute : Attribute { }
            public partial class Outer<T> where T : class
            {
                private partial record struct Middle<[Tag] U, V>
                {
                    protected internal partial record Inner
                    {
                        [Softplus] public static partial double F(double x);
                    }
                }
            }
            """);

        Assert.Equal("N", spec.Namespace);
        Assert.Equal(
            Array(
                new ContainingTypeSpec("class", "Outer<T>"),
                new ContainingTypeSpec("record struct", "Middle<U, V>"),
                new ContainingTypeSpec("record", "Inner")),
            spec.ContainingTypes);
    }

    [Theory]
    [InlineData("Unroll = 0", 4)]
    [InlineData("Unroll = 1", 1)]
    [InlineData("Unroll = 2", 2)]
    [InlineData("Unroll = 4", 4)]
    [InlineData("Unroll = 8", 8)]
    public void UnrollZeroResolvesToTheDefault(string argument, int expected)
    {
        Assert.Equal(4, Parser.DefaultUnroll);
        MethodSpec spec = ParseValid(Sources.InActivationClass($"[Softplus({argument})] public static partial void F(Span<float> values);"));
        Assert.Equal(expected, spec.Kernel.Unroll);
    }

    [Theory]
    [InlineData("Beta = 2", 2.0, 20.0)]
    [InlineData("Beta = 2f", 2.0, 20.0)]
    [InlineData("Beta = 0.1", 0.1, 20.0)]
    [InlineData("Threshold = double.PositiveInfinity", 1.0, double.PositiveInfinity)]
    [InlineData("Threshold = -3", 1.0, -3.0)]
    [InlineData("Beta = Constants.Beta, Threshold = Constants.Beta * 10", 1.5, 15.0)]
    public void BetaAndThresholdAreReadAsDoubles(string arguments, double beta, double threshold)
    {
        MethodSpec spec = ParseValid(Sources.InActivationClass(
            "private static class Constants { public const double Beta = 1.5; }\n" +
            $"[Softplus({arguments})] public static partial void F(Span<double> values);"));
        Assert.Equal(new SoftplusSpec(beta, threshold), spec.Kernel.Activation);
    }

    [Fact]
    public void ModifiersAreRepeatedAsWrittenInDeclarationOrder()
    {
        MethodSpec spec = ParseValid(Sources.Usings + """
            public class Base { public static void F(Span<float> values) { } }
            public partial class Derived : Base
            {
                [Softplus] new protected internal static partial void F(Span<float> values);
            }
            """);
        Assert.Equal("new protected internal static partial", spec.Modifiers);
    }

    [Fact]
    public void ScopedAndParamsParameterModifiersAreKept()
    {
        MethodSpec spec = ParseValid(Sources.InActivationClass(
            "[Softplus] public static partial void F(scoped ReadOnlySpan<float> x, params Span<float> destination);"));
        Assert.Equal(
            Array(
                new ParameterSpec("scoped", "global::System.ReadOnlySpan<float>", "x"),
                new ParameterSpec("params", "global::System.Span<float>", "destination")),
            spec.Parameters);
    }

    [Fact]
    public void KeywordNamesAreEscaped()
    {
        MethodSpec spec = ParseValid(Sources.Usings + """
            namespace @namespace.@class;
            public static partial class @static
            {
                [Softplus] public static partial float @default(float @in);
            }
            """);
        Assert.Equal("@namespace.@class", spec.Namespace);
        Assert.Equal(Array(new ContainingTypeSpec("class", "@static")), spec.ContainingTypes);
        Assert.Equal("@default", spec.Name);
        Assert.Equal(Array(new ParameterSpec("", "float", "@in")), spec.Parameters);
    }

    [Fact]
    public void FullyQualifiedTypesAreUsedWhateverTheUsingsOrAliases()
    {
        MethodSpec spec = ParseValid("""
            using FusedActivations;
            using Floats = System.Span<float>;
            public static partial class Act
            {
                [Softplus] public static partial void F(Floats values);
            }
            """);
        Assert.Equal(Array(new ParameterSpec("", "global::System.Span<float>", "values")), spec.Parameters);
    }

    [Fact]
    public void EqualSourcesGiveEqualResults() =>
        Assert.Equal(
            ParserHarness.Parse(Sources.InActivationClass("[Softplus(Beta = 3)] public static partial void F(Span<float> values);")),
            ParserHarness.Parse(Sources.InActivationClass("[Softplus(Beta = 3)] public static partial void F(Span<float> values);")));

    [Fact]
    public void DifferentArgumentsGiveDifferentResults() =>
        Assert.NotEqual(
            ParserHarness.Parse(Sources.InActivationClass("[Softplus(Beta = 3)] public static partial void F(Span<float> values);")),
            ParserHarness.Parse(Sources.InActivationClass("[Softplus(Beta = 4)] public static partial void F(Span<float> values);")));
}
