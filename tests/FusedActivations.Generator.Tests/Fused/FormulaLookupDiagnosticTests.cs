using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>FA1016 (no formula of that name) and FA1017 (a formula with an invalid signature), at the node at fault.</summary>
public sealed class FormulaLookupDiagnosticTests
{
    private const string Method = "[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);";

    [Fact]
    public void FA1016_NoMethodOfThatName()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""[Fused([|"Missing"|])] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);"""),
            "FA1016",
            "Method 'F' names 'Missing' as its formula, but 'Head' has no method of that name: declare 'static float Missing(...) => ...' in 'Head' and name it with nameof");
    }

    [Fact]
    public void FA1016_NameofOfAnotherTypesMethod()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""
                static float G(float x) => x;
                [Fused([|nameof(Other.G)|])] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                }

                public static class Other
                {
                    public static float G(float x) => x;
                """),
            "FA1016",
            "Method 'F' names 'G' as its formula, but nameof refers to a member of 'Other': the formula must be a method of 'Head' itself; declare it there, or call the other method from a formula of 'Head'");
    }

    [Fact]
    public void FA1016_SeveralFormulaOverloadsOfOneElementType()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""
                static float G(float x) => x;
                static float G(float x, float y) => x + y;
                [Fused([|nameof(G)|])] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                """),
            "FA1016",
            "Method 'F' names 'G' as its formula, but 'Head' has several methods of that name whose parameters and results are all of one element type: give the formula a name of its own");
    }

    [Fact]
    public void FA1016_AnEmptyName()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""[Fused([|""|])] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);"""),
            "FA1016",
            "Method 'F' names '' as its formula, but that names no method: declare 'static float F(...) => ...' in 'Head' and name it with nameof");
    }

    [Fact]
    public void FA1017_NotStatic()
    {
        DiagnosticAssert.Single(
            """
            using System;
            using FusedActivations;

            namespace Tests;

            public partial class Head
            {
                float [|G|](float x) => x;
                [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
            }
            """,
            "FA1017",
            "Formula 'G' is not static: declare it 'static' (a formula uses no instance state); a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");
    }

    [Fact]
    public void FA1017_ReturnsAnotherType()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("static [|int|] G(float x) => 1;\n" + Method),
            "FA1017",
            "Formula 'G' returns 'int': return float, or a tuple of floats for several outputs, like its parameters; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");
    }

    [Fact]
    public void FA1017_AParameterOfTheOtherPrecision()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("static float G(float x, [|double|] y) => x;\n" + Method.Replace("ReadOnlySpan<float> x,", "ReadOnlySpan<float> x, ReadOnlySpan<float> y,")),
            "FA1017",
            "Formula 'G' has parameter 'y' of type 'double', but its element type is float: make it float; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");
    }

    [Fact]
    public void FA1017_ATupleWithAnElementOfAnotherType()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("static [|(float, int)|] G(float x) => (x, 1);\n" + Method),
            "FA1017",
            "Formula 'G' returns '(float, int)': return float, or a tuple of floats for several outputs, like its parameters; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");
    }

    [Fact]
    public void FA1017_AParameterByReference()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("static float G([|in float x|]) => x;\n" + Method),
            "FA1017",
            "Formula 'G' takes parameter 'x' by reference or as 'this': pass it by value; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");
    }

    [Fact]
    public void FA1017_NoBody()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("static extern float [|G|](float x);\n" + Method),
            "FA1017",
            "Formula 'G' has no body: give it an expression body ('=> ...') or a block of local declarations and one 'return'; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)",
            ignoreCompilerIds: new[] { "CS0626" }); // The test's extern method has no DllImport (a warning, raised to an error here).
    }

    [Fact]
    public void FA1017_IsReportedOnceForTheFusedAndTheGradientMethodThatShareTheFormula()
    {
        DiagnosticAssert.Single(
            FusedSources.InHead("""
                static [|int|] G(float x) => 1;
                [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                [FusedGradient(nameof(G))] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gradX);
                """),
            "FA1017",
            "Formula 'G' returns 'int': return float, or a tuple of floats for several outputs, like its parameters; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");
    }
}
