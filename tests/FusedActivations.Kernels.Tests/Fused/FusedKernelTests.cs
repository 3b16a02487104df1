using System;
using System.Collections.Generic;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Kernels.Tests.Fused;

/// <summary>
/// Fused kernels on this run's path (CI runs every path, NEON under qemu): the path that ran, one engine with the
/// attributes (bit for bit), C#'s arithmetic (bit for bit), accuracy of the examples against the exact value of
/// the formula (its plain arithmetic rounded as C# rounds it), broadcast rows, in place, and argument errors.
/// </summary>
public sealed class FusedKernelTests
{
    private static int Samples => Math.Min(TestEnvironment.RandomSamples, 200_000);

    private static IEnumerable<float> SpecialFloats() => SpecialValues.Floats;

    [Theory]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(100_003)]
    public void FusedKernelsRunTheExpectedPath(int length)
    {
        KernelTrace.Reset();
        FusedKernels.SwiGlu(new float[length], new float[length], new float[length]);
        Assert.True(KernelTrace.Count >= 1);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);

        KernelTrace.Reset();
        FusedKernels.MixDouble(new double[length], new double[length], 1.0, new double[length]);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);
    }

    [Fact]
    public void OneActivationIsItsAttributesKernelBitForBit()
    {
        var values = new List<float>(RandomValues.Floats(1, Samples, -40, 40));
        values.AddRange(SpecialFloats());
        float[] x = values.ToArray();
        float[] fused = new float[x.Length];
        float[] attribute = new float[x.Length];
        FusedKernels.FusedSoftplus2(x, fused);
        FusedKernels.AttributeSoftplus2(x, attribute);
        AssertBitwiseEqual(attribute, fused, x, "softplus(x, 2)");
        FusedKernels.FusedGeluTanh(x, fused);
        FusedKernels.AttributeGeluTanh(x, attribute);
        AssertBitwiseEqual(attribute, fused, x, "gelu_tanh(x)");

        var random = new Random(2);
        double[] xd = new double[Samples];
        for (int i = 0; i < xd.Length; i++)
        {
            xd[i] = RandomValues.Double(random, -800, 800);
        }

        double[] fusedDouble = new double[xd.Length];
        double[] attributeDouble = new double[xd.Length];
        FusedKernels.FusedSoftplus2Double(xd, fusedDouble);
        FusedKernels.AttributeSoftplus2Double(xd, attributeDouble);
        for (int i = 0; i < xd.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(attributeDouble[i]) == BitConverter.DoubleToInt64Bits(fusedDouble[i]), $"softplus({xd[i]:R}, 2): fused {fusedDouble[i]:R}, attribute {attributeDouble[i]:R}");
        }
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(3, 333)]
    [InlineData(16, 64)]
    [InlineData(1000, 5)]
    public void PlainArithmeticIsCSharpsBitForBit(int channels, int rows)
    {
        float[] a = RandomValues.Floats(channels, channels * rows, -10, 10);
        float[] b = RandomValues.Floats(channels + 1, channels, -10, 10);
        float[] ratio = new float[a.Length];
        float[] rest = new float[a.Length];
        FusedKernels.Mix(a, b, 0.75f, ratio, rest);
        for (int i = 0; i < a.Length; i++)
        {
            (float r, float s) = FusedKernels.Mix(a[i], b[i % channels], 0.75f);
            Assert.True(BitConverter.SingleToInt32Bits(r) == BitConverter.SingleToInt32Bits(ratio[i]), $"element {i}: ratio {ratio[i]:R}, C# {r:R}");
            Assert.True(BitConverter.SingleToInt32Bits(s) == BitConverter.SingleToInt32Bits(rest[i]), $"element {i}: rest {rest[i]:R}, C# {s:R}");
        }

        var random = new Random(rows);
        double[] x = new double[channels * rows];
        double[] y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = RandomValues.Double(random, -5, 5);
        }

        double[] yIn = (double[])x.Clone();
        FusedKernels.MixDouble(x, x, -1.25, y);
        FusedKernels.MixDouble(yIn, yIn, -1.25, yIn);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = FusedKernels.MixDouble(x[i], x[i], -1.25);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(y[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(yIn[i]));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(1000)]
    public void ScaleHeadIsWithinTwoUlpOfTheExactFormula(int channels)
    {
        int rows = Math.Max(1, Samples / 4 / channels);
        float[] raw = RandomValues.Floats(channels * 7, channels * rows, -30, 30);
        float[] bias = RandomValues.Floats(channels * 7 + 1, channels, -3, 3);
        float[] y = new float[raw.Length];
        FusedKernels.Scale(raw, bias, y);
        float[] inPlace = (float[])raw.Clone();
        FusedKernels.Scale(inPlace, bias, inPlace);
        double worst = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            float t = raw[i] + bias[i % channels];
            DoubleDouble exact = Reference.Softplus((double)t, 2.0, 20.0) + (double)1e-6f;
            worst = Math.Max(worst, Ulp.Distance(y[i], exact.Hi + exact.Lo));
            Assert.Equal(BitConverter.SingleToInt32Bits(y[i]), BitConverter.SingleToInt32Bits(inPlace[i]));
        }

        Assert.True(worst <= 2, $"softplus(raw + bias, 2) + 1e-6: {worst} ULP");
    }

    [Fact]
    public void SwiGluAndBiasGeluAreWithinTwoUlpOfTheExactFormula()
    {
        float[] a = RandomValues.Floats(11, Samples, -12, 12);
        float[] b = RandomValues.Floats(12, Samples, -4, 4);
        float[] y = new float[a.Length];
        FusedKernels.SwiGlu(a, b, y);
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            DoubleDouble exact = Reference.Silu((double)a[i], 1.0) * (double)b[i];
            worst = Math.Max(worst, Ulp.Distance(y[i], exact.Hi + exact.Lo));
        }

        Assert.True(worst <= 2, $"silu(a) b: {worst} ULP");

        float[] bias = RandomValues.Floats(13, 48, -1, 1);
        float[] x = RandomValues.Floats(14, 48 * (Samples / 48), -9, 9);
        float[] g = new float[x.Length];
        FusedKernels.BiasGelu(x, bias, g);
        worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            worst = Math.Max(worst, Ulp.Distance(g[i], Reference.Gelu(x[i] + bias[i % 48])));
        }

        Assert.True(worst <= 2, $"gelu(x + bias): {worst} ULP");
    }

    [Fact]
    public void BadArgumentsThrowNamingTheParameterBeforeAnythingIsWritten()
    {
        float[] raw = new float[12];
        float[] y = new float[12];
        Array.Fill(y, 7f);
        void Throws(string parameter, Action call)
        {
            ArgumentException e = Assert.Throws<ArgumentException>(call);
            Assert.Equal(parameter, e.ParamName);
            Assert.All(y, v => Assert.Equal(7f, v));
        }

        Throws("bias", () => FusedKernels.Scale(raw, new float[5], y));
        Throws("b", () => FusedKernels.SwiGlu(raw, new float[11], y));
        Throws("destination", () => FusedKernels.SwiGlu(raw, raw, y.AsSpan(0, 11)));
        Throws("destination", () => FusedKernels.SwiGlu(raw.AsSpan(0, 10), raw.AsSpan(0, 10), raw.AsSpan(1, 10)));
        Throws("rest", () => FusedKernels.Mix(raw, new float[3], 1f, y, y));
    }

    private static void AssertBitwiseEqual(float[] expected, float[] actual, float[] x, string what)
    {
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"{what} at x = {x[i]:R}: fused {actual[i]:R}, attribute {expected[i]:R}");
        }
    }
}
