using System;
using System.Threading.Tasks;

namespace FusedActivations;

/// <summary>The parallel mode of <c>[Fused]</c> and <c>[FusedGradient]</c> methods: N input and M output streams, split by rows.</summary>
public static partial class ParallelKernels
{
    /// <summary>
    /// The most spans (elementwise and broadcast inputs, gradients of outputs, outputs) a parallel fused method may take:
    /// each is pinned while the chunks run.
    /// </summary>
    public const int MaximumFusedStreams = 16;

    /// <summary>
    /// Whether <see cref="RunFused{T}"/> would split <paramref name="length"/> elements in rows of
    /// <paramref name="rowLength"/>: from <paramref name="threshold"/> elements on, when the split gives two chunks or more
    /// on this machine. Generated code asks first, so that a call that does not split runs the single-threaded kernel
    /// directly: no pinning, no allocation.
    /// </summary>
    public static unsafe bool Splits<T>(int length, int rowLength, int threshold)
        where T : unmanaged =>
        length >= threshold && RowChunkLength(length, rowLength, sizeof(T), Environment.ProcessorCount) < length;

    /// <summary>
    /// <see cref="ChunkLength"/> rounded up to whole rows of <paramref name="rowLength"/> elements (the rows of a broadcast
    /// input, 1 without one): a chunk is a range of rows, so that every chunk sees the broadcast values from channel 0.
    /// </summary>
    public static int RowChunkLength(int length, int rowLength, int elementBytes, int processors)
    {
        int chunk = ChunkLength(length, elementBytes, processors);
        if (chunk >= length || rowLength <= 1)
        {
            return chunk;
        }

        long elements = (chunk + (long)rowLength - 1) / rowLength * rowLength;
        return elements >= length ? length : (int)elements;
    }

    /// <summary>
    /// Runs <paramref name="kernel"/> on chunks of whole rows of the streams across the thread pool, the calling thread
    /// taking part (<see cref="ChunkLength"/> for the sizes), the arguments already checked by the caller. Each chunk gets
    /// its own per-channel sums (when <paramref name="sums"/> is not empty); once every chunk is done they are added into
    /// <paramref name="sums"/> in chunk order, so a call's result depends on the length and the machine's core count only,
    /// never on which thread ran what.
    /// </summary>
    /// <param name="length">The number of elements of every elementwise stream.</param>
    /// <param name="rowLength">The number of channels of the broadcast streams (1 without any).</param>
    /// <param name="scalars">The run-time scalar inputs, in order.</param>
    /// <param name="sums">The per-channel sums of the call (summed gradients), overwritten; empty when there are none.</param>
    /// <param name="kernel">The single-threaded kernel of one chunk.</param>
    /// <param name="stream0">The first span; the others follow, at most <see cref="MaximumFusedStreams"/>, outputs included.</param>
    /// <param name="stream1">Span 1, when the method has that many.</param>
    /// <param name="stream2">Span 2, when the method has that many.</param>
    /// <param name="stream3">Span 3, when the method has that many.</param>
    /// <param name="stream4">Span 4, when the method has that many.</param>
    /// <param name="stream5">Span 5, when the method has that many.</param>
    /// <param name="stream6">Span 6, when the method has that many.</param>
    /// <param name="stream7">Span 7, when the method has that many.</param>
    /// <param name="stream8">Span 8, when the method has that many.</param>
    /// <param name="stream9">Span 9, when the method has that many.</param>
    /// <param name="stream10">Span 10, when the method has that many.</param>
    /// <param name="stream11">Span 11, when the method has that many.</param>
    /// <param name="stream12">Span 12, when the method has that many.</param>
    /// <param name="stream13">Span 13, when the method has that many.</param>
    /// <param name="stream14">Span 14, when the method has that many.</param>
    /// <param name="stream15">Span 15, when the method has that many.</param>
    public static unsafe void RunFused<T>(
        int length,
        int rowLength,
        ReadOnlySpan<T> scalars,
        Span<double> sums,
        FusedChunkKernel<T> kernel,
        ReadOnlySpan<T> stream0,
        ReadOnlySpan<T> stream1 = default,
        ReadOnlySpan<T> stream2 = default,
        ReadOnlySpan<T> stream3 = default,
        ReadOnlySpan<T> stream4 = default,
        ReadOnlySpan<T> stream5 = default,
        ReadOnlySpan<T> stream6 = default,
        ReadOnlySpan<T> stream7 = default,
        ReadOnlySpan<T> stream8 = default,
        ReadOnlySpan<T> stream9 = default,
        ReadOnlySpan<T> stream10 = default,
        ReadOnlySpan<T> stream11 = default,
        ReadOnlySpan<T> stream12 = default,
        ReadOnlySpan<T> stream13 = default,
        ReadOnlySpan<T> stream14 = default,
        ReadOnlySpan<T> stream15 = default)
        where T : unmanaged
    {
        int chunk = RowChunkLength(length, rowLength, sizeof(T), Environment.ProcessorCount);
        int chunks = chunk == 0 ? 1 : (length + chunk - 1) / chunk;
        T[] scalarValues = scalars.ToArray();
        int sumsLength = sums.Length;
        double[]? partials = sumsLength == 0 ? null : new double[chunks * sumsLength];

        // Addresses, not spans, cross to the pool threads; the fixed statements keep them valid until every chunk is done.
        fixed (T* p0 = stream0)
        fixed (T* p1 = stream1)
        fixed (T* p2 = stream2)
        fixed (T* p3 = stream3)
        fixed (T* p4 = stream4)
        fixed (T* p5 = stream5)
        fixed (T* p6 = stream6)
        fixed (T* p7 = stream7)
        fixed (T* p8 = stream8)
        fixed (T* p9 = stream9)
        fixed (T* p10 = stream10)
        fixed (T* p11 = stream11)
        fixed (T* p12 = stream12)
        fixed (T* p13 = stream13)
        fixed (T* p14 = stream14)
        fixed (T* p15 = stream15)
        {
            nint[] addresses = { (nint)p0, (nint)p1, (nint)p2, (nint)p3, (nint)p4, (nint)p5, (nint)p6, (nint)p7, (nint)p8, (nint)p9, (nint)p10, (nint)p11, (nint)p12, (nint)p13, (nint)p14, (nint)p15 };
            int[] lengths = { stream0.Length, stream1.Length, stream2.Length, stream3.Length, stream4.Length, stream5.Length, stream6.Length, stream7.Length, stream8.Length, stream9.Length, stream10.Length, stream11.Length, stream12.Length, stream13.Length, stream14.Length, stream15.Length };
            Parallel.For(0, chunks, OneThreadPerCore(), i =>
            {
                int start = i * chunk;
                kernel(new FusedChunk<T>(addresses, lengths, scalarValues, start, Math.Min(chunk, length - start), partials, i * sumsLength, sumsLength));
            });
        }

        if (partials is not null)
        {
            sums.Clear();
            for (int i = 0; i < chunks; i++)
            {
                ReadOnlySpan<double> partial = partials.AsSpan(i * sumsLength, sumsLength);
                for (int j = 0; j < sumsLength; j++)
                {
                    sums[j] += partial[j];
                }
            }
        }
    }
}
