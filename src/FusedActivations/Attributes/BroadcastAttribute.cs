using System;

namespace FusedActivations;

/// <summary>
/// Marks a <c>ReadOnlySpan&lt;T&gt;</c> input of a <see cref="FusedAttribute">[Fused]</see> or
/// <see cref="FusedGradientAttribute">[FusedGradient]</see> method as one value per channel: the elementwise inputs are
/// rows x channels, row-major, and the number of channels is this span's length, which must divide theirs.
/// </summary>
/// <example>
/// <code>
/// static float BiasGelu(float x, float bias) =&gt; FusedMath.Gelu(x + bias);
///
/// // x holds rows x bias.Length values; bias[c] is added to every x[r * bias.Length + c].
/// [Fused(nameof(BiasGelu))]
/// public static partial void BiasGelu(ReadOnlySpan&lt;float&gt; x, [Broadcast] ReadOnlySpan&lt;float&gt; bias, Span&lt;float&gt; destination);
/// </code>
/// </example>
/// <remarks>
/// In a gradient method the gradient of a broadcast input is summed over the rows, so its output span has the
/// broadcast span's length.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BroadcastAttribute : Attribute
{
}
