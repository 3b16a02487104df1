using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Kernels.Tests.Fast;

/// <summary>A Fast kernel under test: span and scalar forms and the double-double reference.</summary>
public sealed record FastCase(string Name, SpanKernel<float> Run, Func<float, float> Scalar, Func<float, double> Reference)
{
    public override string ToString() => Name;
}

/// <summary>A double Fast kernel under test.</summary>
public sealed record FastDoubleCase(string Name, SpanKernel<double> Run, Func<double, double> Scalar, Func<double, DoubleDouble> Reference)
{
    public override string ToString() => Name;
}

/// <summary>
/// Precision = Fast kernels against the double-double reference, on whichever path this run takes (asserted): the bound
/// is 4 ULP over special values, subnormals, every binade, [-40, 40], the tails where results become subnormal, and
/// each formula's branch points; the FMA paths and scalar code agree bit for bit. Exhaustive runs over all 2^32 inputs:
/// the accuracy command (README).
/// </summary>
public sealed class FastAccuracyTests
{
    /// <summary>The bound of ActivationPrecision.Fast.</summary>
    private const double Bound = 4;

    public static readonly FastCase[] Cases =
    {
        new("Sigmoid", FastKernels.Sigmoid, FastKernels.SigmoidScalar, x => Reference.Sigmoid(x)),
        new("Tanh", FastKernels.Tanh, FastKernels.TanhScalar, x => Reference.Tanh(x)),
        new("Silu", FastKernels.Silu, FastKernels.SiluScalar, x => Reference.Silu(x)),
        new("SiluBeta1_7", FastKernels.SiluBeta1_7, FastKernels.SiluBeta1_7Scalar, x => Reference.Silu(x, 1.7f)),
        new("Elu", FastKernels.Elu, FastKernels.EluScalar, x => Reference.Elu(x)),
        new("EluAlpha0_3", FastKernels.EluAlpha0_3, FastKernels.EluAlpha0_3Scalar, x => Reference.Elu(x, 0.3f)),
        new("Selu", FastKernels.Selu, FastKernels.SeluScalar, x => Reference.Selu(x)),
        new("LogSigmoid", FastKernels.LogSigmoid, FastKernels.LogSigmoidScalar, x => Reference.LogSigmoid(x)),
        new("Softplus", FastKernels.Softplus, FastKernels.SoftplusScalar, x => Reference.Softplus(x, 1f, 20f)),
        new("SoftplusBeta2", FastKernels.SoftplusBeta2, FastKernels.SoftplusBeta2Scalar, x => Reference.Softplus(x, 2f, 20f)),
        new("SoftplusBeta10", FastKernels.SoftplusBeta10, FastKernels.SoftplusBeta10Scalar, x => Reference.Softplus(x, 10f, 5f)),
        new("SoftplusBeta0_3", FastKernels.SoftplusBeta0_3, FastKernels.SoftplusBeta0_3Scalar, x => Reference.Softplus(x, 0.3f, float.PositiveInfinity)),
        new("Mish", FastKernels.Mish, FastKernels.MishScalar, x => Reference.Mish(x)),
        new("GeluTanh", FastKernels.GeluTanh, FastKernels.GeluTanhScalar, x => Reference.GeluTanh(x)),
    };

    public static readonly FastDoubleCase[] DoubleCases =
    {
        new("Sigmoid", FastKernels.SigmoidDouble, FastKernels.SigmoidDoubleScalar, x => Reference.Sigmoid(x)),
        new("Tanh", FastKernels.TanhDouble, FastKernels.TanhDoubleScalar, x => Reference.Tanh(x)),
        new("Silu", FastKernels.SiluDouble, FastKernels.SiluDoubleScalar, x => Reference.Silu(x)),
        new("SiluBeta1_7", FastKernels.SiluBeta1_7Double, FastKernels.SiluBeta1_7DoubleScalar, x => Reference.Silu(x, 1.7)),
        new("EluAlpha0_3", FastKernels.EluAlpha0_3Double, FastKernels.EluAlpha0_3DoubleScalar, x => Reference.Elu(x, 0.3)),
        new("Selu", FastKernels.SeluDouble, FastKernels.SeluDoubleScalar, x => Reference.Selu(x)),
        new("LogSigmoid", FastKernels.LogSigmoidDouble, FastKernels.LogSigmoidDoubleScalar, x => Reference.LogSigmoid(x)),
        new("SoftplusBeta2", FastKernels.SoftplusBeta2Double, FastKernels.SoftplusBeta2DoubleScalar, x => Reference.Softplus(x, 2.0, 20.0)),
        new("SoftplusBeta0_3", FastKernels.SoftplusBeta0_3Double, FastKernels.SoftplusBeta0_3DoubleScalar, x => Reference.Softplus(x, 0.3, 10.0)),
        new("Mish", FastKernels.MishDouble, FastKernels.MishDoubleScalar, x => Reference.Mish(x)),
        new("GeluTanh", FastKernels.GeluTanhDouble, FastKernels.GeluTanhDoubleScalar, x => Reference.GeluTanh(x)),
    };

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> DoubleNames => DoubleCases.Select(c => new object[] { c.Name });

