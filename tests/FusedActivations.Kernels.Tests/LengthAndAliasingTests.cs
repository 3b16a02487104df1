using System;
using System.Collections.Generic;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Kernels.Tests;

/// <summary>
/// Every length from 0 to 300 and some large ones, at aligned and unaligned offsets, out of place and in place: each
/// element must equal the scalar result (bit for bit on the FMA paths), and nothing outside the destination may change.
/// </summary>
public sealed class LengthAndAliasingTests
{
    public static IEnumerable<object[]> Lengths()
    {
        for (int n = 0; n <= 300; n++)
        {
            yield return new object[] { n };
        }

        foreach (int n in new[] { 511, 512, 513, 1023, 1024, 1025, 4099, 65_536, 65_537, 1_000_003 })
        {
            // Under emulation (fewer random samples asked for), the million-element case would dominate the run.
            if (n < 100_000 || TestEnvironment.RandomSamples >= 1_000_000)
            {
                yield return new object[] { n };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void FloatSpansOfEveryLength(int length)
    {
        foreach (KernelCase<float> kernel in new[] { KernelCatalog.Float("FloatBeta2"), KernelCatalog.Float("FloatBeta0_1"), KernelCatalog.Float("FloatBeta2Unroll8") })
        {
            for (int offset = 0; offset < 4; offset += length > 1000 ? 3 : 1)
            {
                CheckFloat(kernel, length, offset);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void DoubleSpansOfEveryLength(int length)
    {
        KernelCase<double> kernel = KernelCatalog.Double("DoubleBeta1");
        for (int offset = 0; offset < 3; offset += length > 1000 ? 2 : 1)
        {
            double[] source = new double[length + offset + 2];
            var random = new Random(length * 31 + offset);
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = RandomValues.Double(random, -60, 60);
            }

            double[] destination = new double[length + offset + 2];
            Array.Fill(destination, 12345.0);
            kernel.Run(source.AsSpan(offset, length), destination.AsSpan(offset + 1, length));

            Assert.Equal(12345.0, destination[offset]);
            Assert.Equal(12345.0, destination[offset + 1 + length]);
            for (int i = 0; i < length; i++)
            {
                AssertSame(kernel.Scalar(source[offset + i]), destination[offset + 1 + i], source[offset + i]);
            }

            // In place, through the span method (exact aliasing) and through the in-place shape.
            double[] inPlace = source.AsSpan(offset, length).ToArray();
            kernel.Run(inPlace, inPlace);
            double[] inPlaceShape = source.AsSpan(offset, length).ToArray();
            Kernels.DoubleBeta1InPlace(inPlaceShape);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(destination[offset + 1 + i], inPlace[i]);
                Assert.Equal(destination[offset + 1 + i], inPlaceShape[i]);
            }
        }
    }

    private static void CheckFloat(KernelCase<float> kernel, int length, int offset)
    {
        float[] source = new float[length + offset + 2];
        var random = new Random(length * 31 + offset);
        for (int i = 0; i < source.Length; i++)
        {
            source[i] = RandomValues.Float(random, -30f / kernel.Beta, 30f / kernel.Beta);
        }

        // Guards on both sides of the destination window must survive.
        float[] destination = new float[length + offset + 2];
        Array.Fill(destination, 12345f);
        kernel.Run(source.AsSpan(offset, length), destination.AsSpan(offset + 1, length));

        Assert.Equal(12345f, destination[offset]);
        Assert.Equal(12345f, destination[offset + 1 + length]);
        for (int i = 0; i < length; i++)
        {
            AssertSame(kernel.Scalar(source[offset + i]), destination[offset + 1 + i], source[offset + i]);
        }

        float[] inPlace = source.AsSpan(offset, length).ToArray();
        kernel.Run(inPlace, inPlace);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(destination[offset + 1 + i], inPlace[i]);
        }

        if (kernel.Name == "FloatBeta2")
        {
            float[] inPlaceShape = source.AsSpan(offset, length).ToArray();
            Kernels.FloatBeta2InPlace(inPlaceShape);
            Assert.Equal(inPlace, inPlaceShape);
        }
    }

    /// <summary>Bit for bit where the path computes as the scalar path does; within 2 ULP of it otherwise.</summary>
    private static void AssertSame(float scalar, float vector, float x)
    {
        if (TestEnvironment.FloatPathIsBitExactWithScalar)
        {
            Assert.True(BitConverter.SingleToInt32Bits(scalar) == BitConverter.SingleToInt32Bits(vector), $"x = {x:R}: scalar {scalar:R}, vector {vector:R}");
        }
        else
        {
            Assert.True(Math.Abs(scalar - vector) <= 2 * Ulp.OfFloat(scalar), $"x = {x:R}: scalar {scalar:R}, vector {vector:R}");
        }
    }

    private static void AssertSame(double scalar, double vector, double x)
    {
        if (TestEnvironment.DoublePathIsBitExactWithScalar)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(scalar) == BitConverter.DoubleToInt64Bits(vector), $"x = {x:R}: scalar {scalar:R}, vector {vector:R}");
        }
        else
        {
            Assert.True(Math.Abs(scalar - vector) <= 4 * Ulp.OfDouble(scalar), $"x = {x:R}: scalar {scalar:R}, vector {vector:R}");
        }
    }
}
