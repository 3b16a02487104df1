using System;
using Xunit;

namespace FusedActivations.Kernels.Tests.Parallel;

/// <summary>The parallel tests' one comparison: every element of the parallel result has the single-threaded one's bits.</summary>
internal static class ParallelAssert
{
    public static void BitIdentical(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"element {i} of {expected.Length}: parallel {actual[i]:R}, single-threaded {expected[i]:R}");
            }
        }
    }

    public static void BitIdentical(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"element {i} of {expected.Length}: parallel {actual[i]:R}, single-threaded {expected[i]:R}");
            }
        }
    }
}
