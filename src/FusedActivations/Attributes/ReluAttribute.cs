using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes ReLU element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.relu(x)</c>:
/// <code>
/// relu(x) = max(x, 0)
/// </code>
/// NaN gives NaN (PyTorch propagates NaN), and -0 gives +0.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Relu]
///     public static partial void Relu(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReluAttribute : ActivationAttribute
{
}
