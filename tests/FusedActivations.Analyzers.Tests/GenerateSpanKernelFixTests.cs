using System;
using System.Reflection;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// FA2006/FA2007 on <c>TensorPrimitives.LogP1</c>/<c>ExpM1</c> (naive log(x + 1), exp(x) - 1 per element): the fix
/// declares a [Fused] kernel of FusedMath.Log1P (ExpM1) and calls it. Exact output, compiled with the real generator,
/// and the fixed calls run against the span calls they replace.
/// </summary>
public class GenerateSpanKernelFixTests
{
    private static Task Verify(string source, string fixedSource) =>
        RealGeneratorFixTest<GenerateSpanKernelCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task LogP1OfFloatsBecomesAFusedKernelReusedByTheSecondCall() => Verify("""
        using System;
        using System.Numerics.Tensors;

        static class C
        {
            static void M(ReadOnlySpan<float> x, Span<float> y, Span<float> z)
            {
                {|FA2006:TensorPrimitives.LogP1(x, y)|};
                {|FA2006:TensorPrimitives.LogP1<float>(destination: z, x: y)|};
            }
        }
        """, """
        using System;
        using System.Numerics.Tensors;
        using FusedActivations;

        static partial class C
        {
            static void M(ReadOnlySpan<float> x, Span<float> y, Span<float> z)
            {
                Log1P(x, y);
                Log1P(y, z);
            }

            private static float Log1P(float x) => FusedMath.Log1P(x);

            [Fused(nameof(Log1P))]
            private static partial void Log1P(ReadOnlySpan<float> x, Span<float> destination);
        }
        """);

    [Fact]
    public Task ExpM1OfDoublesBecomesAFusedKernel() => Verify("""
        using System.Numerics.Tensors;

        namespace App
        {
            static class C
            {
                static void M(double[] x)
                {
                    {|FA2007:TensorPrimitives.ExpM1<double>(x, x)|};
                }
            }
        }
        """, """
        using System;
        using System.Numerics.Tensors;
        using FusedActivations;

        namespace App
        {
            static partial class C
            {
                static void M(double[] x)
                {
                    ExpM1(x, x);
                }

                private static double ExpM1(double x) => FusedMath.ExpM1(x);

                [Fused(nameof(ExpM1))]
                private static partial void ExpM1(ReadOnlySpan<double> x, Span<double> destination);
            }
        }
        """);

    [Fact]
    public Task NotOfferedForGenericElementsOrWhereAKernelCannotBeDeclared()
    {
        string source = """
            using System;
            using System.Numerics.Tensors;

            static class C<T>
            {
                static void M(float[] x, float[] y) { {|FA2006:TensorPrimitives.LogP1<float>(x, y)|}; }
            }

            static class D
            {
                static void M(Half[] x, Half[] y) { {|FA2006:TensorPrimitives.LogP1<Half>(x, y)|}; }
            }
            """;
        return Verify(source, source);
    }

    private const string Subject = """
        using System;
        using System.Numerics.Tensors;

        public static class Subject
        {
            public static void Log1P(float[] x, float[] y) { TensorPrimitives.LogP1<float>(x, y); }
            public static void ExpM1(double[] x, double[] y) { TensorPrimitives.ExpM1<double>(x, y); }
        }
        """;

    /// <summary>
    /// The fixed calls compute FusedMath's functions element by element (to the kernels' bound: 1 ULP), where the span
    /// calls they replace lose every digit (log(1 + 1e-10) = 0 in float, exp(1e-20) - 1 = 0).
    /// </summary>
    [Fact]
    public async Task TheFixedCallsComputeLog1PAndExpM1()
    {
        string fixedSource = await FixRunner.ApplyAllAsync(Subject, new GenerateSpanKernelCodeFixProvider());
        Assert.DoesNotContain("TensorPrimitives.", fixedSource, StringComparison.Ordinal);
        Type subject = FixRunner.CompileAndLoad(fixedSource, new FusedActivations.Generator.ActivationGenerator()).GetType("Subject")!;

        float[] floats = { -0.99f, -0.5f, -1e-10f, 0f, 1e-30f, 1e-10f, 3e-5f, 0.25f, 1f, 100f, 1e30f, float.PositiveInfinity, float.NaN };
        float[] floatResults = new float[floats.Length], naiveFloats = new float[floats.Length];
        subject.GetMethod("Log1P", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { floats, floatResults });
        System.Numerics.Tensors.TensorPrimitives.LogP1(floats, naiveFloats);
        for (int i = 0; i < floats.Length; i++)
        {
            double ulp = Ulp.Distance(floatResults[i], (double)FusedMath.Log1P(floats[i]));
            Assert.True(ulp <= 1 || (float.IsNaN(floats[i]) && float.IsNaN(floatResults[i])), $"Log1P({floats[i]}) = {floatResults[i]:R}, FusedMath {FusedMath.Log1P(floats[i]):R}");
        }

        Assert.Equal(0f, naiveFloats[Array.IndexOf(floats, 1e-10f)]); // the span call's log(1 + x): every digit lost
        Assert.Equal(1e-10f, floatResults[Array.IndexOf(floats, 1e-10f)], 1e-16f);

        double[] doubles = { -800, -1, -1e-20, 0, 1e-300, 1e-20, 1e-5, 0.5, 1, 700, 710, double.NegativeInfinity, double.NaN };
        double[] doubleResults = new double[doubles.Length], naiveDoubles = new double[doubles.Length];
        subject.GetMethod("ExpM1", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { doubles, doubleResults });
        System.Numerics.Tensors.TensorPrimitives.ExpM1(doubles, naiveDoubles);
        for (int i = 0; i < doubles.Length; i++)
        {
            double ulp = Ulp.Distance(doubleResults[i], FusedMath.ExpM1(doubles[i]));
            Assert.True(ulp <= 1 || (double.IsNaN(doubles[i]) && double.IsNaN(doubleResults[i])), $"ExpM1({doubles[i]}) = {doubleResults[i]:R}, FusedMath {FusedMath.ExpM1(doubles[i]):R}");
        }

        Assert.Equal(0, naiveDoubles[Array.IndexOf(doubles, 1e-20)]);
        Assert.Equal(1e-20, doubleResults[Array.IndexOf(doubles, 1e-20)]);
    }
}
