using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// The exact output of "Generate a SIMD kernel with [Softplus]" (and [Sigmoid], [LogSigmoid], [Tanh]: the fix's table). The fixed code is compiled with the stand-in
/// generator's bodies for the added partial methods (see <see cref="StandInKernelGenerator"/>), so it must bind.
/// </summary>
public class GenerateKernelFixTests
{
    private static Task Verify(string source, string fixedSource) => FixTest<GenerateKernelCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task ArrayLoopWithBetaInANonPartialClass() => Verify("""
        using System;

        public class Activations
        {
            public static void Apply(double[] x, double[] y, int n)
            {
                for (int i = 0; i < n; i++)
                    y[i] = {|FA2001:Math.Log(1 + Math.Exp(2 * x[i])) / 2|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        public partial class Activations
        {
            public static void Apply(double[] x, double[] y, int n)
            {
                Softplus(x.AsSpan(0, n), y.AsSpan(0, n));
            }

            [Softplus(Beta = 2, Threshold = double.PositiveInfinity)]
            private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);
        }
        """);

    [Theory]
    [InlineData(
        "static void M(double[] x, double[] y)", "for (int i = 0; i < x.Length; i++) y[i] = {|FA2004:Math.Exp(x[i]) / (1 + Math.Exp(x[i]))|};",
        "Sigmoid(x, y.AsSpan(0, x.Length));", "[Sigmoid]\n    private static partial void Sigmoid(ReadOnlySpan<double> x, Span<double> destination);")]
    [InlineData(
        "static void M(ReadOnlySpan<float> x, Span<float> y)", "for (int i = 0; i < x.Length; i++) y[i] = {|FA2005:-MathF.Log(1 + MathF.Exp(-x[i]))|};",
        "LogSigmoid(x, y.Slice(0, x.Length));", "[LogSigmoid]\n    private static partial void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination);")]
    [InlineData(
        "static void M(float[] v)", "for (int i = 0; i < v.Length; i++) v[i] = {|FA2008:(MathF.Exp(2 * v[i]) - 1) / (MathF.Exp(2 * v[i]) + 1)|};",
        "Tanh(v);", "[Tanh]\n    private static partial void Tanh(Span<float> values);")]
    public Task EachActivationOfTheTableGetsItsAttribute(string signature, string loop, string call, string kernel) => Verify(
        "using System;\n\nstatic class Act\n{\n    " + signature + "\n    {\n        " + loop + "\n    }\n}\n",
        "using System;\nusing FusedActivations;\n\nstatic partial class Act\n{\n    " + signature + "\n    {\n        " + call + "\n    }\n\n    " + kernel + "\n}\n");

    [Fact]
    public Task ANegatedArgumentIsNotAMapAndGetsTheExpressionFix() => FixTest<UseFusedMathCodeFixProvider>.VerifyAsync("""
        using System;

        static class Act
        {
            static void LogSigmoidOfMinus(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = {|FA2005:Math.Log(1 / (1 + Math.Exp(x[i])))|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static class Act
        {
            static void LogSigmoidOfMinus(double[] x, double[] y)
            {
                {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = FusedMath.LogSigmoid(-x[i]);
            }
        }
        """);

    [Fact]
    public Task FloatSpansWithLengthBoundAndBraces() => Verify("""
        using System;

        static partial class Act
        {
            static void Apply(ReadOnlySpan<float> input, Span<float> output)
            {
                // softplus with beta 0.5
                for (int i = 0; i < input.Length; ++i)
                {
                    output[i] = {|FA2001:MathF.Log(1f + MathF.Exp(0.5f * input[i])) / 0.5f|};
                }
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class Act
        {
            static void Apply(ReadOnlySpan<float> input, Span<float> output)
            {
                // softplus with beta 0.5
                Softplus(input, output.Slice(0, input.Length));
            }

            [Softplus(Beta = 0.5f)]
            private static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);
        }
        """);

    [Fact]
    public Task NestedTypesAreAllMadePartial() => Verify("""
        using System;

        namespace App.Models
        {
            internal sealed class Outer
            {
                private struct Inner
                {
                    internal static void Map(float[] x, float[] y)
                    {
                        for (int i = 0; i < x.Length; i++) y[i] = {|FA2001:MathF.Log(1 + MathF.Exp(x[i]))|};
                    }
                }
            }
        }
        """, """
        using System;
        using FusedActivations;

        namespace App.Models
        {
            internal sealed partial class Outer
            {
                private partial struct Inner
                {
                    internal static void Map(float[] x, float[] y)
                    {
                        Softplus(x, y.AsSpan(0, x.Length));
                    }

                    [Softplus]
                    private static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);
                }
            }
        }
        """);

