namespace FusedActivations;

/// <summary>
/// How closely a generated kernel computes its activation: the error bound it promises, and so how much work it does.
/// Both give PyTorch's semantics, the same special values and limits, and subnormal results (no flush to zero).
/// </summary>
public enum ActivationPrecision
{
    /// <summary>
    /// The default: about half an ULP for float (float kernels compute in double and round once), at most 1.5 ULP for
    /// double. See the README's accuracy table for each activation and path.
    /// </summary>
    Accurate = 0,

    /// <summary>
    /// At most 4 ULP: float kernels compute in float with short polynomials and no compensation, twice the lanes of the
    /// widened Accurate kernels. Activations without a faster formula yet (see the README) run their Accurate kernel,
    /// which is within the bound too.
    /// </summary>
    Fast = 1,
}
