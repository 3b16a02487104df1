using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes SiLU (Swish-beta) element-wise, with the
/// semantics of PyTorch's <c>torch.nn.functional.silu(x)</c> for the default beta = 1:
/// <code>
/// silu(x) = x * sigmoid(beta * x) = x / (1 + exp(-beta * x))
/// </code>
/// NaN gives NaN, +infinity gives +infinity and -infinity gives -0, the limit (PyTorch's formula
/// <c>x / (1 + exp(-x))</c> gives NaN there).
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Silu(Beta = 1.702)]
///     public static partial void Swish(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
/// <remarks>
/// <see cref="Beta"/> is rounded to the method's element type and folded into the generated kernel as a constant; the
/// product <c>beta * x</c> is then taken exactly.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SiluAttribute : ActivationAttribute
{
    /// <summary>
    /// The sharpness beta of Swish-beta; finite and greater than 0. Default 1 (SiLU, PyTorch's <c>F.silu</c>);
    /// 1.702 approximates GELU.
    /// </summary>
    public double Beta { get; set; } = 1;
}
