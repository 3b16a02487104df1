using System;

namespace FusedActivations;

/// <summary>
/// Generates the body of a <c>static partial</c> method that computes Hard Swish element-wise, with the semantics of
/// PyTorch's <c>torch.nn.functional.hardswish(x)</c>:
/// <code>
/// hardswish(x) = 0                      where x &lt;= -3
///              = x                      where x &gt;= 3
///              = x * (x + 3) / 6        elsewhere
/// </code>
/// that is <c>x * min(max(x + 3, 0), 6) / 6</c>, evaluated to within one rounding of the exact value. NaN gives NaN,
/// +infinity gives +infinity and -infinity gives -0, the limit (PyTorch's formula gives NaN there).
/// </summary>
/// <example>
/// <code>
/// public static partial class Act
/// {
///     [HardSwish]
///     public static partial void HardSwish(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class HardSwishAttribute : ActivationAttribute
{
}
