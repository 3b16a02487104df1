using System;
using System.Collections.Concurrent;
using System.Linq;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// How <see cref="ParallelKernels.RunFused{T}"/> splits a fused call: chunks of whole rows, every stream seen through
/// its chunk, run-time scalars, and per-chunk sums added in chunk order.
/// </summary>
public sealed class FusedParallelKernelsTests
{
    [Theory]
    [InlineData(1 << 20, 1, 4, 2, 131072)] // No rows: the span's chunk length.
    [InlineData(1 << 20, 3, 4, 2, 131073)] // 131,072 rounded up to whole rows of 3.
    [InlineData(1 << 20, 1000, 4, 2, 132000)]
    [InlineData(600_000, 300_000, 4, 2, 300_000)] // Two rows: a row per chunk.
    [InlineData(600_000, 600_000, 4, 2, 600_000)] // One row: one chunk.
    [InlineData(1 << 20, 3, 4, 1, 1 << 20)] // One core: one chunk.
    public void RowChunkLengths(int length, int rowLength, int elementBytes, int processors, int expected) =>
        Assert.Equal(expected, ParallelKernels.RowChunkLength(length, rowLength, elementBytes, processors));

    [Fact]
    public void SplitsFromTheThresholdWhenThereAreTwoChunks()
    {
        int twoChunks = 2 * ParallelKernels.MinimumChunkBytes / sizeof(float);
        Assert.False(ParallelKernels.Splits<float>(twoChunks, 1, twoChunks + 1));
        Assert.Equal(Environment.ProcessorCount > 1, ParallelKernels.Splits<float>(twoChunks, 1, twoChunks));
        Assert.False(ParallelKernels.Splits<float>(twoChunks, twoChunks, 1)); // One row cannot be split.
        Assert.False(ParallelKernels.Splits<float>(twoChunks - 1, 1, 1));
    }

    [Theory]
    [InlineData(1_000_003, 1)]
    [InlineData(999_999, 3)]
    [InlineData(700_000, 7_000)]
    public void EveryRowIsComputedOnceAndSumsAreAddedInChunkOrder(int length, int channels)
    {
        float[] input = Enumerable.Range(0, length).Select(i => (float)(i % 1000) / 7).ToArray();
        float[] bias = Enumerable.Range(0, channels).Select(c => (float)c).ToArray();
        float[] output = new float[length];
        double[] sums = Enumerable.Repeat(99.0, channels).ToArray(); // Overwritten.
        var seen = new ConcurrentBag<(int Start, int Count)>();
        ParallelKernels.RunFused<float>(length, channels, new[] { 0.5f }, sums, chunk =>
        {
            seen.Add((chunk.Start, chunk.Count));
            Assert.Equal(0, chunk.Start % channels);
            Assert.Equal(0, chunk.Count % channels);
            Assert.Equal(channels, chunk.Whole(1).Length);
            ReadOnlySpan<float> x = chunk.Rows(0);
            Span<float> y = chunk.OutputRows(2);
            Span<double> chunkSums = chunk.Sums;
            Assert.All(chunkSums.ToArray(), s => Assert.Equal(0.0, s));
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = (x[i] * chunk.Scalar(0)) + chunk.Whole(1)[i % channels];
                chunkSums[i % channels] += y[i];
            }
        }, input, bias, output);

        int chunkLength = ParallelKernels.RowChunkLength(length, channels, sizeof(float), Environment.ProcessorCount);
        var chunks = seen.OrderBy(c => c.Start).ToArray();
        Assert.Equal((length + chunkLength - 1) / chunkLength, chunks.Length);
        Assert.Equal(length, chunks.Sum(c => c.Count));
        for (int i = 0; i < chunks.Length; i++)
        {
            Assert.Equal(i * chunkLength, chunks[i].Start);
        }

        // The expected sums: each chunk's rows added from zero in row order, then the chunks' sums in chunk order.
        double[] expected = new double[channels];
        foreach (var (start, count) in chunks)
        {
            double[] partial = new double[channels];
            for (int i = start; i < start + count; i++)
            {
                float y = (input[i] * 0.5f) + bias[i % channels];
                Assert.Equal(y, output[i]);
                partial[i % channels] += y;
            }

            for (int c = 0; c < channels; c++)
            {
                expected[c] += partial[c];
            }
        }

        Assert.Equal(expected, sums);
    }

    [Fact]
    public void AnExceptionInAChunkIsReported()
    {
        int length = 4 * ParallelKernels.MinimumChunkBytes / sizeof(float);
        float[] x = new float[length];
        AggregateException error = Assert.Throws<AggregateException>(() => ParallelKernels.RunFused<float>(
            length, 1, ReadOnlySpan<float>.Empty, Span<double>.Empty, chunk => throw new InvalidOperationException("chunk " + chunk.Start), x, x));
        Assert.All(error.InnerExceptions, e => Assert.IsType<InvalidOperationException>(e));
    }
}
