using System;
using Xunit;

namespace FusedActivations.Kernels.Tests;

/// <summary>Kernels with a threshold at or below zero, where PyTorch's rule returns x for x = ±0.</summary>
public static partial class ThresholdSignKernels
{
    [Softplus(Threshold = -2)]
    public static partial void FloatThresholdMinus2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Threshold = -1)]
    public static partial double DoubleBeta2ThresholdMinus1(double x);

    [Softplus(Threshold = 0)]
    public static partial float FloatThreshold0(float x);
}

/// <summary>
/// PyTorch's rule is "x where fl(beta * x) &gt; threshold": ±0 gives ln2/beta only when the threshold is at least 0;
/// below 0, fl(beta * ±0) = ±0 exceeds it and the result is x itself, sign included.
/// </summary>
public sealed class ThresholdSignTests
{
    [Fact]
    public void NegativeThresholdGivesXAtZeroAndAboveTheCutoff()
    {
        float[] x = { 0f, -0f, 1e-30f, -1e-30f, -1.9999f, -2f, -2.0001f, -3f, 5f };
        float[] expected = { 0f, -0f, 1e-30f, -1e-30f, -1.9999f, Softplus(-2f, 1), Softplus(-2.0001f, 1), Softplus(-3f, 1), 5f };

        // Every length from 1 (scalar or buffered path) to a few vectors, so that every path and loop part is covered.
        for (int repeat = 1; repeat <= 8; repeat++)
        {
            float[] input = new float[x.Length * repeat];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = x[i % x.Length];
            }

            float[] output = new float[input.Length];
            ThresholdSignKernels.FloatThresholdMinus2(input, output);
            for (int i = 0; i < input.Length; i++)
            {
                float want = expected[i % x.Length];
                Assert.True(
                    Math.Abs(BitConverter.SingleToInt32Bits(want) - BitConverter.SingleToInt32Bits(output[i])) <= 1,
                    $"softplus({input[i]:R}) with threshold -2 = {output[i]:R}, expected {want:R}");
            }
        }
    }

    [Fact]
    public void NegativeThresholdKeepsTheSignOfZero()
    {
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(ThresholdSignKernels.DoubleBeta2ThresholdMinus1(0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(ThresholdSignKernels.DoubleBeta2ThresholdMinus1(-0.0)));
        Assert.Equal(-0.4, ThresholdSignKernels.DoubleBeta2ThresholdMinus1(-0.4));
        Assert.Equal(Math.Log(1 + Math.Exp(-1.2)) / 2, ThresholdSignKernels.DoubleBeta2ThresholdMinus1(-0.6), 15);
    }

    [Fact]
    public void ZeroThresholdGivesLn2AtZero()
    {
        Assert.Equal(MathF.Log(2), ThresholdSignKernels.FloatThreshold0(0f));
        Assert.Equal(MathF.Log(2), ThresholdSignKernels.FloatThreshold0(-0f));
        Assert.Equal(float.Epsilon, ThresholdSignKernels.FloatThreshold0(float.Epsilon));
    }

    private static float Softplus(float x, double beta) => (float)(Math.Log(1 + Math.Exp(beta * x)) / beta);
}
