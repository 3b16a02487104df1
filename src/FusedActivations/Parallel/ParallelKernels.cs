using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace FusedActivations;

/// <summary>A span kernel: computes every element of <paramref name="x"/> into <paramref name="destination"/> (same length).</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="x">The input.</param>
/// <param name="destination">The output, as long as <paramref name="x"/>; may be the same memory.</param>
public delegate void SpanKernel<T>(ReadOnlySpan<T> x, Span<T> destination);

/// <summary>
/// The parallel mode of the generated kernels (<see cref="ActivationAttribute.Parallel"/>): splits a long span across
/// the thread pool in contiguous chunks, each run by the method's own single-threaded kernel. Called by generated code.
/// </summary>
/// <remarks>
/// <para>
/// Chunks are whole multiples of 64 bytes (so no two threads write the same cache line, and every chunk but the last
/// starts on the same vector alignment as the input) and about <see cref="MinimumChunkBytes"/> long or longer (so a
/// chunk's work outweighs handing it to a thread); there are at most four per core, so a core that is late (another
/// process, a nested parallel loop) is balanced by the others, and a whole number per core (<see cref="ChunkLength"/>). The activations are elementwise and every path computes each
/// element with the same operations wherever it sits in the span, so the results are bit-identical to the
/// single-threaded kernel whatever the split.
/// </para>
/// <para>
/// Below the threshold, on one core, or when the split would give one chunk, the single-threaded kernel runs on the
/// calling thread: no allocation, no synchronisation. Above it the calling thread runs chunks too, with at most one
/// thread per core (<see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>), so a call from inside another
/// parallel loop neither deadlocks nor waits for a free thread: it makes progress on its own thread while idle pool
/// threads help.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ParallelKernels
{
    /// <summary>
    /// The threshold when the attribute leaves <c>ParallelThreshold</c> at 0: 131,072 elements, the shortest float span
    /// that makes two chunks. Measured on a 2-core AMD EPYC (Zen 5), float softplus β = 2, BenchmarkDotNet (README,
    /// "Large arrays on every core"): split at 128 Ki, two cores were already 1.8× faster than one on AVX-512 (60 → 33 µs)
    /// and 1.3–1.75× on AVX2; a higher threshold only gave up that gain. Below it no split happens anyway for floats.
    /// </summary>
    public const int DefaultThreshold = 1 << 17;

    /// <summary>
    /// The chunk size a split aims at, at least: 256 KiB (65,536 floats, 32,768 doubles); evening the chunks out over the
    /// cores can make them shorter, down to 3/4 of it.
    /// </summary>
    public const int MinimumChunkBytes = 256 * 1024;

    /// <summary>Chunks per core at most.</summary>
    public const int ChunksPerCore = 4;

    /// <summary>
    /// Checks the arguments as the single-threaded kernel does (before anything is written), then computes
    /// <paramref name="kernel"/> over <paramref name="x"/> into the start of <paramref name="destination"/>, split across
    /// the thread pool when <paramref name="x"/> has at least <paramref name="threshold"/> elements.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it other than exactly (in place).</exception>
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> destination, string destinationName, int threshold, SpanKernel<T> kernel)
        where T : unmanaged
    {
        if (x.Length > destination.Length)
        {
            throw new ArgumentException("Destination is too short: it must have at least as many elements as the input.", destinationName);
        }

        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(destination)) && x.Overlaps((ReadOnlySpan<T>)destination))
        {
            throw new ArgumentException("The destination overlaps the input but does not start at the same element: use separate memory, or the same span for an in-place call.", destinationName);
        }

        Run(x, destination.Slice(0, x.Length), threshold, kernel);
    }

    /// <summary>
    /// <paramref name="kernel"/> over <paramref name="x"/> into <paramref name="destination"/> (the same length, separate
    /// or the same memory: the caller has checked), split across the thread pool from <paramref name="threshold"/> elements on.
    /// </summary>
    public static void Run<T>(ReadOnlySpan<T> x, Span<T> destination, int threshold, SpanKernel<T> kernel)
        where T : unmanaged
    {
        if (!Splits<T>(x.Length, 1, threshold))
        {
            kernel(x, destination);
            return;
        }

        RunSplit(x, destination, kernel);
    }

    /// <summary>
    /// The split of <see cref="Run{T}"/>: the fused driver with one stream in, one out and rows of one element (the same
    /// chunks, <see cref="ChunkLength"/>). A method of its own so that the chunk delegate is allocated only when a call splits.
    /// </summary>
    private static void RunSplit<T>(ReadOnlySpan<T> x, Span<T> destination, SpanKernel<T> kernel)
        where T : unmanaged =>
        RunFused<T>(x.Length, 1, ReadOnlySpan<T>.Empty, Span<double>.Empty, chunk => kernel(chunk.Rows(0), chunk.OutputRows(1)), x, destination);

    /// <summary>
    /// At most one thread per core, the calling thread included. Without the limit, Parallel.For hands replicas to every
    /// pool thread that asks, and on 2 cores a third thread time-sliced the chunks: measured (Stopwatch, median of 31
    /// calls, 16 Mi floats on AVX2) 1.50–1.60× one thread, against 1.9× with the limit.
    /// </summary>
    private static ParallelOptions OneThreadPerCore() => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>
    /// The chunk length for <paramref name="length"/> elements of <paramref name="elementBytes"/> bytes on
    /// <paramref name="processors"/> cores: as many chunks as fit with <see cref="MinimumChunkBytes"/> each, at most
    /// <see cref="ChunksPerCore"/> per core, and, when there are more chunks than cores, a whole number of chunks per core
    /// (three equal chunks on two cores take two rounds: measured 1.43× instead of 1.8×); each a whole number of 64-byte
    /// lines but the last. <paramref name="length"/> itself (one chunk) on one core or when no split gives two chunks.
    /// </summary>
    public static int ChunkLength(int length, int elementBytes, int processors)
    {
        int line = 64 / elementBytes;
        int minimum = MinimumChunkBytes / elementBytes;
        long chunks = Math.Min((long)length / minimum, (long)processors * ChunksPerCore);
        if (processors <= 1 || chunks < 2)
        {
            return Math.Max(length, 1);
        }

        if (chunks > processors)
        {
            chunks = (chunks + processors - 1) / processors * processors;
        }

        long perChunk = (length + chunks - 1) / chunks;
        perChunk = (perChunk + line - 1) / line * line;
        return perChunk >= length ? length : (int)perChunk;
    }
}