    private readonly ITestOutputHelper _output;

    public FastAccuracyTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [MemberData(nameof(Names))]
    public void FastKernelIsWithinFourUlp(string name)
    {
        FastCase kernel = Cases.Single(c => c.Name == name);
        float[] x = Inputs(TestEnvironment.RandomSamples);
        float[] y = new float[x.Length];
        KernelTrace.Reset();
        kernel.Run(x, y);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);

        var stats = new ErrorStats<float>();
        for (int i = 0; i < x.Length; i++)
        {
            stats.Add(x[i], Ulp.Distance(y[i], kernel.Reference(x[i])));
        }

        _output.WriteLine($"{name} Fast on {ActivePath.Current}: {stats} over {x.Length} inputs");
        Assert.True(stats.Max <= Bound, $"{name} Fast on {ActivePath.Current}: {stats}");
    }

    [Theory]
    [MemberData(nameof(DoubleNames))]
    public void FastDoubleKernelIsWithinFourUlp(string name)
    {
        FastDoubleCase kernel = DoubleCases.Single(c => c.Name == name);
        double[] x = DoubleInputs(TestEnvironment.RandomSamples / 4);
        double[] y = new double[x.Length];
        KernelTrace.Reset();
        kernel.Run(x, y);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);

        var stats = new ErrorStats<double>();
        for (int i = 0; i < x.Length; i++)
        {
            stats.Add(x[i], Ulp.Distance(y[i], kernel.Reference(x[i])));
        }

        _output.WriteLine($"{name} double Fast on {ActivePath.Current}: {stats} over {x.Length} inputs");
        Assert.True(stats.Max <= Bound, $"{name} double Fast on {ActivePath.Current}: {stats}");
    }

    [Theory]
    [MemberData(nameof(DoubleNames))]
    public void DoubleSpanAndScalarFormsAgree(string name)
    {
        FastDoubleCase kernel = DoubleCases.Single(c => c.Name == name);
        double[] x = DoubleInputs(20_000);
        double[] y = new double[x.Length];
        kernel.Run(x, y);
        bool exact = ActivePath.Current != SimdPath.Vector128;
        for (int i = 0; i < x.Length; i++)
        {
            double scalar = kernel.Scalar(x[i]);
            Assert.True(exact ? BitConverter.DoubleToInt64Bits(scalar) == BitConverter.DoubleToInt64Bits(y[i]) : Ulp.Distance(y[i], scalar) <= 2 * Bound,
                $"{name} x = {x[i]:R}: span {y[i]:R}, scalar {scalar:R} on {ActivePath.Current}");
        }
    }

    /// <summary>One formula, the same roundings on every FMA path: the span kernel and the scalar one agree bit for bit (within the bound without FMA).</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void SpanAndScalarFormsAgree(string name)
    {
        FastCase kernel = Cases.Single(c => c.Name == name);
        float[] x = Inputs(20_000);
        float[] y = new float[x.Length];
        kernel.Run(x, y);
        bool exact = ActivePath.Current != SimdPath.Vector128;
        for (int i = 0; i < x.Length; i++)
        {
            float scalar = kernel.Scalar(x[i]);
            Assert.True(exact ? BitConverter.SingleToInt32Bits(scalar) == BitConverter.SingleToInt32Bits(y[i]) : Ulp.Distance(y[i], (double)scalar) <= 2 * Bound,
                $"{name} x = {x[i]:R}: span {y[i]:R}, scalar {scalar:R} on {ActivePath.Current}");
        }
    }

    /// <summary>Where an activation has no Fast formula (GELU, InverseSoftplus, Softplus beta = 100), Fast is the Accurate kernel, bit for bit.</summary>
    [Fact]
    public void WithoutAFastFormulaFastIsAccurate()
    {
        float[] x = Inputs(50_000);
        AssertSame(x, FastKernels.SoftplusBeta100Fast, FastKernels.SoftplusBeta100, "Softplus(Beta = 100)");
        AssertSame(x, FastKernels.GeluFast, FastKernels.Gelu, "Gelu");
        double[] xd = Array.ConvertAll(x, v => (double)v * 1.000000001);
        double[] fast = new double[xd.Length];
        double[] accurate = new double[xd.Length];
        FastKernels.InverseSoftplusDoubleFast(xd, fast);
        FastKernels.InverseSoftplusDouble(xd, accurate);
        Assert.Equal(accurate, fast);
    }

    /// <summary>[Fused(..., Precision = Fast)] of one activation call is that activation's Fast kernel, bit for bit.</summary>
    [Fact]
    public void FusedFastIsTheFastKernel()
    {
        float[] x = Inputs(50_000);
        AssertSame(x, FastKernels.FusedSilu, FastKernels.Silu, "[Fused] silu");
        AssertSame(x, FastKernels.FusedSoftplusBeta2, FastKernels.SoftplusBeta2, "[Fused] softplus(x, 2)");
    }

    /// <summary>The Fast formula is not the Accurate one: over [-10, 10] some results differ (else Fast would be a label).</summary>
    [Fact]
    public void FastIsItsOwnFormula()
    {
        var random = new Random(7);
        float[] x = Enumerable.Range(0, 10_000).Select(_ => RandomValues.Float(random, -10, 10)).ToArray();
        float[] fast = new float[x.Length];
        float[] accurate = new float[x.Length];
        FastKernels.Sigmoid(x, fast);
        Family.FamilyKernels.SigmoidFloat(x, accurate);
        Assert.Contains(Enumerable.Range(0, x.Length), i => fast[i] != accurate[i]);
    }

    private static void AssertSame(float[] x, SpanKernel<float> a, SpanKernel<float> b, string what)
    {
        float[] ya = new float[x.Length];
        float[] yb = new float[x.Length];
        a(x, ya);
        b(x, yb);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(ya[i]) == BitConverter.SingleToInt32Bits(yb[i]), $"{what} x = {x[i]:R}: {ya[i]:R} and {yb[i]:R} on {ActivePath.Current}");
        }
    }

    /// <summary>Double: special values, random bit patterns, [-40, 40], the tails down to subnormal results, and the branch points.</summary>
    internal static double[] DoubleInputs(int randomCount)
    {
        var random = new Random(20261130);
        var inputs = new List<double>(SpecialValues.Doubles);
        foreach (double point in new[] { 0, 0.34657359027997264, 0.55, 19.4, 20, 40, 700, 708.4, 745.1, 760, 2, 5, 0.5, 0.1, 18.0 })
        {
            foreach (double p in new[] { point, -point, point / 1.7, -point / 1.7, point / 2, -point / 2, point / 0.3, -point / 0.3 })
            {
                double up = p;
                double down = p;
                for (int i = 0; i < 16; i++)
                {
                    inputs.Add(up);
                    inputs.Add(down);
                    up = Math.BitIncrement(up);
                    down = Math.BitDecrement(down);
                }
            }
        }

        for (int i = 0; i < randomCount; i++)
        {
            inputs.Add((i % 5) switch
            {
                0 => RandomValues.FiniteDoubleBits(random),
                1 => RandomValues.Double(random, -40, 40),
                2 => RandomValues.Double(random, -800, -5),
                3 => RandomValues.Double(random, -10, 10),
                _ => RandomValues.Double(random, -1.5, 1.5),
            });
        }

        return inputs.ToArray();
    }

    /// <summary>Special values, random bit patterns, [-40, 40], the tails, and 64 neighbours of each branch point of the formulas.</summary>
    internal static float[] Inputs(int randomCount)
    {
        var random = new Random(20261130);
        var inputs = new List<float>(SpecialValues.Floats);
        foreach (float point in new[] { 0f, 0.34657359f, 0.55f, 1.1f, 8.66f, 10f, 20f, 60f, 64f, 87.3f, 88.7f, 103.9f, 104f, 125f, 150f, 2f, 5f, 0.5f, 0.1f, 0.02f, 7.6f })
        {
            foreach (float p in new[] { point, -point, point / 1.7f, -point / 1.7f, point / 2, -point / 2, point / 10, -point / 10, point / 0.3f, -point / 0.3f })
            {
                float up = p;
                float down = p;
                for (int i = 0; i < 64; i++)
                {
                    inputs.Add(up);
                    inputs.Add(down);
                    up = MathF.BitIncrement(up);
                    down = MathF.BitDecrement(down);
                }
            }
        }

        for (int i = 0; i < randomCount; i++)
        {
            inputs.Add((i % 5) switch
            {
                0 => RandomValues.FiniteFloatBits(random),
                1 => RandomValues.Float(random, -40, 40),
                2 => RandomValues.Float(random, -130, -5),
                3 => RandomValues.Float(random, -10, 10),
                _ => RandomValues.Float(random, -1.5f, 1.5f),
            });
        }

        return inputs.ToArray();
    }
}
