using System;

namespace FusedActivations.Kernels.Tests;

/// <summary>What the test run was asked to check, from environment variables set by .ci/run.</summary>
public static class TestEnvironment
{
    /// <summary>
    /// The SIMD path this run must take (FUSEDACTIVATIONS_EXPECTED_PATH = Avx512, Avx2, AdvSimd, Vector128 or Scalar), or
    /// null when the variable is not set (a developer's run: the path is then only checked against ActivePath).
    /// </summary>
    public static SimdPath? ExpectedPath =>
        Environment.GetEnvironmentVariable("FUSEDACTIVATIONS_EXPECTED_PATH") is { Length: > 0 } name
            ? Enum.Parse<SimdPath>(name, ignoreCase: true)
            : null;

    /// <summary>
    /// Random inputs per accuracy case: 1,000,000 unless FUSEDACTIVATIONS_RANDOM_SAMPLES says otherwise (the arm64 run
    /// under qemu, about 20 times slower, uses fewer).
    /// </summary>
    public static int RandomSamples =>
        int.TryParse(Environment.GetEnvironmentVariable("FUSEDACTIVATIONS_RANDOM_SAMPLES"), out int n) && n > 0 ? n : 1_000_000;

    /// <summary>The path the kernels take for long inputs in this process.</summary>
    public static SimdPath Path => ActivePath.Current;

    /// <summary>
    /// Whether float results on this path are bit for bit the scalar path's. Float kernels on AVX-512 and in scalar code
    /// compute in double and round once (the widened formula), so they agree; AVX2 and NEON use compensated float
    /// arithmetic and the portable Vector128 path rounds some products twice: those are only as accurate.
    /// </summary>
    public static bool FloatPathIsBitExactWithScalar => Path is SimdPath.Avx512 or SimdPath.Scalar;

    /// <summary>
    /// Whether double results on this path are bit for bit the scalar path's: every FMA path performs the scalar path's
    /// roundings; the portable Vector128 path has no FMA.
    /// </summary>
    public static bool DoublePathIsBitExactWithScalar => Path != SimdPath.Vector128;

    /// <summary>
    /// Max float error allowed on this path, in ULP (measured: see the README's accuracy table). The widened paths stay
    /// within 0.51 ULP; compensated float arithmetic stays below 0.9 ULP for powers of two as beta and reaches about 1.0
    /// for other betas (1/beta inexact); without FMA about 1.13.
    /// </summary>
    public static double FloatUlpBound => Path switch
    {
        SimdPath.Avx512 or SimdPath.Scalar => 0.55,
        SimdPath.Vector128 => 1.5,
        _ => 1.05,
    };

    /// <summary>Max double error allowed on this path, in ULP.</summary>
    public static double DoubleUlpBound => 2.0;
}
