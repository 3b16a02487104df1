using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes the hyperbolic tangent element-wise, with the
/// semantics of PyTorch's <c>torch.tanh(x)</c>:
/// <code>
/// tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))
/// </code>
/// computed from <c>expm1(-2|x|)</c> so that nothing overflows and small arguments keep full relative precision.
/// NaN gives NaN, ±0 gives ±0, +infinity gives 1 and -infinity gives -1.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Tanh]
///     public static partial void Tanh(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TanhAttribute : ActivationAttribute
{
}
