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

    private static void ThrowBeta(double beta) =>
        throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be greater than 0 and finite.");

    private static void ThrowThreshold(double threshold) =>
        throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must not be NaN.");
}
