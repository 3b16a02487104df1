using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that applies an element formula, written once in plain C#, to
/// whole spans in one pass: one vectorized kernel for the whole formula instead of one pass over memory per operation.
/// </summary>
/// <example>
/// <code>
/// public static partial class Head
/// {
///     // One element, in plain C#: the generator reads this method's body.
///     static float Scale(float raw, float bias) =&gt; FusedMath.Softplus(raw + bias, 2f) + 1e-6f;
///
///     [Fused(nameof(Scale))]
///     public static partial void Scale(ReadOnlySpan&lt;float&gt; raw, [Broadcast] ReadOnlySpan&lt;float&gt; bias, Span&lt;float&gt; destination);
///
///     static float SwiGlu(float a, float b) =&gt; FusedMath.Silu(a) * b;
///
///     [Fused(nameof(SwiGlu))]
///     public static partial void SwiGlu(ReadOnlySpan&lt;float&gt; a, ReadOnlySpan&lt;float&gt; b, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
/// <remarks>
/// <para>
/// The formula is a static method of the same type whose parameters and return value are all <see cref="float"/> or
/// all <see cref="double"/> (the element type <c>T</c>), or that returns a tuple of them for several outputs. It may
/// share its name with the annotated method. Its body is an expression, or local declarations and one <c>return</c>,
/// made of <c>+ - * /</c>, unary minus, comparisons with <c>?:</c>, <c>Math</c>/<c>MathF</c> <c>Abs</c>, <c>Min</c>,
/// <c>Max</c>, <c>Clamp</c>, <c>Exp</c>, <c>Log</c>, <c>Sqrt</c>, <c>FusedMultiplyAdd</c> and <c>Tanh</c>, the
/// <see cref="FusedMath"/> activations (their parameters constants) and <see cref="FusedMath.Log1P(float)"/> /
/// <see cref="FusedMath.ExpM1(float)"/>, literals and constants, and calls of other such formulas of the type (inlined).
/// Anything else is a compile-time error that says what is supported.
/// </para>
/// <para>
/// The annotated method takes, for each formula parameter in order, a <c>ReadOnlySpan&lt;T&gt;</c> (one value per
/// element), a <see cref="BroadcastAttribute">[Broadcast]</see> <c>ReadOnlySpan&lt;T&gt;</c> (one value per channel) or
/// a <c>T</c> (one run-time value for every element); then one <c>Span&lt;T&gt;</c> per output. Plain arithmetic is
/// evaluated as C# evaluates it, in <c>T</c>, without contraction into fused multiply-adds.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FusedAttribute : Attribute
{
    /// <summary>Applies the formula method named <paramref name="formula"/> (write it as <c>nameof(F)</c>).</summary>
    /// <param name="formula">The name of a static formula method of the same type.</param>
    public FusedAttribute(string formula) => Formula = formula;

    /// <summary>The name of the formula method.</summary>
    public string Formula { get; }

    /// <summary>
    /// The precision of the activations the formula calls: <see cref="ActivationPrecision.Accurate"/> (the default) or
    /// <see cref="ActivationPrecision.Fast"/> (each activation as its attribute's Fast kernel computes it). Plain
    /// arithmetic is C#'s either way; <c>Exp</c>, <c>Log</c>, <c>Log1P</c> and <c>ExpM1</c> stay accurate.
    /// </summary>
    public ActivationPrecision Precision { get; set; }

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
