using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // Thrown from separate methods so the hot paths stay small enough to inline.
    private static void ValidateBeta(double beta)
    {
        // !(beta > 0) also rejects NaN.
        if (!(beta > 0) || double.IsPositiveInfinity(beta))
        {
            ThrowBeta(beta);
        }
    }

    private static void ValidateThreshold(double threshold)
    {
        if (double.IsNaN(threshold))
        {
            ThrowThreshold(threshold);
        }
    }

    private static void ValidateAlpha(double alpha)
    {
        // ELU saturates at -alpha: only a finite alpha > 0 gives the activation its definition (PyTorch accepts any).
        if (!(alpha > 0) || double.IsPositiveInfinity(alpha))
        {
            ThrowAlpha(alpha);
        }
    }

    private static void ValidateNegativeSlope(double negativeSlope)
    {
        // Any sign is allowed (a negative slope folds negative inputs up); NaN and infinities are not.
        if (!double.IsFinite(negativeSlope))
        {
            ThrowNegativeSlope(negativeSlope);
        }
    }

    private static void ThrowAlpha(double alpha) =>
        throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be greater than 0 and finite.");

    private static void ThrowNegativeSlope(double negativeSlope) =>
        throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, "negativeSlope must be finite.");

    private static void ThrowBeta(double beta) =>
        throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be greater than 0 and finite.");

    private static void ThrowThreshold(double threshold) =>
        throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must not be NaN.");
}
