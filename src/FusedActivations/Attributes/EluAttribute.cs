using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes ELU element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.elu(x, alpha)</c>:
/// <code>
/// elu(x) = x                        where x &gt; 0
///        = alpha * (exp(x) - 1)     elsewhere
/// </code>
/// computed with <c>expm1</c>, so that small negative x keep full relative precision. NaN gives NaN, +infinity gives
/// +infinity and -infinity gives -alpha.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Elu(Alpha = 0.5)]
///     public static partial void Elu(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
/// <remarks>
/// <see cref="Alpha"/> is rounded to the method's element type and folded into the generated kernel as a constant.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EluAttribute : ActivationAttribute
{
    /// <summary>
    /// The saturation value for negative inputs is <c>-alpha</c>; finite and greater than 0 (PyTorch accepts any
    /// alpha, but ELU is defined for alpha &gt; 0). Default 1.
    /// </summary>
    public double Alpha { get; set; } = 1;
}
