using System;
using System.Collections.Generic;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Kernels.Tests.Family;

/// <summary>
/// Each family kernel against its double-double reference, in ULP, over special values, subnormals, every binade (random
/// bit patterns), the interesting range [-40, 40] and the tails, on whichever path this run takes; the span and
/// scalar forms must agree with each other where the path is bit-exact with scalar code.
/// </summary>
public sealed class FamilyAccuracyTests
{
    private readonly ITestOutputHelper _output;

    public FamilyAccuracyTests(ITestOutputHelper output) => _output = output;

    /// <summary>The bound for double kernels.</summary>
    private const double DoubleBound = 1.5;

    [Theory]
    [MemberData(nameof(FamilyCatalog.Names), MemberType = typeof(FamilyCatalog))]
    public void FloatKernelIsWithinBound(string name)
    {
        FamilyCase<float> kernel = FamilyCatalog.Float(name);
        float[] x = FloatInputs(TestEnvironment.RandomSamples);
        float[] y = new float[x.Length];
        KernelTrace.Reset();
        kernel.Run(x, y);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);

        var stats = new ErrorStats<float>();
        for (int i = 0; i < x.Length; i++)
        {
            stats.Add(x[i], Ulp.Distance(y[i], kernel.ReferenceOfFloat(x[i])));
        }

        _output.WriteLine($"{name} float on {ActivePath.Current}: {stats} over {x.Length} inputs");
        Assert.True(stats.Max <= TestEnvironment.FloatUlpBound, $"{name} float on {ActivePath.Current}: {stats}");
    }

    [Theory]
    [MemberData(nameof(FamilyCatalog.Names), MemberType = typeof(FamilyCatalog))]
    public void DoubleKernelIsWithinBound(string name)
    {
        FamilyCase<double> kernel = FamilyCatalog.Double(name);
        double[] x = DoubleInputs(TestEnvironment.RandomSamples / 4);
        double[] y = new double[x.Length];
        KernelTrace.Reset();
        kernel.Run(x, y);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);

        var stats = new ErrorStats<double>();
        for (int i = 0; i < x.Length; i++)
        {
            stats.Add(x[i], Ulp.Distance(y[i], kernel.ReferenceOfDouble(x[i])));
        }

        _output.WriteLine($"{name} double on {ActivePath.Current}: {stats} over {x.Length} inputs");
        Assert.True(stats.Max <= DoubleBound, $"{name} double on {ActivePath.Current}: {stats}");
    }

    [Theory]
    [MemberData(nameof(FamilyCatalog.Names), MemberType = typeof(FamilyCatalog))]
    public void SpanAndScalarFormsAgree(string name)
    {
        FamilyCase<float> f = FamilyCatalog.Float(name);
        FamilyCase<double> d = FamilyCatalog.Double(name);
        float[] xf = FloatInputs(20_000);
        double[] xd = DoubleInputs(20_000);
        float[] yf = new float[xf.Length];
        double[] yd = new double[xd.Length];
        f.Run(xf, yf);
        d.Run(xd, yd);
        // Float kernels widen on every path, so every FMA path agrees with scalar code bit for bit; LogSigmoid follows
        // Softplus, whose log(1 + t) has no table on AVX2, NEON and Vector128 (the same bound, a few different last bits).
        bool exact = ActivePath.Current != SimdPath.Vector128;
        bool floatExact = name == "LogSigmoid" ? TestEnvironment.FloatPathIsBitExactWithScalar : exact;
        for (int i = 0; i < xf.Length; i++)
        {
            float scalar = f.Scalar(xf[i]);
            Assert.True(floatExact ? BitConverter.SingleToInt32Bits(scalar) == BitConverter.SingleToInt32Bits(yf[i]) : Ulp.Distance(yf[i], (double)scalar) <= 1,
                $"{name} float x = {xf[i]:R}: span {yf[i]:R}, scalar {scalar:R} on {ActivePath.Current}");
        }

        for (int i = 0; i < xd.Length; i++)
        {
            double scalar = d.Scalar(xd[i]);
            Assert.True(exact ? BitConverter.DoubleToInt64Bits(scalar) == BitConverter.DoubleToInt64Bits(yd[i]) : Ulp.Distance(yd[i], scalar) <= 3,
                $"{name} double x = {xd[i]:R}: span {yd[i]:R}, scalar {scalar:R} on {ActivePath.Current}");
        }
    }

    private static float[] FloatInputs(int randomCount)
    {
        var random = new Random(20261130);
        var inputs = new List<float>(SpecialValues.Floats);
        for (int i = 0; i < randomCount; i++)
        {
            inputs.Add((i % 4) switch
            {
                0 => RandomValues.FiniteFloatBits(random),
                1 => RandomValues.Float(random, -40, 40),
                2 => RandomValues.Float(random, -120, -5),
                _ => RandomValues.Float(random, -3.5f, 3.5f),
            });
        }

        return inputs.ToArray();
    }

    private static double[] DoubleInputs(int randomCount)
    {
        var random = new Random(20261130);
        var inputs = new List<double>(SpecialValues.Doubles);
        for (int i = 0; i < randomCount; i++)
        {
            inputs.Add((i % 4) switch
            {
                0 => RandomValues.FiniteDoubleBits(random),
                1 => RandomValues.Double(random, -40, 40),
                2 => RandomValues.Double(random, -800, -5),
                _ => RandomValues.Double(random, -3.5, 3.5),
            });
        }

        return inputs.ToArray();
    }
}
