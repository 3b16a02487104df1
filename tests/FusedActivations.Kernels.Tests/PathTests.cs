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

    /// <summary>Inputs shorter than one vector fall through to the next narrower path, down to scalar.</summary>
    [Fact]
    public void ShortInputsFallThroughToNarrowerPaths()
    {
        KernelTrace.Reset();
        Kernels.FloatBeta2(new float[3], new float[3]);
        Assert.Equal(SimdPath.Scalar, KernelTrace.Last);

        SimdPath path = ActivePath.Current;
        KernelTrace.Reset();
        Kernels.FloatBeta2(new float[12], new float[12]);
        SimdPath expectedFor12 = path switch
        {
            SimdPath.Avx512 => SimdPath.Avx2, // 12 < 16 floats
            _ => path,
        };
        Assert.Equal(expectedFor12, KernelTrace.Last);
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
