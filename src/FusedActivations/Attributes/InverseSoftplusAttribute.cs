using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes the inverse of Softplus element-wise (no
/// PyTorch counterpart; see pytorch/pytorch#72759):
/// <code>
/// inverse_softplus(y) = log(exp(beta * y) - 1) / beta
/// </code>
/// computed in the stable form <c>y + log(-expm1(-beta * y)) / beta</c> for large y and with <c>log(expm1(beta * y))</c>
/// for small y, so that tiny and large y keep full precision. It is the inverse of the stable Softplus (no linear
/// cut-off). NaN gives NaN, y &lt; 0 gives NaN, +0 gives -infinity and +infinity gives +infinity.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [InverseSoftplus(Beta = 2)]
///     public static partial void InverseSoftplus2(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
/// <remarks>
/// <see cref="Beta"/> is rounded to the method's element type and folded into the generated kernel as a constant.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class InverseSoftplusAttribute : ActivationAttribute
{
    /// <summary>The sharpness beta of the Softplus being inverted; finite and greater than 0. Default 1.</summary>
    public double Beta { get; set; } = 1;
}
