namespace FusedActivations;

/// <summary>
/// Which GELU formula <see cref="GeluAttribute"/> computes: PyTorch's <c>approximate</c> argument of
/// <c>torch.nn.functional.gelu</c>.
/// </summary>
public enum GeluApproximation
{
    /// <summary>The exact GELU, <c>(x / 2) * erfc(-x / sqrt(2))</c> (PyTorch's <c>approximate='none'</c>).</summary>
    None = 0,

    /// <summary>
    /// The tanh approximation <c>(x / 2) * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))</c> (PyTorch's
    /// <c>approximate='tanh'</c>), with sqrt(2 / pi) and 0.044715 rounded to the element type as PyTorch's kernels
    /// have them: the kernels compute the exact value of the formula with those constants.
    /// </summary>
    Tanh = 1,
}
