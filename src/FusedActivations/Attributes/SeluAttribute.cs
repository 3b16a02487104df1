using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes SELU element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.selu(x)</c>:
/// <code>
/// selu(x) = scale * x                        where x &gt; 0
///         = scale * alpha * (exp(x) - 1)     elsewhere
/// alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946
/// </code>
/// As in PyTorch, <c>scale</c> and <c>alpha</c> are rounded to the element type and their product
/// <c>alpha * scale</c> is rounded once more, to the element type, before use: the result is
/// <c>x * scale</c> or <c>expm1(x) * fl(alpha * scale)</c>. NaN gives NaN, +infinity gives +infinity and -infinity
/// gives <c>-fl(alpha * scale)</c>.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Selu]
///     public static partial void Selu(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SeluAttribute : ActivationAttribute
{
}
