using System;
using System.Collections.Generic;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Kernels.Tests.Family;

/// <summary>
/// The engine's loops under the family's formulas (widened float steps, unrolled groups, the overlapping last vector,
/// the short-input buffer): every length from 0 to 300 and some large ones, at unaligned offsets, out of place and in
/// place; each element must be the scalar form's result, and nothing outside the destination may change.
/// </summary>
public sealed class FamilyLengthTests
{
    public static IEnumerable<object[]> Lengths()
    {
        for (int n = 0; n <= 300; n += n < 80 ? 1 : 7)
        {
            yield return new object[] { n };
        }

        foreach (int n in new[] { 511, 1025, 4099 })
        {
            yield return new object[] { n };
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void FloatKernelsHandleEveryLength(int length)
    {
        foreach (string name in new[] { "Sigmoid", "Mish", "HardSwish", "LogSigmoid" })
        {
            FamilyCase<float> kernel = FamilyCatalog.Float(name);
            bool exact = ActivePath.Current != SimdPath.Vector128 && (name != "LogSigmoid" || TestEnvironment.FloatPathIsBitExactWithScalar);
            for (int offset = 0; offset < 3; offset++)
            {
                var random = new Random(length * 7 + offset);
                float[] source = new float[length + offset + 2];
                for (int i = 0; i < source.Length; i++)
                {
                    source[i] = RandomValues.Float(random, -30, 30);
                }

                float[] destination = new float[length + offset + 2];
                Array.Fill(destination, 12345f);
                kernel.Run(source.AsSpan(offset, length), destination.AsSpan(offset + 1, length));
                Assert.Equal(12345f, destination[offset]);
                Assert.Equal(12345f, destination[offset + 1 + length]);

                float[] inPlace = source.AsSpan(offset, length).ToArray();
                kernel.Run(inPlace, inPlace);
                for (int i = 0; i < length; i++)
                {
                    float x = source[offset + i];
                    float scalar = kernel.Scalar(x);
                    float y = destination[offset + 1 + i];
                    Assert.True(exact ? BitConverter.SingleToInt32Bits(scalar) == BitConverter.SingleToInt32Bits(y) : Ulp.Distance(y, (double)scalar) <= 1,
                        $"{name}, length {length}, offset {offset}, x = {x:R}: span {y:R}, scalar {scalar:R}");
                    Assert.Equal(BitConverter.SingleToInt32Bits(y), BitConverter.SingleToInt32Bits(inPlace[i]));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void DoubleKernelsHandleEveryLength(int length)
    {
        foreach (string name in new[] { "Tanh", "Silu" })
        {
            FamilyCase<double> kernel = FamilyCatalog.Double(name);
            bool exact = ActivePath.Current != SimdPath.Vector128;
            for (int offset = 0; offset < 2; offset++)
            {
                var random = new Random(length * 11 + offset);
                double[] source = new double[length + offset + 2];
                for (int i = 0; i < source.Length; i++)
                {
                    source[i] = RandomValues.Double(random, -30, 30);
                }

                double[] destination = new double[length + offset + 2];
                Array.Fill(destination, 12345.0);
                kernel.Run(source.AsSpan(offset, length), destination.AsSpan(offset + 1, length));
                Assert.Equal(12345.0, destination[offset]);
                Assert.Equal(12345.0, destination[offset + 1 + length]);

                double[] inPlace = source.AsSpan(offset, length).ToArray();
                kernel.Run(inPlace, inPlace);
                for (int i = 0; i < length; i++)
                {
                    double x = source[offset + i];
                    double scalar = kernel.Scalar(x);
                    double y = destination[offset + 1 + i];
                    Assert.True(exact ? BitConverter.DoubleToInt64Bits(scalar) == BitConverter.DoubleToInt64Bits(y) : Ulp.Distance(y, scalar) <= 3,
                        $"{name}, length {length}, offset {offset}, x = {x:R}: span {y:R}, scalar {scalar:R}");
                    Assert.Equal(BitConverter.DoubleToInt64Bits(y), BitConverter.DoubleToInt64Bits(inPlace[i]));
                }
            }
        }
    }
}
