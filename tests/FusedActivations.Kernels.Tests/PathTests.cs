using System;
using Xunit;

namespace FusedActivations.Kernels.Tests;

/// <summary>Which SIMD path actually ran, as recorded by the generated code (FUSEDACTIVATIONS_TRACE).</summary>
public sealed class PathTests
{
    [Fact]
    public void ActivePathIsTheExpectedOne()
    {
        SimdPath? expected = TestEnvironment.ExpectedPath;
        if (expected is not null)
        {
            Assert.Equal(expected.Value, ActivePath.Current);
        }
        else
        {
            Assert.True(Enum.IsDefined(ActivePath.Current));
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(100_003)]
    public void FloatKernelsRunTheActivePath(int length)
    {
        KernelTrace.Reset();
        Kernels.FloatBeta2(new float[length], new float[length]);
        Assert.Equal(1, KernelTrace.Count);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1000)]
    public void DoubleKernelsRunTheActivePath(int length)
    {
        KernelTrace.Reset();
        Kernels.DoubleBeta1(new double[length], new double[length]);
        Assert.Equal(1, KernelTrace.Count);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);
    }

    [Fact]
    public void InPlaceKernelsRunTheActivePath()
    {
        KernelTrace.Reset();
        Kernels.FloatBeta2InPlace(new float[256]);
        Assert.Equal(ActivePath.Current, KernelTrace.Last);
    }

    /// <summary>
    /// Inputs shorter than one vector stay on the machine's path (through a vector-sized buffer), so an element's result
    /// does not depend on the length of the span it comes in: each equals the same input's result inside a long span.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(15)]
    public void ShortInputsTakeTheMachinesPathAndAgreeWithLongOnes(int length)
    {
        var random = new Random(length);
        float[] x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)(random.NextDouble() * 40 - 20);
        }

        float[] shortResult = new float[length];
        KernelTrace.Reset();
        Kernels.FloatBeta2(x, shortResult);
        Assert.Equal(ActivePath.Current, KernelTrace.Last);

        float[] longInput = new float[256];
        x.CopyTo(longInput, 100);
        float[] longResult = new float[256];
        Kernels.FloatBeta2(longInput, longResult);
        for (int i = 0; i < length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(shortResult[i]) == BitConverter.SingleToInt32Bits(longResult[100 + i]),
                $"x = {x[i]:R}: {shortResult[i]:R} in a span of {length}, {longResult[100 + i]:R} in a long one");
        }
    }

    [Fact]
    public void EmptyInputRunsNothingAndWritesNothing()
    {
        KernelTrace.Reset();
        float[] destination = { 42f };
        Kernels.FloatBeta2(ReadOnlySpan<float>.Empty, destination);
        Assert.Equal(42f, destination[0]);
        Assert.True(KernelTrace.Last is null or SimdPath.Scalar);
    }
}
