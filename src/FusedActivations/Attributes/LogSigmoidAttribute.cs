using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes the logarithm of the logistic sigmoid
/// element-wise, with the semantics of PyTorch's <c>torch.nn.functional.logsigmoid(x)</c>:
/// <code>
/// logsigmoid(x) = log(1 / (1 + exp(-x))) = -softplus(-x)
/// </code>
/// computed as <c>min(x, 0) - log1p(exp(-|x|))</c>, so that it neither overflows for very negative x nor loses the
/// tiny value <c>-exp(-x)</c> for large x. NaN gives NaN, +infinity gives -0 and -infinity gives -infinity.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [LogSigmoid]
///     public static partial void LogSigmoid(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LogSigmoidAttribute : ActivationAttribute
{
}
