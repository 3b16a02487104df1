using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes GELU element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.gelu(x, approximate)</c>:
/// <code>
/// approximate = None: gelu(x) = (x / 2) * erfc(-x / sqrt(2))                       (= x * Phi(x))
/// approximate = Tanh: gelu(x) = (x / 2) * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))
/// </code>
/// In the tanh form, sqrt(2 / pi) (PyTorch's kBeta = M_SQRT2 * M_2_SQRTPI * 0.5, evaluated in double) and 0.044715 are
/// rounded to the element type as PyTorch's kernels have them, and the result is the exact value with those constants.
/// The exact form is computed with <c>erfc</c>, so that the tail below x = -5.5 keeps full relative precision (where
/// <c>1 + erf(x / sqrt(2))</c> cancels to 0). NaN gives NaN, +infinity gives +infinity and -infinity gives -0, the
/// limit.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Gelu(Approximate = GeluApproximation.Tanh)]
///     public static partial void GeluTanh(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class GeluAttribute : ActivationAttribute
{
    /// <summary>
    /// Which formula to compute: <see cref="GeluApproximation.None"/> (the default, the exact GELU with <c>erfc</c>)
    /// or <see cref="GeluApproximation.Tanh"/> (PyTorch's <c>approximate='tanh'</c>). Must be a defined value.
    /// </summary>
    public GeluApproximation Approximate { get; set; } = GeluApproximation.None;
}
