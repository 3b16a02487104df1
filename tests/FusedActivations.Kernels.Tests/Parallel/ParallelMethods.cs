using System;

namespace FusedActivations.Kernels.Tests.Parallel;

/// <summary>
/// Methods with <c>Parallel = true</c> and their single-threaded twins (the same attribute without it): the parallel
/// mode must give the twin's results bit for bit, on every path.
/// </summary>
public static partial class ParallelMethods
{
    [Softplus(Beta = 2, Parallel = true)]
    public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2)]
    public static partial void Softplus2Serial(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Threshold 1: every call long enough to split is split.</summary>
    [Gelu(Parallel = true, ParallelThreshold = 1)]
    public static partial void GeluInPlace(Span<double> values);

    [Gelu]
    public static partial void GeluInPlaceSerial(Span<double> values);

    [Silu(Parallel = true, ParallelThreshold = 1)]
    public static partial void Silu(ReadOnlySpan<float> x, Span<float> destination);

    [Silu]
    public static partial void SiluSerial(ReadOnlySpan<float> x, Span<float> destination);
}
