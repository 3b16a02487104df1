using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes the logistic sigmoid element-wise, with the
/// semantics of PyTorch's <c>torch.sigmoid(x)</c>:
/// <code>
/// sigmoid(x) = 1 / (1 + exp(-x))
/// </code>
/// computed as <c>exp(x) / (1 + exp(x))</c> for negative x, so that results down to the subnormal range keep their
/// precision. NaN gives NaN, +infinity gives 1 and -infinity gives 0.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Sigmoid]
///     public static partial void Sigmoid(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SigmoidAttribute : ActivationAttribute
{
}
