using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes Leaky ReLU element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.leaky_relu(x, negative_slope)</c>:
/// <code>
/// leaky_relu(x) = x                        where x &gt; 0
///               = negative_slope * x       elsewhere
/// </code>
/// NaN gives NaN and +infinity gives +infinity; -infinity gives <c>-infinity * negative_slope</c>, and 0 (the limit)
/// for a slope of 0, where PyTorch gives NaN.
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [LeakyRelu(NegativeSlope = 0.2)]
///     public static partial void LeakyRelu(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
/// <remarks>
/// <see cref="NegativeSlope"/> is rounded to the method's element type and folded into the generated kernel as a
/// constant; each negative input is then multiplied by it with a single rounding.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LeakyReluAttribute : ActivationAttribute
{
    /// <summary>The slope for inputs at or below 0; finite, of either sign (0 gives ReLU up to the sign of zero). Default 0.01.</summary>
    public double NegativeSlope { get; set; } = 0.01;
}
