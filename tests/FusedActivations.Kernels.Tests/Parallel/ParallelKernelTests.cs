using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FusedActivations.Kernels.Tests.Parallel;

/// <summary>
/// <c>Parallel = true</c> (issue 14): bit-identical to the single-threaded kernel for lengths around every chunk boundary,
/// in place and out of place, float and double, on whichever path this run takes; arguments checked before anything is
/// written; usable from inside a parallel loop.
/// </summary>
public sealed class ParallelKernelTests
{
    /// <summary>
    /// Lengths around the split of this machine: one below the shortest split, the shortest split and one past it, and
    /// around 1, 2 and 3 chunk lengths past it for a few longer spans (each a different chunk length).
    /// </summary>
    public static IEnumerable<object[]> Lengths(int elementBytes)
    {
        int minimum = ParallelKernels.MinimumChunkBytes / elementBytes;
        var lengths = new SortedSet<int> { 1, 17, (2 * minimum) - 1, 2 * minimum, (2 * minimum) + 1 };
        foreach (int length in new[] { 3 * minimum, (5 * minimum) + 5, (9 * minimum) + 3 })
        {
            int chunk = ParallelKernels.ChunkLength(length, elementBytes, Environment.ProcessorCount);
            foreach (int k in new[] { 1, 2, 3 })
            {
                foreach (int delta in new[] { -1, 0, 1 })
                {
                    int candidate = (k * chunk) + delta;
                    if (candidate > 0 && candidate <= 10 * minimum)
                    {
                        lengths.Add(candidate);
                    }
                }
            }

            lengths.Add(length);
        }

        return lengths.Select(l => new object[] { l });
    }

    public static IEnumerable<object[]> FloatLengths() => Lengths(sizeof(float));

    public static IEnumerable<object[]> DoubleLengths() => Lengths(sizeof(double));

    [Fact]
    public void LongSpansAreSplitOnThisMachine()
    {
        // The lengths above would test nothing if no call split: on more than one core the shortest split is 2 chunks.
        int minimum = ParallelKernels.MinimumChunkBytes / sizeof(float);
        int expected = Environment.ProcessorCount > 1 ? minimum : 2 * minimum;
        Assert.Equal(expected, ParallelKernels.ChunkLength(2 * minimum, sizeof(float), Environment.ProcessorCount));
    }

    [Theory]
    [MemberData(nameof(FloatLengths))]
    public void FloatOutOfPlaceAndInPlaceAreBitIdentical(int length)
    {
        float[] x = Inputs(length, seed: length);
        float[] serial = new float[length], parallel = new float[length];

        KernelTrace.Reset();
        ParallelMethods.Softplus2Serial(x, serial);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);
        ParallelMethods.Softplus2(x, parallel);
        ParallelAssert.BitIdentical(serial, parallel);

        ParallelMethods.SiluSerial(x, serial);
        float[] inPlace = (float[])x.Clone();
        ParallelMethods.Silu(inPlace, inPlace);
        ParallelAssert.BitIdentical(serial, inPlace);
    }

    [Theory]
    [MemberData(nameof(DoubleLengths))]
    public void DoubleInPlaceIsBitIdentical(int length)
    {
        double[] serial = Inputs(length, seed: length).Select(v => (double)v * 1.25).ToArray();
        double[] parallel = (double[])serial.Clone();
        ParallelMethods.GeluInPlaceSerial(serial);
        ParallelMethods.GeluInPlace(parallel);
        ParallelAssert.BitIdentical(serial, parallel);
    }

    [Fact]
    public void ALongerDestinationKeepsItsTail()
    {
        int length = 3 * ParallelKernels.MinimumChunkBytes / sizeof(float);
        float[] x = Inputs(length, seed: 5);
        float[] destination = Enumerable.Repeat(-7f, length + 40).ToArray();
        ParallelMethods.Silu(x, destination);
        float[] serial = new float[length];
        ParallelMethods.SiluSerial(x, serial);
        ParallelAssert.BitIdentical(serial, destination.AsSpan(0, length).ToArray());
        Assert.All(destination.Skip(length), v => Assert.Equal(-7f, v));
    }

    [Fact]
    public void ArgumentsAreCheckedBeforeAnythingIsWritten()
    {
        int length = 4 * ParallelKernels.MinimumChunkBytes / sizeof(float);
        float[] x = Inputs(length, seed: 9);
        float[] tooShort = Enumerable.Repeat(3f, length - 1).ToArray();
        ArgumentException shortError = Assert.Throws<ArgumentException>(() => ParallelMethods.Softplus2(x, tooShort));
        Assert.Equal("destination", shortError.ParamName);
        Assert.All(tooShort, v => Assert.Equal(3f, v));

        float[] shared = (float[])x.Clone();
        ArgumentException overlap = Assert.Throws<ArgumentException>(() => ParallelMethods.Silu(shared.AsSpan(0, length - 16), shared.AsSpan(16)));
        Assert.Equal("destination", overlap.ParamName);
        Assert.Equal(x, shared);
    }

    [Fact]
    public async Task NestedInsideAParallelLoop()
    {
        // Every core busy with an outer loop whose bodies split again: no deadlock, no thread starvation, same results.
        int length = 3 * ParallelKernels.MinimumChunkBytes / sizeof(float);
        float[] x = Inputs(length, seed: 11);
        float[] serial = new float[length];
        ParallelMethods.Softplus2Serial(x, serial);
        var outputs = new float[4 * Environment.ProcessorCount][];
        Task loop = Task.Run(() => global::System.Threading.Tasks.Parallel.For(0, outputs.Length, i =>
        {
            outputs[i] = new float[length];
            ParallelMethods.Softplus2(x, outputs[i]);
        }));
        await loop.WaitAsync(TimeSpan.FromMinutes(5)); // Throws TimeoutException: the nested calls did not finish.
        Assert.All(outputs, output => ParallelAssert.BitIdentical(serial, output));
    }

    private static float[] Inputs(int length, int seed)
    {
        // Every binade that matters for these activations, and the special values, spread through the span.
        var random = new Random(seed);
        float[] x = new float[length];
        float[] special = [0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, 20f, -20f];
        for (int i = 0; i < length; i++)
        {
            x[i] = i % 97 == 0 ? special[(i / 97) % special.Length] : (float)((random.NextDouble() - 0.5) * 60);
        }

        return x;
    }
}
