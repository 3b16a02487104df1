using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing.Fused;
using Xunit;
using static FusedActivations.Generator.Tests.Fused.FormulaAssert;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>Locals, tuples, inlined formulas, formulas in other files and overloads.</summary>
public sealed class FormulaStructureTests
{
    [Fact]
    public void ABlocksLocalsAreTheFormulasLocalsInOrder()
    {
        FormulaSpec spec = Valid("F", FusedSources.Float("""
            static float G(float x, float y)
            {
                float z = x + y;
                var s = z * z;
                return s + z;
            }
            """, 2));

        Assert.Equal(Array<FormulaNode>(Add(X, Y), Mul(L(0), L(0))), spec.Locals);
        Assert.Equal(Array<FormulaNode>(Add(L(1), L(0))), spec.Results);
        Assert.Equal("float z = x + y; var s = z * z; return s + z;", spec.Display);
        Assert.Equal(Array("x", "y"), spec.Parameters);
    }

    [Fact]
    public void SeveralLocalsInOneDeclaration()
    {
        FormulaSpec spec = Valid("F", FusedSources.Float("static float G(float x) { float a = x * 2, b = a + 1; return b; }"));
        Assert.Equal(Array<FormulaNode>(Mul(X, Lit(2)), Add(L(0), Lit(1))), spec.Locals);
        Assert.Equal(Array<FormulaNode>(L(1)), spec.Results);
    }

    [Fact]
    public void ATupleGivesOneResultPerElement()
    {
        FormulaSpec spec = Valid("F", FusedSources.InHead("""
            static (float, float) G(float x) => (FusedMath.Sigmoid(x), x * 2);
            [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> y, Span<float> dy);
            """));
        Assert.Equal(Array<FormulaNode>(Act(new ParameterlessSpec("Sigmoid"), X), Mul(X, Lit(2))), spec.Results);
    }

