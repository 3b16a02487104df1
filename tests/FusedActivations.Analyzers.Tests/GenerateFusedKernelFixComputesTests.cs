using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// FA2012's fixed code, compiled with the real generator's SIMD kernels (whatever paths this machine runs) and run
/// against the loops it replaced: plain arithmetic with exact functions (Abs, Max, Sqrt, FusedMultiplyAdd, a blend)
/// bit for bit, activations within their kernels' bounds; scalars, fields, local constants, in place, spans and
/// partial lengths reach the kernels right.
/// </summary>
public class GenerateFusedKernelFixComputesTests
{
    private const string Loops = """
        using System;
        using FusedActivations;

        public static class Subject
        {
            private static readonly double Offset = 0.375;

            public static void Exact(double[] x, double[] b, double[] y, double k)
            {
                const double half = 0.5;
                for (int i = 0; i < y.Length; i++)
                    y[i] = Math.Sqrt(Math.FusedMultiplyAdd(x[i], x[i], half)) * k + (b[i] > 0 ? Math.Abs(x[i] - b[i]) : Math.Max(b[i], Offset));
            }

            public static void InPlace(Span<double> v, ReadOnlySpan<double> b, int n)
            {
                for (int i = 0; i < n; i++) v[i] = Math.Abs(v[i]) * b[i] - v[i];
            }

            public static void SwiGlu(float[] a, float[] b, float[] y, float c)
            {
                for (int i = 0; i < y.Length; i++) y[i] = FusedMath.Silu(a[i]) * b[i] + c;
            }

            public static void Sigmoid(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = FusedMath.Sigmoid(x[i]);
            }

            public static void Softplus2(float[] x, float[] y, int n)
            {
                for (int i = 0; i < n; i++) y[i] = FusedMath.Softplus(x[i], 2f);
            }
        }
        """;

    private static readonly Lazy<Task<(Type Fixed, string Source)>> Fixed = new(async () =>
    {
        string source = await FixRunner.ApplyAllAsync(Loops, new GenerateFusedKernelCodeFixProvider());
        return (FixRunner.CompileAndLoad(source, new FusedActivations.Generator.ActivationGenerator()).GetType("Subject")!, source);
    });

    private static readonly Lazy<Type> Original = new(() => FixRunner.CompileAndLoad(Loops).GetType("Subject")!);

    private static double[] Doubles(int seed, int length, double range)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => RandomValues.Double(random, -range, range)).ToArray();
    }

    private static void Run(Type type, string name, params object[] arguments) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);

    [Fact]
    public async Task EveryLoopBecameAKernel()
    {
        (_, string source) = await Fixed.Value;
        Assert.True(!source.Contains("for (", StringComparison.Ordinal), source);
        Assert.Contains("[Fused(nameof(Fused))]", source, StringComparison.Ordinal);
        Assert.Contains("[Fused(nameof(Fused2))]", source, StringComparison.Ordinal);
        Assert.Contains("[Fused(nameof(Fused3))]", source, StringComparison.Ordinal);
        Assert.True(source.Contains("[Sigmoid]", StringComparison.Ordinal), source);
        Assert.Contains("[Softplus(Beta = 2f)]", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainArithmeticAndExactFunctionsAreBitIdentical()
    {
        (Type type, _) = await Fixed.Value;
        double[] x = Doubles(1, 1003, 50), b = Doubles(2, 1003, 50);
        double[] expected = new double[x.Length], actual = new double[x.Length];
        Run(Original.Value, "Exact", x, b, expected, 1.25);
        Run(type, "Exact", x, b, actual, 1.25);
        Assert.Equal(expected, actual);

        double[] v1 = Doubles(3, 517, 10), v2 = (double[])v1.Clone();
        Original.Value.GetMethod("InPlace")!.CreateDelegate<SpanAction>()(v1, b, 500);
        type.GetMethod("InPlace")!.CreateDelegate<SpanAction>()(v2, b, 500);
        Assert.Equal(v1, v2);
        Assert.Equal(Doubles(3, 517, 10)[500..], v2[500..]); // past n nothing is written
    }

    private delegate void SpanAction(Span<double> v, ReadOnlySpan<double> b, int n);

    [Fact]
    public async Task ActivationsAreWithinTheirKernelsBounds()
    {
        (Type type, _) = await Fixed.Value;
        float[] a = Doubles(4, 2049, 12).Select(d => (float)d).ToArray(), bf = Doubles(5, 2049, 3).Select(d => (float)d).ToArray();
        float[] swiGlu = new float[a.Length];
        Run(type, "SwiGlu", a, bf, swiGlu, 0.25f);
        for (int i = 0; i < a.Length; i++)
        {
            // silu within 2 ULP of FusedMath's, carried through * b; + c adds one rounding.
            double silu = FusedMath.Silu(a[i]);
            double tolerance = 2 * Ulp.OfFloat(silu) * Math.Abs(bf[i]) + Ulp.OfFloat(swiGlu[i]);
            Assert.True(Math.Abs(swiGlu[i] - (silu * bf[i] + 0.25)) <= tolerance, $"SwiGLU({a[i]:R}, {bf[i]:R}) = {swiGlu[i]:R}");
        }

        double[] x = Doubles(6, 2049, 40), sigmoid = new double[x.Length];
        Run(type, "Sigmoid", x, sigmoid);
        Assert.All(Enumerable.Range(0, x.Length), i => Assert.True(Ulp.Distance(sigmoid[i], Reference.Sigmoid(x[i])) <= 2, $"Sigmoid({x[i]:R})"));

        float[] xf = Doubles(7, 300, 30).Select(d => (float)d).ToArray(), softplus = new float[xf.Length];
        Run(type, "Softplus2", xf, softplus, 257);
        for (int i = 0; i < xf.Length; i++)
        {
            if (i < 257)
            {
                Assert.True(Ulp.Distance(softplus[i], Reference.Softplus(xf[i], 2f, 20f)) <= 1, $"Softplus2({xf[i]:R})");
            }
            else
            {
                Assert.Equal(0f, softplus[i]);
            }
        }
    }
}
