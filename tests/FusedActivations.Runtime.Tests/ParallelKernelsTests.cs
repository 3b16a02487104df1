using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>How <see cref="ParallelKernels"/> splits a span: the chunks, who runs them, and when it does not split.</summary>
public sealed class ParallelKernelsTests
{
    [Theory]
    [InlineData(1, 4, 2, 1)]
    [InlineData(131071, 4, 2, 131071)] // Shorter than two minimum chunks (65,536 floats): one chunk.
    [InlineData(131072, 4, 2, 65536)] // Two minimum chunks.
    [InlineData(196608, 4, 2, 49152)] // Three minimum chunks: four, two per core.
    [InlineData(1 << 20, 4, 2, 131072)] // Four chunks per core.
    [InlineData(1048616, 4, 2, 131088)] // 1048616 / 8 = 131077, rounded up to whole 64-byte lines (16 floats).
    [InlineData(1 << 20, 4, 64, 65536)] // Many cores: no chunk below 256 KiB (16 chunks, one round).
    [InlineData(1 << 24, 8, 64, 65536)] // Doubles: four chunks per core, each 512 KiB.
    [InlineData(1 << 22, 4, 1, 1 << 22)] // One core: one chunk.
    public void ChunkLengths(int length, int elementBytes, int processors, int expected)
    {
        int chunk = ParallelKernels.ChunkLength(length, elementBytes, processors);
        Assert.Equal(expected, chunk);
        Assert.True(chunk == length || (chunk * elementBytes) % 64 == 0, "a chunk that is not the whole span is whole cache lines");
    }

    [Theory]
    [InlineData(131072)]
    [InlineData(131073)]
    [InlineData(1000003)]
    public void EveryElementIsComputedOnceInChunksOfTheComputedLength(int length)
    {
        float[] x = new float[length];
        float[] destination = new float[length];
        var seen = new ConcurrentBag<(long Offset, int Count, int Thread)>();
        SpanKernel<float> record = (input, output) =>
        {
            long offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(x.AsSpan()), ref MemoryMarshal.GetReference(input)) / sizeof(float);
            Assert.Equal(offset, (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(destination.AsSpan()), ref MemoryMarshal.GetReference(output)) / sizeof(float));
            Assert.Equal(input.Length, output.Length);
            seen.Add((offset, input.Length, Environment.CurrentManagedThreadId));
        };

        ParallelKernels.Run<float>(x, destination, threshold: 1, record);

        int chunk = ParallelKernels.ChunkLength(length, sizeof(float), Environment.ProcessorCount);
        var chunks = seen.OrderBy(c => c.Offset).ToArray();
        Assert.Equal((length + chunk - 1) / chunk, chunks.Length);
        for (int i = 0; i < chunks.Length; i++)
        {
            Assert.Equal((long)i * chunk, chunks[i].Offset);
            Assert.Equal(Math.Min(chunk, length - (i * chunk)), chunks[i].Count);
        }
    }

    [Fact]
    public void BelowTheThresholdTheKernelRunsOnceOnTheCallingThread()
    {
        float[] x = new float[1 << 20];
        int calls = 0, thread = -1;
        ParallelKernels.Run<float>(x, new float[x.Length], threshold: (1 << 20) + 1, (input, _) =>
        {
            calls++;
            thread = Environment.CurrentManagedThreadId;
            Assert.Equal(x.Length, input.Length);
        });
        Assert.Equal(1, calls);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }

    [Fact]
    public void AnExceptionInAChunkReachesTheCaller()
    {
        float[] x = new float[1 << 20];
        int failing = 0;
        AggregateException error = Assert.Throws<AggregateException>(() => ParallelKernels.Run<float>(x, new float[x.Length], threshold: 1, (input, _) =>
        {
            if (Interlocked.Increment(ref failing) == 2)
            {
                throw new InvalidOperationException("chunk failed");
            }
        }));
        Assert.Contains(error.InnerExceptions, e => e.Message == "chunk failed");
    }

    [Fact]
    public void ApplyChecksBeforeAnyChunkRuns()
    {
        float[] x = new float[1 << 20];
        int calls = 0;
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            ParallelKernels.Apply<float>(x, new float[x.Length - 1], "destination", 1, (_, _) => calls++));
        Assert.Equal("destination", error.ParamName);
        Assert.Equal(0, calls);
    }
}
