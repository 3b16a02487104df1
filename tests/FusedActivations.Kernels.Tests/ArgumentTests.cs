using System;
using Xunit;

namespace FusedActivations.Kernels.Tests;

/// <summary>The span contract of TensorPrimitives: destination long enough, and no partial overlap.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public void ShortDestinationThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Kernels.FloatBeta2(new float[10], new float[9]));
        Assert.Equal("destination", e.ParamName);
        var d = Assert.Throws<ArgumentException>(() => Kernels.DoubleBeta1(new double[1], Span<double>.Empty));
        Assert.Equal("destination", d.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(15)]
    public void PartialOverlapThrows(int shift)
    {
        float[] buffer = new float[200];
        int start = 50;
        var e = Assert.Throws<ArgumentException>(() => Kernels.FloatBeta2(buffer.AsSpan(start, 100), buffer.AsSpan(start + shift, 100)));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void LongerDestinationKeepsItsTail()
    {
        float[] destination = { 7f, 7f, 7f, 7f };
        Kernels.FloatBeta2(new float[] { 0f, 0f }, destination);
        Assert.Equal((float)(Math.Log(2) / 2), destination[0]);
        Assert.Equal(7f, destination[2]);
        Assert.Equal(7f, destination[3]);
    }

    [Fact]
    public void AdjacentButNotOverlappingSpansAreAllowed()
    {
        float[] buffer = new float[40];
        Kernels.FloatBeta2(buffer.AsSpan(0, 20), buffer.AsSpan(20, 20));
        Assert.Equal((float)(Math.Log(2) / 2), buffer[20]);
    }
}
