using System;
using System.Runtime.InteropServices;
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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-2)]
    public void MisalignedOverlapThrowsNamingTheDestinationBeforeWriting(int byteShift)
    {
        // Issue 10: spans whose addresses differ by part of an element made MemoryExtensions.Overlaps(..., out offset)
        // throw its own ArgumentException, without the parameter name. Reinterpreting a byte buffer makes such spans.
        byte[] bytes = new byte[8 * 64 + 16];
        new Random(7).NextBytes(bytes);
        int start = 8;
        Span<float> input = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(start, 4 * 64));
        Span<float> destination = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(start + byteShift, 4 * 64));
        byte[] before = (byte[])bytes.Clone();

        ArgumentException e;
        try
        {
            Kernels.FloatBeta2(input, destination);
            throw new Xunit.Sdk.XunitException("No exception for a misaligned overlap.");
        }
        catch (ArgumentException caught)
        {
            e = caught;
        }

        Assert.Equal("destination", e.ParamName);
        Assert.Equal(before, bytes);

        Span<double> doubles = MemoryMarshal.Cast<byte, double>(bytes.AsSpan(start, 8 * 32));
        Span<double> shifted = MemoryMarshal.Cast<byte, double>(bytes.AsSpan(start + byteShift, 8 * 32));
        try
        {
            Kernels.DoubleBeta1(doubles, shifted);
            throw new Xunit.Sdk.XunitException("No exception for a misaligned overlap.");
        }
        catch (ArgumentException caught)
        {
            e = caught;
        }

        Assert.Equal("destination", e.ParamName);
        Assert.Equal(before, bytes);
    }
}
