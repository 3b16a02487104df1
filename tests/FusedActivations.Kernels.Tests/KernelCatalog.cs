using System;
using System.Collections.Generic;
using System.Linq;

namespace FusedActivations.Kernels.Tests;

public delegate void SpanKernel<T>(ReadOnlySpan<T> x, Span<T> destination);

/// <summary>A span kernel with the parameters it was generated for, and its scalar twin (same beta and threshold).</summary>
public sealed record KernelCase<T>(string Name, T Beta, T Threshold, SpanKernel<T> Run, Func<T, T> Scalar)
{
    public override string ToString() => Name;
}

/// <summary>Every kernel under test, by name, for theories.</summary>
public static class KernelCatalog
{
    public static readonly KernelCase<float>[] Floats =
    {
        new("FloatBeta0_25", 0.25f, 20f, Kernels.FloatBeta0_25, x => Twin(x, 0.25f, 20f)),
        new("FloatBeta0_5", 0.5f, 20f, Kernels.FloatBeta0_5, x => Twin(x, 0.5f, 20f)),
        new("FloatBeta1", 1f, 20f, Kernels.FloatBeta1, x => Twin(x, 1f, 20f)),
        new("FloatBeta2", 2f, 20f, Kernels.FloatBeta2, Kernels.FloatBeta2Scalar),
        new("FloatBeta10", 10f, 20f, Kernels.FloatBeta10, x => Twin(x, 10f, 20f)),
        new("FloatBeta0_1", 0.1f, 20f, Kernels.FloatBeta0_1, Kernels.FloatBeta0_1Scalar),
        new("FloatBeta3Threshold5", 3f, 5f, Kernels.FloatBeta3Threshold5, x => Twin(x, 3f, 5f)),
        new("FloatNoThreshold", 1f, float.PositiveInfinity, Kernels.FloatNoThreshold, x => Twin(x, 1f, float.PositiveInfinity)),
        new("FloatBeta2Unroll1", 2f, 20f, Kernels.FloatBeta2Unroll1, Kernels.FloatBeta2Scalar),
        new("FloatBeta2Unroll2", 2f, 20f, Kernels.FloatBeta2Unroll2, Kernels.FloatBeta2Scalar),
        new("FloatBeta2Unroll8", 2f, 20f, Kernels.FloatBeta2Unroll8, Kernels.FloatBeta2Scalar),
    };

    public static readonly KernelCase<double>[] Doubles =
    {
        new("DoubleBeta0_25", 0.25, 20, Kernels.DoubleBeta0_25, x => Twin(x, 0.25, 20)),
        new("DoubleBeta0_5", 0.5, 20, Kernels.DoubleBeta0_5, x => Twin(x, 0.5, 20)),
        new("DoubleBeta1", 1, 20, Kernels.DoubleBeta1, Kernels.DoubleBeta1Scalar),
        new("DoubleBeta2", 2, 20, Kernels.DoubleBeta2, x => Twin(x, 2, 20)),
        new("DoubleBeta10", 10, 20, Kernels.DoubleBeta10, x => Twin(x, 10, 20)),
        new("DoubleBeta0_1", 0.1, 20, Kernels.DoubleBeta0_1, Kernels.DoubleBeta0_1Scalar),
        new("DoubleNoThreshold", 1, double.PositiveInfinity, Kernels.DoubleNoThreshold, x => Twin(x, 1, double.PositiveInfinity)),
    };

    public static IEnumerable<object[]> FloatNames => Floats.Select(k => new object[] { k.Name });

    public static IEnumerable<object[]> DoubleNames => Doubles.Select(k => new object[] { k.Name });

    public static KernelCase<float> Float(string name) => Floats.Single(k => k.Name == name);

    public static KernelCase<double> Double(string name) => Doubles.Single(k => k.Name == name);

    /// <summary>
    /// Where no scalar method with the same parameters is declared, the span kernel on one element stands in: a single
    /// element always runs the scalar path.
    /// </summary>
    private static float Twin(float x, float beta, float threshold)
    {
        Span<float> value = stackalloc float[] { x };
        Floats.Single(k => k.Beta == beta && k.Threshold == threshold && !k.Name.Contains("Unroll")).Run(value, value);
        return value[0];
    }

    private static double Twin(double x, double beta, double threshold)
    {
        Span<double> value = stackalloc double[] { x };
        Doubles.Single(k => k.Beta == beta && k.Threshold == threshold).Run(value, value);
        return value[0];
    }
}
