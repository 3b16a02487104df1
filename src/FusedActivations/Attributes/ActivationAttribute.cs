using System;

namespace FusedActivations;

/// <summary>
/// Base class of every activation attribute. An activation attribute on a <c>static partial</c> method asks the
/// FusedActivations source generator to write the method's body: a vectorized kernel specialized, at compile time,
/// for the activation's parameters.
/// </summary>
/// <remarks>
/// Supported shapes, for <c>T</c> = <see cref="float"/> or <see cref="double"/>:
/// <list type="bullet">
/// <item><description><c>static partial void F(ReadOnlySpan&lt;T&gt; x, Span&lt;T&gt; destination)</c>: span in, span out.</description></item>
/// <item><description><c>static partial void F(Span&lt;T&gt; values)</c>: in place.</description></item>
/// <item><description><c>static partial T F(T x)</c>: one element.</description></item>
/// </list>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class ActivationAttribute : Attribute
{
    /// <summary>
    /// How many SIMD vectors one iteration of the kernel's main loop processes: 1, 2, 4 or 8.
    /// 0 (the default) lets the generator choose; see the README for the measured default.
    /// </summary>
    public int Unroll { get; set; }

    /// <summary>
    /// Whether a call on a long span is split across the thread pool: from <see cref="ParallelThreshold"/> elements on,
    /// the span is cut into contiguous chunks (whole cache lines, about 256 KiB or more, up to four per core), each computed by
    /// the same kernel, the calling thread taking part. The results are bit-identical to <c>Parallel = false</c>; below the
    /// threshold, or on one core, exactly the single-threaded code runs. Not for one-element methods. Default false.
    /// </summary>
    public bool Parallel { get; set; }

    /// <summary>
    /// With <see cref="Parallel"/>: the number of elements from which a call is split. 0 (the default) means 131,072
    /// (<see cref="ParallelKernels.DefaultThreshold"/>, chosen from measurements: see the README); must not be negative.
    /// </summary>
    public int ParallelThreshold { get; set; }

    /// <summary>
    /// <see cref="ActivationPrecision.Accurate"/> (the default) or <see cref="ActivationPrecision.Fast"/>: at most 4 ULP
    /// for a faster kernel, with the same semantics and special values. See the README for each activation's bound.
    /// </summary>
    public ActivationPrecision Precision { get; set; }
}
