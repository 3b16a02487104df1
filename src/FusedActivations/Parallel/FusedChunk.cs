using System;
using System.ComponentModel;

namespace FusedActivations;

/// <summary>Computes one chunk of a parallel <c>[Fused]</c> or <c>[FusedGradient]</c> call (generated code).</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="chunk">The chunk's rows of every stream.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void FusedChunkKernel<T>(FusedChunk<T> chunk)
    where T : unmanaged;

/// <summary>
/// One chunk of a parallel fused call (<see cref="ParallelKernels.RunFused{T}"/>): a range of whole rows of every
/// elementwise stream, every broadcast stream whole, the run-time scalars, and the chunk's own per-channel sums.
/// Streams are numbered in the order they were passed; each is read only through the accessor of its kind.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct FusedChunk<T>
    where T : unmanaged
{
    private readonly nint[] _addresses;
    private readonly int[] _lengths;
    private readonly T[] _scalars;
    private readonly double[]? _sums;
    private readonly int _sumsOffset;
    private readonly int _sumsLength;

    internal FusedChunk(nint[] addresses, int[] lengths, T[] scalars, int start, int count, double[]? sums, int sumsOffset, int sumsLength)
    {
        _addresses = addresses;
        _lengths = lengths;
        _scalars = scalars;
        Start = start;
        Count = count;
        _sums = sums;
        _sumsOffset = sumsOffset;
        _sumsLength = sumsLength;
    }

    /// <summary>The index of the chunk's first element in the elementwise streams (a whole number of rows).</summary>
    public int Start { get; }

    /// <summary>The number of elements of the chunk in each elementwise stream (a whole number of rows).</summary>
    public int Count { get; }

    /// <summary>The chunk's elements of the elementwise input <paramref name="stream"/>.</summary>
    public ReadOnlySpan<T> Rows(int stream) => new((T*)_addresses[stream] + Start, Count);

    /// <summary>The chunk's elements of the elementwise output <paramref name="stream"/>.</summary>
    public Span<T> OutputRows(int stream) => new((T*)_addresses[stream] + Start, Count);

    /// <summary>The broadcast input <paramref name="stream"/>, whole: one value per channel.</summary>
    public ReadOnlySpan<T> Whole(int stream) => new((T*)_addresses[stream], _lengths[stream]);

    /// <summary>The run-time scalar <paramref name="index"/> (in the order the scalars were passed).</summary>
    public T Scalar(int index) => _scalars[index];

    /// <summary>The chunk's own per-channel sums, zero at the start; added to the others in chunk order once every chunk is done.</summary>
    public Span<double> Sums => _sums is null ? Span<double>.Empty : _sums.AsSpan(_sumsOffset, _sumsLength);
}
