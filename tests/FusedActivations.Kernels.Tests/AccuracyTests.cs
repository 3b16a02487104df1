using System;
using System.Collections.Generic;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Kernels.Tests;

/// <summary>
/// Kernel results against the double-double reference (PyTorch's threshold rule included), in ULP, over special values,
/// subnormals, the threshold and overflow boundaries and random inputs, on whichever path this run takes.
/// </summary>
public sealed class AccuracyTests
{
    private readonly ITestOutputHelper _output;

    public AccuracyTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [MemberData(nameof(KernelCatalog.FloatNames), MemberType = typeof(KernelCatalog))]
    public void FloatKernelIsWithinBound(string name)
    {
        KernelCase<float> kernel = KernelCatalog.Float(name);
        float[] x = FloatInputs(kernel, TestEnvironment.RandomSamples);
        float[] y = new float[x.Length];
        kernel.Run(x, y);

        var stats = new ErrorStats<float>();
        for (int i = 0; i < x.Length; i++)
        {
            stats.Add(x[i], Ulp.Distance(y[i], Reference.Softplus(x[i], kernel.Beta, kernel.Threshold)));
        }

        _output.WriteLine($"{name} on {ActivePath.Current}: {stats} over {x.Length} inputs");
        Assert.True(stats.Max <= TestEnvironment.FloatUlpBound, $"{name} on {ActivePath.Current}: {stats}");
    }

    [Theory]
    [MemberData(nameof(KernelCatalog.DoubleNames), MemberType = typeof(KernelCatalog))]
    public void DoubleKernelIsWithinBound(string name)
    {
        KernelCase<double> kernel = KernelCatalog.Double(name);
        double[] x = DoubleInputs(kernel, TestEnvironment.RandomSamples);
        double[] y = new double[x.Length];
        kernel.Run(x, y);

        var stats = new ErrorStats<double>();
        for (int i = 0; i < x.Length; i++)
        {
            stats.Add(x[i], Ulp.Distance(y[i], Reference.Softplus(x[i], kernel.Beta, kernel.Threshold)));
        }

        _output.WriteLine($"{name} on {ActivePath.Current}: {stats} over {x.Length} inputs");
        Assert.True(stats.Max <= TestEnvironment.DoubleUlpBound, $"{name} on {ActivePath.Current}: {stats}");
    }

    /// <summary>Special values, subnormals, both sides of the threshold and of the clamp/underflow region, and random inputs.</summary>
    private static float[] FloatInputs(KernelCase<float> kernel, int randomCount)
    {
        var inputs = new List<float>(SpecialValues.Floats);
        float beta = kernel.Beta;

        // Around the threshold: the exact boundary and 64 neighbours on each side.
        if (ThresholdBoundaries.ForFloat(beta, kernel.Threshold) is { } boundary)
        {
            float above = boundary.Above;
            float below = boundary.Below;
            for (int i = 0; i < 64; i++)
            {
                inputs.Add(above);
                inputs.Add(below);
                above = MathF.BitIncrement(above);
                below = MathF.BitDecrement(below);
            }
        }

        // Where e^(beta x) / beta becomes subnormal and then underflows, and where beta * x overflows.
        foreach (double z in new[] { -87.0, -88.7, -100.0, -103.0, -103.9, -104.0, -104.5, -110.0, 88.0, 88.8, 89.0 })
        {
            float x0 = (float)((z + (z < 0 ? Math.Log(beta) : 0)) / beta);
            for (int i = -8; i <= 8; i++)
            {
                inputs.Add(BitConverterStep(x0, i * 997));
            }
        }

        inputs.Add(float.MaxValue / beta);
        inputs.Add(-float.MaxValue / beta);
        inputs.Add(float.MaxValue);
        inputs.Add(-float.MaxValue);

        var random = new Random(StableSeed(kernel.Name));
        for (int i = 0; i < randomCount; i++)
        {
            inputs.Add((i % 3) switch
            {
                0 => RandomValues.FiniteFloatBits(random),                        // the whole range, by bit pattern
                1 => RandomValues.Float(random, -120f / beta, 30f / beta),         // where the result is neither 0 nor x
                _ => RandomValues.Float(random, -2f / beta, 2f / beta),            // around 0, where log1p(t) has t near 1
            });
        }

        return inputs.ToArray();
    }

    private static double[] DoubleInputs(KernelCase<double> kernel, int randomCount)
    {
        var inputs = new List<double>(SpecialValues.Doubles);
        double beta = kernel.Beta;
        if (ThresholdBoundaries.ForDouble(beta, kernel.Threshold) is { } boundary)
        {
            double c = boundary.Above;
            double d = boundary.Below;
            for (int i = 0; i < 64; i++)
            {
                inputs.Add(c);
                inputs.Add(d);
                c = Math.BitIncrement(c);
                d = Math.BitDecrement(d);
            }
        }

        foreach (double z in new[] { -700.0, -708.4, -709.0, -740.0, -744.4, -745.1, -746.0, -800.0, 709.0, 709.8, 710.0 })
        {
            double x0 = (z + (z < 0 ? Math.Log(beta) : 0)) / beta;
            for (int i = -8; i <= 8; i++)
            {
                inputs.Add(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x0) + (i * 99991L)));
            }
        }

        inputs.Add(double.MaxValue / beta);
        inputs.Add(-double.MaxValue / beta);

        var random = new Random(StableSeed(kernel.Name));
        for (int i = 0; i < randomCount; i++)
        {
            inputs.Add((i % 3) switch
            {
                0 => RandomValues.FiniteDoubleBits(random),
                1 => RandomValues.Double(random, -760.0 / beta, 40.0 / beta),
                _ => RandomValues.Double(random, -2.0 / beta, 2.0 / beta),
            });
        }

        return inputs.ToArray();
    }

    /// <summary>A seed that is the same in every run (string.GetHashCode is randomized per process).</summary>
    private static int StableSeed(string name)
    {
        int seed = 20261127;
        foreach (char c in name)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }

    private static float BitConverterStep(float x, int steps) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) + steps);
}

/// <summary>Max and mean error and where the max occurred.</summary>
internal sealed class ErrorStats<T>
{
    private double _sum;
    private long _count;

    public double Max { get; private set; }

    public T? ArgMax { get; private set; }

    public void Add(T x, double ulp)
    {
        if (ulp > Max || double.IsNaN(ulp))
        {
            Max = double.IsNaN(ulp) ? double.PositiveInfinity : ulp;
            ArgMax = x;
        }

        _sum += ulp;
        _count++;
    }

    public override string ToString() =>
        $"max {Max:F3} ULP at x = {ArgMax:R}, mean {(_count == 0 ? 0 : _sum / _count):E2} ULP";
}