    [Fact]
    public void ANamedTupleReturnedFromABlock()
    {
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.InHead("""
            static (double Value, double Slope, double Curvature) G(double x)
            {
                double s = FusedMath.Sigmoid(x);
                return (x * s, s, -s);
            }
            [Fused(nameof(G))] public static partial void F(ReadOnlySpan<double> x, Span<double> value, Span<double> slope, Span<double> curvature);
            """));
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.Equal(ElementType.Double, method.Formula.Element);
        Assert.Equal(Array<FormulaNode>(Act(new ParameterlessSpec("Sigmoid"), X)), method.Formula.Locals);
        Assert.Equal(Array<FormulaNode>(Mul(X, L(0)), L(0), new NegateNode(L(0))), method.Formula.Results);
        Assert.Equal(Array(new OutputStream("value"), new OutputStream("slope"), new OutputStream("curvature")), method.Outputs);
    }

    [Fact]
    public void ATuplesIntegerElementIsConverted()
    {
        FormulaSpec spec = Valid("F", FusedSources.InHead("""
            static (float, float) G(float x) => (x, 0);
            [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> a, Span<float> b);
            """));
        Assert.Equal(Array<FormulaNode>(X, Lit(0)), spec.Results);
    }

    [Fact]
    public void AFormulaCallIsInlinedWithItsComputedArgumentsAsLocals()
    {
        FormulaSpec spec = Valid("F", FusedSources.Float("""
            static float Square(float u) => u * u;
            static float G(float x, float y) => Square(x + y) * 2f;
            """, 2));

        // x + y is computed once, however often Square uses u.
        Assert.Equal(Array<FormulaNode>(Add(X, Y)), spec.Locals);
        Assert.Equal(Array<FormulaNode>(Mul(Mul(L(0), L(0)), Lit(2))), spec.Results);
        Assert.Equal("Square(x + y) * 2f", spec.Display);
    }

    [Fact]
    public void AnInlinedFormulasLocalsFollowInCallOrder()
    {
        FormulaSpec spec = Valid("F", FusedSources.Float("""
            static float Helper(float u) { float w = u * 3f; return w + u; }
            static float G(float x, float y) => Helper(x) + Helper(y);
            """, 2));

        // Plain parameters are bound as they are; each call's own local follows.
        Assert.Equal(Array<FormulaNode>(Mul(X, Lit(3)), Mul(Y, Lit(3))), spec.Locals);
        Assert.Equal(Array<FormulaNode>(Add(Add(L(0), X), Add(L(1), Y))), spec.Results);
    }

    [Fact]
    public void InlinedCallsNest()
    {
        FormulaSpec spec = Valid("F", FusedSources.Float("""
            static float Inner(float u) => u + 1f;
            static float Middle(float v) => Inner(v * 2f) * v;
            static float G(float x) => Middle(x - 1f);
            """));
        Assert.Equal(Array<FormulaNode>(Sub(X, Lit(1)), Mul(L(0), Lit(2))), spec.Locals);
        Assert.Equal(Array<FormulaNode>(Mul(Add(L(1), Lit(1)), L(0))), spec.Results);
    }

    [Fact]
    public void TheFormulaMayBeInAnotherFileOfThePartialType()
    {
        string other = """
            namespace Tests;

            public static partial class Head
            {
                static float Helper(float u) => u * 0.5f;
                static float G(float x) => Helper(x) + FusedActivations.FusedMath.Relu(x);
            }
            """;
        string method = FusedSources.InHead("[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);");

        FormulaSpec spec = Valid("F", method, other);
        Assert.Equal(Array<FormulaNode>(Add(Mul(X, Lit(0.5f)), Act(new ParameterlessSpec("Relu"), X))), spec.Results);
    }

    [Fact]
    public void TheFormulaMayBeAPartialMethodImplementedElsewhere()
    {
        FormulaSpec spec = Valid("F", FusedSources.InHead("""
            private static partial float G(float x);
            private static partial float G(float x) => x * x;
            [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
            """));
        Assert.Equal(Array<FormulaNode>(Mul(X, X)), spec.Results);
    }

    [Fact]
    public void TheFormulaOverloadOfTheMethodsElementTypeIsChosen()
    {
        string source = FusedSources.InHead("""
            static float Scale(float raw, float bias) => raw + bias;
            static double Scale(double raw, double bias) => raw - bias;
            [Fused(nameof(Scale))] public static partial void Scale(ReadOnlySpan<float> raw, ReadOnlySpan<float> bias, Span<float> destination);
            [Fused(nameof(Scale))] public static partial void Scale(ReadOnlySpan<double> raw, ReadOnlySpan<double> bias, Span<double> destination);
            """);

        FusedParseResult single = FusedParserHarness.Parse("Scale", source);
        Assert.Equal(Array<FormulaNode>(Add(X, Y)), Assert.IsType<FusedMethodSpec>(single.Method).Formula.Results);
        Assert.Equal(ElementType.Single, single.Method!.Formula.Element);
    }

    [Fact]
    public void ScalarAndBroadcastInputs()
    {
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.InHead("""
            static float G(float x, float bias, float scale) => (x + bias) * scale;
            [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, [Broadcast] ReadOnlySpan<float> bias, float scale, Span<float> destination);
            """));
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.Equal(
            Array(new InputStream(StreamKind.Elementwise, "x"), new InputStream(StreamKind.Broadcast, "bias"), new InputStream(StreamKind.Scalar, "scale")),
            method.Inputs);
        Assert.Equal(new ParameterSpec("", "float", "scale"), method.Parameters[2]);
    }

    [Fact]
    public void AnOutputMayBeWrittenInPlaceOfAnInputAndKeywordsAreEscaped()
    {
        FusedParseResult result = FusedParserHarness.Parse("F", FusedSources.InHead("""
            static float G(float @in) => @in * 2;
            [Fused(nameof(G))] internal static partial void F(scoped ReadOnlySpan<float> @in, Span<float> @out);
            """));
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.Equal("internal static partial", method.Modifiers);
        Assert.Equal(new ParameterSpec("scoped", "global::System.ReadOnlySpan<float>", "@in"), method.Parameters[0]);
        Assert.Equal(Array(new InputStream(StreamKind.Elementwise, "@in")), method.Inputs);
        Assert.Equal(Array(new OutputStream("@out")), method.Outputs);
        Assert.Equal(Array("@in"), method.Formula.Parameters);
    }

    [Fact]
    public void NestedGenericContainingTypesAndAStringFormulaName()
    {
        FusedParseResult result = FusedParserHarness.Parse("F", """
            using System;
            using FusedActivations;

            namespace A.B
            {
                public partial class Outer<T>
                {
                    internal partial struct Inner
                    {
                        static double G(double x) => x / 3;
                        [Fused("G")] public static partial void F(ReadOnlySpan<double> x, Span<double> destination);
                    }
                }
            }
            """);
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.Equal("A.B", method.Namespace);
        Assert.Equal(Array(new ContainingTypeSpec("class", "Outer<T>"), new ContainingTypeSpec("struct", "Inner")), method.ContainingTypes);
        Assert.Equal(Array<FormulaNode>(Div(X, Lit(3))), method.Formula.Results);
    }

    [Fact]
    public void ATwoInputGradientWithAScalarGetsOneGradientPerSpanInput()
    {
        var stand = new FormulaSpec(ElementType.Single, Array("x", "scale", "g"), EquatableArray<FormulaNode>.Empty, Array<FormulaNode>(new ParameterNode(2)), "stand-in");
        System.Collections.Generic.IReadOnlyList<StreamKind>? kinds = null;
        FusedParseResult result = FusedParserHarness.Parse("Back", (_, k) => { kinds = k; return stand; }, FusedSources.InHead("""
            static (float, float) G(float x, float scale) => (x * scale, x);
            [FusedGradient(nameof(G))] public static partial void Back(ReadOnlySpan<float> x, float scale, ReadOnlySpan<float> g0, ReadOnlySpan<float> g1, Span<float> gradX);
            """));
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.Equal(new[] { StreamKind.Elementwise, StreamKind.Scalar }, kinds);
        Assert.Equal(
            Array(new InputStream(StreamKind.Elementwise, "x"), new InputStream(StreamKind.Scalar, "scale"), new InputStream(StreamKind.Elementwise, "g0"), new InputStream(StreamKind.Elementwise, "g1")),
            method.Inputs);
        Assert.Equal(Array(new OutputStream("gradX", 0)), method.Outputs);
    }
}
