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
    /// Whether Softplus's (and LogSigmoid's) float results on this path are bit for bit the scalar path's. Every path
    /// computes them in double and rounds once, but log(1 + t) takes a 16-entry table where a lookup is one instruction
    /// (AVX-512, scalar code) and a division and a longer polynomial elsewhere: the same bound, different last bits
    /// for a few inputs.
    /// </summary>
    public static bool FloatPathIsBitExactWithScalar => Path is SimdPath.Avx512 or SimdPath.Scalar;

    /// <summary>
    /// Whether double results on this path are bit for bit the scalar path's: every FMA path performs the scalar path's
    /// roundings; the portable Vector128 path has no FMA.
    /// </summary>
    public static bool DoublePathIsBitExactWithScalar => Path != SimdPath.Vector128;

    /// <summary>
    /// Max float error allowed, in ULP (measured: see the README's accuracy table): every path computes Softplus in
    /// double and rounds once, within 0.51 ULP.
    /// </summary>
    public static double FloatUlpBound => 0.55;

    /// <summary>Max double error allowed on this path, in ULP.</summary>
    public static double DoubleUlpBound => 2.0;
}
