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
    /// Whether the path has FMA. The FMA paths and the scalar path perform identical roundings, so their results agree
    /// bit for bit; the portable Vector128 path rounds some products twice and is only as accurate.
    /// </summary>
    public static bool PathIsBitExactWithScalar => Path != SimdPath.Vector128;

    /// <summary>
    /// Max float error allowed on this path, in ULP (measured: see the README's accuracy table). Powers of two for beta
    /// stay below 0.9 ULP; other betas (1/beta inexact) reach about 1.0.
    /// </summary>
    public static double FloatUlpBound => PathIsBitExactWithScalar ? 1.05 : 1.5;

    /// <summary>Max double error allowed on this path, in ULP.</summary>
    public static double DoubleUlpBound => 2.0;
}