    [Fact]
    public Task FloatArraysComputedInDoubleWithACast() => Verify("""
        using System;

        class C
        {
            void M(float[] x, float[] y)
            {
                for (int i = 0; i < y.Length; i++) y[i] = (float){|FA2001:Math.Log(1 + Math.Exp(x[i]))|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        partial class C
        {
            void M(float[] x, float[] y)
            {
                Softplus(x.AsSpan(0, y.Length), y);
            }

            [Softplus]
            private static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);
        }
        """);

    [Fact]
    public Task InPlaceLoopGetsAnInPlaceKernel() => Verify("""
        using System;

        static class C
        {
            static void M(Span<double> v)
            {
                for (int i = 0; i < v.Length; i += 1) v[i] = {|FA2001:Math.Log(1 + Math.Exp(v[i]))|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static void M(Span<double> v)
            {
                Softplus(v);
            }

            [Softplus(Threshold = double.PositiveInfinity)]
            private static partial void Softplus(Span<double> values);
        }
        """);

    [Fact]
    public Task NameInUseGetsANumber() => Verify("""
        using System;

        static class C
        {
            static double Softplus(double x) => x;

            static void M(double[] x, double[] y, int n)
            {
                for (int i = 0; i < n; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static double Softplus(double x) => x;

            static void M(double[] x, double[] y, int n)
            {
                Softplus2(x.AsSpan(0, n), y.AsSpan(0, n));
            }

            [Softplus(Threshold = double.PositiveInfinity)]
            private static partial void Softplus2(ReadOnlySpan<double> x, Span<double> destination);
        }
        """);

    [Fact]
    public Task ConstantBetaFromAConstIsWrittenAsItsValue() => Verify("""
        using System;

        static class C
        {
            private const double Sharpness = 3;

            static void M(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(Sharpness * x[i])) / Sharpness|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            private const double Sharpness = 3;

            static void M(double[] x, double[] y)
            {
                Softplus(x, y.AsSpan(0, x.Length));
            }

            [Softplus(Beta = 3, Threshold = double.PositiveInfinity)]
            private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);
        }
        """);

    [Fact]
    public Task FixAllReusesOneKernelPerBetaAndNamesTheOthers() => Verify("""
        using System;

        static class C
        {
            static void M(double[] x, double[] y, double[] z, double[] w, int n)
            {
                for (int i = 0; i < n; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};
                for (int i = 0; i < n; i++) z[i] = {|FA2001:Math.Log(1 + Math.Exp(2 * y[i])) / 2|};
                for (int j = 0; j < n; j++) w[j] = {|FA2001:Math.Log(1 + Math.Exp(z[j]))|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static void M(double[] x, double[] y, double[] z, double[] w, int n)
            {
                Softplus(x.AsSpan(0, n), y.AsSpan(0, n));
                Softplus2(y.AsSpan(0, n), z.AsSpan(0, n));
                Softplus(z.AsSpan(0, n), w.AsSpan(0, n));
            }

            [Softplus(Threshold = double.PositiveInfinity)]
            private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);

            [Softplus(Beta = 2, Threshold = double.PositiveInfinity)]
            private static partial void Softplus2(ReadOnlySpan<double> x, Span<double> destination);
        }
        """);

    [Fact]
    public Task AnExistingMatchingKernelIsReused() => Verify("""
        using System;
        using FusedActivations;

        static partial class C
        {
            [Softplus(Beta = 2)]
            public static partial void Fast(ReadOnlySpan<float> x, Span<float> destination);

            static void M(float[] x, float[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = {|FA2001:MathF.Log(1 + MathF.Exp(2 * x[i])) * 0.5f|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            [Softplus(Beta = 2)]
            public static partial void Fast(ReadOnlySpan<float> x, Span<float> destination);

            static void M(float[] x, float[] y)
            {
                Fast(x, y.AsSpan(0, x.Length));
            }
        }
        """);

    /// <summary>FA2009's whole GELU formula in a map loop: the [Gelu] kernel with the tanh approximation (the real generator compiles it).</summary>
    [Fact]
    public Task TheTanhFormOfGeluBecomesAGeluKernel() => RealGeneratorFixTest<GenerateKernelCodeFixProvider>.VerifyAsync("""
        using System;

        static class C
        {
            static void M(float[] x, float[] y)
            {
                for (int i = 0; i < x.Length; i++)
                    y[i] = {|FA2009:0.5f * x[i] * (1 + MathF.Tanh(0.7978846f * (x[i] + 0.044715f * x[i] * x[i] * x[i])))|};
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static void M(float[] x, float[] y)
            {
                Gelu(x, y.AsSpan(0, x.Length));
            }

            [Gelu(Approximate = GeluApproximation.Tanh)]
            private static partial void Gelu(ReadOnlySpan<float> x, Span<float> destination);
        }
        """);

