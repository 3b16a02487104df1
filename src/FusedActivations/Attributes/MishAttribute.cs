using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes Mish element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.mish(x)</c>:
/// <code>
/// mish(x) = x * tanh(softplus(x)) = x * tanh(log(1 + exp(x)))
/// </code>
/// with the exact Softplus (beta 1, no linear cut-off). NaN gives NaN, +infinity gives +infinity and -infinity gives
/// -0, the limit (PyTorch's formula gives NaN there).
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Mish]
///     public static partial void Mish(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MishAttribute : ActivationAttribute
{
}
