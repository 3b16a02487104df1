namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The accuracy FusedMath achieves, as asserted by the sweeps. Float overloads round a double evaluation once, so
/// they are within half an ULP plus a double rounding's worth. The double bounds are the measured maxima over the
/// sweeps (seeded, so reproducible) with a small margin; tightening an algorithm should tighten them here.
/// </summary>
/// <remarks>
/// Sigmoid, LogSigmoid and Softplus reach 1.0 only for results in the lowest normal binades (|result| below about
/// 2^-969, e.g. sigmoid(-708)), where the reference's trailing double underflows and the reference itself is only
/// known to half an ULP; elsewhere they stay below about 0.9. Gelu and GeluTanh likewise reach 1.0 only for subnormal
/// results (x/2 for subnormal x, and the far left tails).
/// </remarks>
internal static class Bounds
{
    /// <summary>0.5 ULP plus the worst double-rounding excess (about 2^-28 ULP), with room.</summary>
    public const double Float = 0.5 + 1e-6;

    /// <summary>Measured 0.725.</summary>
    public const double Log1P = 0.75;

    /// <summary>Measured 0.787.</summary>
    public const double ExpM1 = 0.8;

    /// <summary>Measured 1.0 for results in the lowest normal binades (x near -708, see remarks).</summary>
    public const double Log1MExp = 1.01;

    /// <summary>Measured 0.732 for x above -671 (results above 2^-969).</summary>
    public const double Log1MExpAboveTinyResults = 0.75;

    /// <summary>Measured 1.0 (see remarks).</summary>
    public const double Sigmoid = 1.01;

    /// <summary>Measured 1.0 (see remarks).</summary>
    public const double LogSigmoid = 1.01;

    /// <summary>Measured 1.002 (beta 3.7, tiny x).</summary>
    public const double Softplus = 1.01;

    /// <summary>Measured 1.117 (beta 0.3).</summary>
    public const double InverseSoftplus = 1.15;

    /// <summary>Measured 0.973, in ULPs of max(|result|, |max(a, b)|).</summary>
    public const double LogAddExp = 1.0;

    /// <summary>A single correctly rounded operation (a product): half an ULP.</summary>
    public const double CorrectlyRounded = 0.5;

    /// <summary>Measured 0.79 (the expm1 form at about |x| = 0.12).</summary>
    public const double Tanh = 0.85;

    /// <summary>Measured 1.0 for results near the subnormal range (see remarks), 0.66 above 2^-969.</summary>
    public const double Silu = 1.01;

    /// <summary>Measured 1.0 for results near the subnormal range (see remarks), 0.57 above 2^-969.</summary>
    public const double Mish = 1.01;

    /// <summary>Measured 0.843 (ELU, x about -0.28: expm1 near its form switch); SELU 0.757.</summary>
    public const double Elu = 0.9;

    /// <summary>Measured 0.5.</summary>
    public const double HardSwish = 0.501;

    /// <summary>Float GELU rounds a double evaluation of relative error below 2^-41 once: 0.5 ULP plus at most 2^-41.6 * 2^24 ULP of the binade (1.6e-5 ULP).</summary>
    public const double GeluFloat = 0.5 + 2e-5;

    /// <summary>Measured 0.641 for normal results, 1.0 for subnormal ones (see remarks); the issue allows 1.5.</summary>
    public const double Gelu = 1.01;

    /// <summary>Measured 0.709 for normal results, 1.0 for subnormal ones (see remarks); the issue allows 1.5.</summary>
    public const double GeluTanh = 1.01;
}
