namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The accuracy FusedMath achieves, as asserted by the sweeps. Float overloads round a double evaluation once, so
/// they are within half an ULP plus a double rounding's worth; the double bounds are the measured maxima over the
/// sweeps with a small margin, and tightening an algorithm should tighten them here.
/// </summary>
internal static class Bounds
{
    /// <summary>0.5 ULP plus the worst double-rounding excess (about 2^-28 ULP), with room.</summary>
    public const double Float = 2;

    public const double Log1P = 2;
    public const double ExpM1 = 2;
    public const double Sigmoid = 2;
    public const double LogSigmoid = 2;
    public const double Softplus = 2;
    public const double InverseSoftplus = 2;
    public const double LogAddExp = 2;
}
