using System;
using Xunit;

namespace FusedActivations.Kernels.Tests;

/// <summary>The values PyTorch's softplus defines exactly, on every shape.</summary>
public sealed class SpecialValueTests
{
    [Theory]
    [MemberData(nameof(KernelCatalog.FloatNames), MemberType = typeof(KernelCatalog))]
    public void FloatSpecialValues(string name)
    {
        KernelCase<float> kernel = KernelCatalog.Float(name);
        float ln2OverBeta = (float)(Math.Log(2) / kernel.Beta);
        float[] x = { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, -float.MaxValue, -1e30f };

        // Long enough for the widest vector path, short enough for every narrower one: test both.
        foreach (int repeat in new[] { 1, 7 })
        {
            float[] input = new float[x.Length * repeat];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = x[i % x.Length];
            }

            float[] y = new float[input.Length];
            kernel.Run(input, y);
            for (int r = 0; r < repeat; r++)
            {
                int b = r * x.Length;
                Assert.True(float.IsNaN(y[b]), "NaN -> NaN");
                Assert.Equal(float.PositiveInfinity, y[b + 1]);
                Assert.Equal(0f, y[b + 2]);
                Assert.False(float.IsNegative(y[b + 2]), "-inf -> +0");
                Assert.Equal(ln2OverBeta, y[b + 3]);
                Assert.Equal(ln2OverBeta, y[b + 4]);
                Assert.Equal(ln2OverBeta, y[b + 5]);
                Assert.Equal(ln2OverBeta, y[b + 6]);
                Assert.Equal(float.MaxValue, y[b + 7]);
                Assert.Equal(0f, y[b + 8]);
                Assert.Equal(0f, y[b + 9]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelCatalog.DoubleNames), MemberType = typeof(KernelCatalog))]
    public void DoubleSpecialValues(string name)
    {
        KernelCase<double> kernel = KernelCatalog.Double(name);
        double ln2OverBeta = Math.Log(2) / kernel.Beta;
        double[] x = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, double.Epsilon, double.MaxValue, -double.MaxValue, -1e300 };
        double[] input = new double[x.Length * 3];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = x[i % x.Length];
        }

        double[] y = new double[input.Length];
        kernel.Run(input, y);
        for (int b = 0; b < input.Length; b += x.Length)
        {
            Assert.True(double.IsNaN(y[b]));
            Assert.Equal(double.PositiveInfinity, y[b + 1]);
            Assert.Equal(0.0, y[b + 2]);
            Assert.False(double.IsNegative(y[b + 2]));
            Assert.True(Math.Abs(y[b + 3] - ln2OverBeta) <= Math.BitIncrement(ln2OverBeta) - ln2OverBeta, $"0 -> {y[b + 3]:R}");
            Assert.Equal(y[b + 3], y[b + 4]);
            Assert.Equal(y[b + 3], y[b + 5]);
            Assert.Equal(double.MaxValue, y[b + 6]);
            Assert.Equal(0.0, y[b + 7]);
            Assert.Equal(0.0, y[b + 8]);
        }
    }

    [Fact]
    public void ScalarShapesAgreeOnSpecialValues()
    {
        Assert.True(float.IsNaN(Kernels.FloatBeta2Scalar(float.NaN)));
        Assert.Equal(float.PositiveInfinity, Kernels.FloatBeta2Scalar(float.PositiveInfinity));
        Assert.Equal(0f, Kernels.FloatBeta2Scalar(float.NegativeInfinity));
        Assert.Equal((float)(Math.Log(2) / 2), Kernels.FloatBeta2Scalar(-0f));
        Assert.True(double.IsNaN(Kernels.DoubleBeta1Scalar(double.NaN)));
        Assert.Equal(0.0, Kernels.DoubleBeta1Scalar(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Kernels.DoubleBeta1Scalar(double.PositiveInfinity));
    }

    /// <summary>PyTorch's rule, x where fl(beta x) &gt; threshold, holds to the last bit on both sides of the cut-off.</summary>
    [Fact]
    public void ThresholdCutOffIsExact()
    {
        // beta = 3, threshold = 5: the cut-off is not a representable x (5/3), which exercises the folded Cutoff constant.
        float[] x = new float[64];
        float c = 5f / 3f;
        while ((float)(3f * MathF.BitDecrement(c)) > 5f)
        {
            c = MathF.BitDecrement(c);
        }

        while (!((float)(3f * c) > 5f))
        {
            c = MathF.BitIncrement(c);
        }

        for (int i = 0; i < 32; i++)
        {
            x[31 - i] = i == 0 ? MathF.BitDecrement(c) : MathF.BitDecrement(x[32 - i]);
            x[32 + i] = i == 0 ? c : MathF.BitIncrement(x[31 + i]);
        }

        float[] y = new float[x.Length];
        Kernels.FloatBeta3Threshold5(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            if (i >= 32)
            {
                Assert.Equal(x[i], y[i]);
            }
            else
            {
                // Below the cut-off the formula is used: softplus > x by log1p(e^-5)/3 ~ 0.00224.
                Assert.True(y[i] > x[i] + 0.002f, $"x = {x[i]:R} -> {y[i]:R}");
            }
        }
    }
}
