using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes the gradient of an element formula (see
/// <see cref="FusedAttribute"/>) with respect to its inputs, in one pass: the generator differentiates the formula at
/// compile time (chain rule; PyTorch's conventions at kinks and thresholds) and recomputes what the derivative needs
/// from the inputs.
/// </summary>
/// <example>
/// <code>
/// public static partial class Head
/// {
///     static float Scale(float raw, float bias) =&gt; FusedMath.Softplus(raw + bias, 2f) + 1e-6f;
///
///     [FusedGradient(nameof(Scale))]
///     public static partial void ScaleBackward(ReadOnlySpan&lt;float&gt; raw, [Broadcast] ReadOnlySpan&lt;float&gt; bias,
///         ReadOnlySpan&lt;float&gt; gradOutput, Span&lt;float&gt; gradRaw, Span&lt;float&gt; gradBias);
/// }
/// </code>
/// </example>
/// <remarks>
/// The annotated method takes the formula's inputs with the same roles as for <see cref="FusedAttribute"/>, then one
/// <c>ReadOnlySpan&lt;T&gt;</c> gradient per formula output, then one <c>Span&lt;T&gt;</c> per input that is not a
/// run-time scalar, in order: the gradient of <c>sum(gradOutput * F)</c> with respect to that input, per element for
/// elementwise inputs and summed over rows for <see cref="BroadcastAttribute">[Broadcast]</see> inputs.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FusedGradientAttribute : Attribute
{
    /// <summary>Differentiates the formula method named <paramref name="formula"/> (write it as <c>nameof(F)</c>).</summary>
    /// <param name="formula">The name of a static formula method of the same type.</param>
    public FusedGradientAttribute(string formula) => Formula = formula;

    /// <summary>The name of the formula method.</summary>
    public string Formula { get; }

    /// <summary>
    /// Whether a call on long spans is split across the thread pool: from <see cref="ParallelThreshold"/> elements on,
    /// the elementwise spans are cut into chunks of whole rows (about 256 KiB or more, up to four per core), each computed
    /// by the same kernel, the calling thread taking part; below the threshold, or on one core, exactly the
    /// single-threaded code runs. Elementwise outputs are bit-identical to <c>Parallel = false</c>. Sums over rows (the
    /// gradients of <see cref="BroadcastAttribute">[Broadcast]</see> inputs) are added per chunk, then the chunks' sums in
    /// order, all in double: they can differ from the single-threaded sums in the last bit (see the README). At most
    /// <see cref="ParallelKernels.MaximumFusedStreams"/> span parameters. Default false.
    /// </summary>
    public bool Parallel { get; set; }

    /// <summary>
    /// With <see cref="Parallel"/>: the number of elements (of each elementwise span) from which a call is split. 0 (the
    /// default) means 131,072 (<see cref="ParallelKernels.DefaultThreshold"/>); must not be negative.
    /// </summary>
    public int ParallelThreshold { get; set; }
}
