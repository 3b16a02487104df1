using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>FA1003 (unsupported signature shape) and FA1004 (unsupported element type), on the offending part.</summary>
public sealed class SignatureDiagnosticTests
{
    private const string Shapes =
        "; use 'void F(ReadOnlySpan<T> x, Span<T> destination)', 'void F(Span<T> values)' or 'T F(T x)' with T float or double";

    [Theory]
    [InlineData("void F([|Span<float>|] x, Span<float> destination)", "the first of two parameters must be a ReadOnlySpan<T>, not 'System.Span<float>'")]
    [InlineData("void F(ReadOnlySpan<float> x, [|ReadOnlySpan<float>|] destination)", "the second of two parameters must be a Span<T>, not 'System.ReadOnlySpan<float>'")]
    [InlineData("void F(ReadOnlySpan<float> x, [|Span<double>|] destination)", "the destination's element type 'double' differs from the input's 'float'")]
    [InlineData("void F([|ReadOnlySpan<float>|] values)", "the parameter of an in-place method must be a Span<T>, not 'System.ReadOnlySpan<float>'")]
    [InlineData("void F[|()|]", "it has no parameters")]
    [InlineData("void F[|(ReadOnlySpan<float> a, Span<float> b, Span<float> c)|]", "it has 3 parameters")]
    [InlineData("[|float|] F(ReadOnlySpan<float> x, Span<float> destination)", "a method with two parameters must return void")]
    [InlineData("[|double|] F(float x)", "the return type 'double' differs from the parameter type 'float'")]
    [InlineData("float F([|Span<float>|] x)", "a method taking a span must return void")]
    [InlineData("void F([|ref Span<float> values|])", "parameter 'values' is passed by reference ('ref'), but only by value is supported")]
    [InlineData("float F([|in float x|])", "parameter 'x' is passed by reference ('in'), but only by value is supported")]
    [InlineData("void F([|this Span<float> values|])", "parameter 'values' is declared 'this', but extension methods are not supported")]
    [InlineData("[|ref float|] F(float x)", "it returns by reference, but only by value is supported")]
    public void FA1003_UnsupportedSignature(string signature, string reason) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Softplus] public static partial {signature};"),
            "FA1003",
            $"Method 'F' has an unsupported signature: {reason}{Shapes}");

    [Theory]
    [InlineData("void F([|Span<int>|] values)", "int")]
    [InlineData("void F([|ReadOnlySpan<Half>|] x, Span<Half> destination)", "System.Half")]
    [InlineData("int F([|int|] x)", "int")]
    [InlineData("float? F([|float?|] x)", "float?")]
    public void FA1004_UnsupportedElementType(string signature, string element) =>
        DiagnosticAssert.Single(
            Sources.InActivationClass($"[Softplus] public static partial {signature};"),
            "FA1004",
            $"Element type '{element}' of method 'F' is not supported: use float or double");

    [Fact]
    public void MismatchedUnsupportedScalarTypesGetOneFA1004Each() =>
        Assert.Equal(new[] { "FA1004", "FA1004" }, DiagnosticAssert.Ids(Sources.InActivationClass("[Softplus] public static partial long F(int x);")));

    [Theory]
    [InlineData("Span", "public static partial void [|F|](System.Span<float> values);")]
    [InlineData("Span", "public static partial void [|F|](ReadOnlySpan<float> x, Span<float> destination);")]
    [InlineData("ReadOnlySpan", "public static partial float [|F|](float x);")]
    public void FA1003_LookAlikeSpanIsNotTheCoreLibrarysSpan(string type, string method) =>
        // Issue 10, item 6: a System.Span<T> declared in source was taken for the real one (the generated code then failed
        // with CS0411). The kernels use the core library's spans even for one value (their tables are ReadOnlySpan<double>),
        // and a look-alike in source takes over the name, so one FA1003 on the method says it, whatever its shape.
        DiagnosticAssert.Single(
            $$"""
            using System;
            using FusedActivations;

            namespace System
            {
                public readonly ref struct {{type}}<T> { }
            }

            namespace Tests
            {
                public static partial class Act
                {
                    [Softplus] {{method}}
                }
            }
            """,
            "FA1003",
            $"Method 'F' has an unsupported signature: 'System.{type}<T>' is declared in this project's source and hides the core library's type, which the generated kernel needs; remove or rename that declaration{Shapes}",
            ignoreCompilerIds: new[] { "CS0436" });
}
