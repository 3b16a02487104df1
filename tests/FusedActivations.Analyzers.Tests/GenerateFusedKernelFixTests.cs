using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// The exact output of FA2012's fix, compiled with the real generator: a [Fused] formula method and kernel for a
/// multi-input loop, an activation's attribute for a loop of one activation.
/// </summary>
public class GenerateFusedKernelFixTests
{
    private static Task Verify(string source, string fixedSource) =>
        RealGeneratorFixTest<GenerateFusedKernelCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task MultiInputLoopBecomesAFusedKernel() => Verify("""
        using System;
        using FusedActivations;

        static class C
        {
            static void SwiGlu(float[] a, float[] b, float[] y, float c)
            {
                {|FA2012:for (int i = 0; i < y.Length; i++)|}
                    y[i] = FusedMath.Silu(a[i]) * b[i] + c;
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static void SwiGlu(float[] a, float[] b, float[] y, float c)
            {
                Fused(a.AsSpan(0, y.Length), b.AsSpan(0, y.Length), c, y);
            }

            private static float Fused(float a, float b, float c) => FusedMath.Silu(a) * b + c;

            [Fused(nameof(Fused))]
            private static partial void Fused(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float c, Span<float> destination);
        }
        """);

    [Fact]
    public Task OneActivationGetsItsAttribute() => Verify("""
        using System;
        using FusedActivations;

        static class C
        {
            static void M(double[] x, double[] y)
            {
                {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = FusedMath.Softplus(x[i], 2.0);
            }
        }
        """, """
        using System;
        using FusedActivations;

        static partial class C
        {
            static void M(double[] x, double[] y)
            {
                Softplus(x, y.AsSpan(0, x.Length));
            }

            [Softplus(Beta = 2.0)]
            private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);
        }
        """);

    [Fact]
    public Task InPlaceWithAFieldALocalConstantAndABlend() => Verify("""
        using System;
        using FusedActivations;

        sealed class Layer
        {
            private double _scale = 0.5;

            void Apply(Span<double> v, ReadOnlySpan<double> bias)
            {
                const double leak = -0.125;
                {|FA2012:for (int i = 0; i < v.Length; i++)|}
                {
                    v[i] = v[i] + bias[i] > 0 ? FusedMath.Tanh(v[i] + bias[i]) * _scale : leak * v[i];
                }
            }
        }
        """, """
        using System;
        using FusedActivations;

        sealed partial class Layer
        {
            private double _scale = 0.5;

            void Apply(Span<double> v, ReadOnlySpan<double> bias)
            {
                const double leak = -0.125;
                Fused(v, bias.Slice(0, v.Length), _scale, v);
            }

            private static double Fused(double v, double bias, double scale) => v + bias > 0 ? FusedMath.Tanh(v + bias) * scale : (-0.125) * v;

            [Fused(nameof(Fused))]
            private static partial void Fused(ReadOnlySpan<double> v, ReadOnlySpan<double> bias, double scale, Span<double> destination);
        }
        """);

    [Fact]
    public Task GeluTanhIsGeluWithTheTanhApproximation() => Verify("""
        using System;
        using FusedActivations;

        static class C
        {
            static void M(float[] x, float[] y)
            {
                {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = FusedMath.GeluTanh(x[i]);
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

    [Fact]
    public async Task TopLevelStatementsGetAProgramDeclaration()
    {
        var test = new RealGeneratorFixTest<GenerateFusedKernelCodeFixProvider>
        {
            TestCode = """
                using FusedActivations;

                var x = new float[] { -1, 0, 1 };
                var b = new float[] { 1, 2, 3 };
                var y = new float[3];
                {|FA2012:for (int i = 0; i < y.Length; i++)|} y[i] = FusedMath.Sigmoid(x[i]) * b[i];
                System.Console.WriteLine(y[2]);
                """,
            FixedCode = """
                using System;
                using FusedActivations;

                var x = new float[] { -1, 0, 1 };
                var b = new float[] { 1, 2, 3 };
                var y = new float[3];
                Fused(x.AsSpan(0, y.Length), b.AsSpan(0, y.Length), y);
                System.Console.WriteLine(y[2]);

                partial class Program
                {
                    private static float Fused(float x, float b) => FusedMath.Sigmoid(x) * b;

                    [Fused(nameof(Fused))]
                    private static partial void Fused(ReadOnlySpan<float> x, ReadOnlySpan<float> b, Span<float> destination);
                }

                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task ATypeNamedSpanInScopeGetsTheGlobalNames() => Verify("""
        using FusedActivations;

        namespace App
        {
            class Span { }

            static class C
            {
                static void M(System.Span<double> x, System.ReadOnlySpan<double> b)
                {
                    {|FA2012:for (int i = 0; i < x.Length; i++)|} x[i] = FusedMath.Mish(x[i]) + b[i];
                }
            }
        }
        """, """
        using System;
        using FusedActivations;

        namespace App
        {
            class Span { }

            static partial class C
            {
                static void M(System.Span<double> x, System.ReadOnlySpan<double> b)
                {
                    Fused(x, b.Slice(0, x.Length), x);
                }

                private static double Fused(double x, double b) => FusedMath.Mish(x) + b;

                [Fused(nameof(Fused))]
                private static partial void Fused(ReadOnlySpan<double> x, ReadOnlySpan<double> b, global::System.Span<double> destination);
            }
        }
        """);

    /// <summary>Fix All, like fixing one by one, names the kernels in the order of their loops.</summary>
    [Fact]
    public Task FixAllGivesEachLoopItsKernel()
    {
        var test = new RealGeneratorFixTest<GenerateFusedKernelCodeFixProvider>
        {
            TestCode = """
                using System;
                using FusedActivations;

                static class C
                {
                    static void M(float[] x, float[] b, float[] y, float[] z)
                    {
                        {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = FusedMath.Silu(x[i]) * b[i];
                        {|FA2012:for (int i = 0; i < x.Length; i++)|} z[i] = MathF.Tanh(y[i] + x[i]);
                    }
                }
                """,
            FixedCode = """
                using System;
                using FusedActivations;

                static partial class C
                {
                    static void M(float[] x, float[] b, float[] y, float[] z)
                    {
                        Fused(x, b.AsSpan(0, x.Length), y.AsSpan(0, x.Length));
                        Fused2(y.AsSpan(0, x.Length), x, z.AsSpan(0, x.Length));
                    }

                    private static float Fused(float x, float b) => FusedMath.Silu(x) * b;

                    [Fused(nameof(Fused))]
                    private static partial void Fused(ReadOnlySpan<float> x, ReadOnlySpan<float> b, Span<float> destination);

                    private static float Fused2(float y, float x) => MathF.Tanh(y + x);

                    [Fused(nameof(Fused2))]
                    private static partial void Fused2(ReadOnlySpan<float> y, ReadOnlySpan<float> x, Span<float> destination);
                }
                """,
            NumberOfFixAllIterations = 1,
        };
        return test.RunAsync();
    }
}
