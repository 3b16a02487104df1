using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes Softplus element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.softplus(x, beta, threshold)</c>:
/// <code>
/// softplus(x) = x                              where beta * x &gt; threshold
///             = (1 / beta) * log(1 + exp(beta * x))   elsewhere
/// </code>
/// computed in the stable form <c>max(x, 0) + log1p(exp(-beta * |x|)) / beta</c>, so that no input overflows.
/// NaN gives NaN, +infinity gives +infinity and -infinity gives 0.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [Softplus(Beta = 2, Threshold = 20)]
///     public static partial void Softplus2(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
/// <remarks>
/// <see cref="Beta"/> and <see cref="Threshold"/> are rounded to the method's element type and folded into the
/// generated kernel as constants (1/beta, beta * log2(e), the exact cut-off on x, ...).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SoftplusAttribute : ActivationAttribute
{
    /// <summary>The sharpness beta; finite and greater than 0. Default 1.</summary>
    public double Beta { get; set; } = 1;

    /// <summary>
    /// Above this value of <c>beta * x</c> the result is <c>x</c> itself (PyTorch's linear cut-off). Default 20.
    /// <see cref="double.PositiveInfinity"/> turns the cut-off off: the stable formula everywhere. Must not be NaN.
    /// </summary>
    public double Threshold { get; set; } = 20;
}