    /// <summary>An exact-GELU kernel is not reused for the tanh form.</summary>
    [Fact]
    public Task AGeluKernelOfTheOtherApproximationIsNotReused() => RealGeneratorFixTest<GenerateKernelCodeFixProvider>.VerifyAsync("""
        using System;
        using FusedActivations;

        static partial class C
        {
            static void M(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++)
                    y[i] = {|FA2009:0.5 * x[i] * (1 + Math.Tanh(0.7978845608028654 * (x[i] + 0.044715 * x[i] * x[i] * x[i])))|};
            }

            [Gelu]
            private static partial void Gelu(ReadOnlySpan<double> x, Span<double> destination);
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static void M(double[] x, double[] y)
            {
                Gelu2(x, y.AsSpan(0, x.Length));
            }

            [Gelu]
            private static partial void Gelu(ReadOnlySpan<double> x, Span<double> destination);

            [Gelu(Approximate = GeluApproximation.Tanh)]
            private static partial void Gelu2(ReadOnlySpan<double> x, Span<double> destination);
        }
        """);

    /// <summary>A type Sigmoid in scope: [Sigmoid] would not bind to SigmoidAttribute, nor a method Sigmoid leave the type visible.</summary>
    [Fact]
    public Task TypesNamedLikeTheAttributeOrSpanGetGlobalNames() => Verify("""
        namespace App
        {
            class Sigmoid { }

            class Span { }

            static class C
            {
                static void M(float[] x, float[] y)
                {
                    for (int i = 0; i < x.Length; i++) y[i] = {|FA2004:System.MathF.Exp(x[i]) / (1 + System.MathF.Exp(x[i]))|};
                }
            }
        }
        """, """
        using System;

        namespace App
        {
            class Sigmoid { }

            class Span { }

            static partial class C
            {
                static void M(float[] x, float[] y)
                {
                    Sigmoid2(x, y.AsSpan(0, x.Length));
                }

                [global::FusedActivations.Sigmoid]
                private static partial void Sigmoid2(ReadOnlySpan<float> x, global::System.Span<float> destination);
            }
        }
        """);

    [Fact]
    public async Task TopLevelStatementsGetAProgramDeclaration()
    {
        var test = new FixTest<GenerateKernelCodeFixProvider>
        {
            TestCode = """
                using System;

                var x = new double[] { -800, 0, 800 };
                var y = new double[3];
                for (int i = 0; i < 3; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};
                Console.WriteLine(y[2]);
                """,
            FixedCode = """
                using System;
                using FusedActivations;

                var x = new double[] { -800, 0, 800 };
                var y = new double[3];
                Softplus(x.AsSpan(0, 3), y.AsSpan(0, 3));
                Console.WriteLine(y[2]);

                partial class Program
                {
                    [Softplus(Threshold = double.PositiveInfinity)]
                    private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);
                }

                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Theory]
    // beta not a constant: it cannot become an attribute argument
    [InlineData("for (int i = 0; i < n; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(b * x[i])) / b|};")]
    // not element-wise, or more than the map in the body
    [InlineData("for (int i = 0; i < n; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i] + x[0]))|};")]
    [InlineData("for (int i = 0; i < n - 1; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i + 1]))|};")]
    [InlineData("for (int i = 0; i < n; i++) { y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|}; Console.WriteLine(i); }")]
    [InlineData("for (int i = 1; i < n; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < n; i += 2) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i <= n; i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < n; i++) y[i] += {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < n; i++) y[i] = 2 * {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < Next(); i++) y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < n; i++) list[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < n; i++) f[i] = (float){|FA2001:Math.Log(1 + Math.Exp(x[i]))|};")]
    [InlineData("for (int i = 0; i < n; i++) y[i] = Math.Max(0.5, {|FA2001:Math.Log(1 + Math.Exp(x[i]))|});")]
    [InlineData("foreach (var v in x) Console.WriteLine({|FA2001:Math.Log(1 + Math.Exp(v))|});")]
    public Task NotOfferedForOtherLoops(string loop)
    {
        string source = $$"""
            using System;
            using System.Collections.Generic;

            static class C
            {
                static int Next() => 3;

                static void M(double[] x, double[] y, float[] f, List<double> list, double b, int n)
                {
                    {{loop}}
                }
            }
            """;
        return Verify(source, source);
    }
}
