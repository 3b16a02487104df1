using System;

namespace FusedActivations.Benchmarks;

// The FusedActivations generator writes the [Fused] bodies from the formula methods beside them (issue 12). Their peers:
// Peers/FusedPeers.cs. The formulas are internal so the naive loop can call them element by element.

/// <summary>The fused kernels under test: issue 12's three examples and the gradients of the first two, float.</summary>
public static partial class OurFusedKernels
{
    /// <summary>A strictly positive scale head: <c>softplus(raw + bias, β = 2) + 1e-6</c>, bias per channel.</summary>
    internal static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + 1e-6f;

    /// <summary><see cref="Scale(float, float)"/> over rows × channels, <paramref name="bias"/> one value per channel.</summary>
    [Fused(nameof(Scale))]
    public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

    /// <summary>
    /// The gradient of <see cref="Scale(float, float)"/>: <paramref name="gradRaw"/> per element, <paramref name="gradBias"/>
    /// summed over rows (the gradient benchmarks, <see cref="Benchmarks.FusedGradientBenchmarks"/>).
    /// </summary>
    [FusedGradient(nameof(Scale))]
    public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
        ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

    /// <summary><see cref="Scale(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> with <c>Parallel = true</c> (issue 14: <see cref="Benchmarks.FusedParallelBenchmarks"/>).</summary>
    [Fused(nameof(Scale), Parallel = true)]
    public static partial void ScaleParallel(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

    /// <summary><see cref="ScaleBackward"/> with <c>Parallel = true</c>: the sums over rows added per chunk, then in chunk order.</summary>
    [FusedGradient(nameof(Scale), Parallel = true)]
    public static partial void ScaleBackwardParallel(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
        ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

    /// <summary>SwiGLU's gate: <c>silu(a) * b</c>.</summary>
    internal static float SwiGlu(float a, float b) => FusedMath.Silu(a) * b;

    /// <summary><see cref="SwiGlu(float, float)"/> elementwise.</summary>
    [Fused(nameof(SwiGlu))]
    public static partial void SwiGlu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination);

    /// <summary>The gradient of <see cref="SwiGlu(float, float)"/> with respect to <c>a</c> and <c>b</c>, elementwise.</summary>
    [FusedGradient(nameof(SwiGlu))]
    public static partial void SwiGluBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> b,
        ReadOnlySpan<float> gradOutput, Span<float> gradA, Span<float> gradB);

    /// <summary>Bias + GELU (erf) after a dense layer: <c>gelu(x + bias)</c>, bias per channel.</summary>
    internal static float BiasGelu(float x, float bias) => FusedMath.Gelu(x + bias);

    /// <summary><see cref="BiasGelu(float, float)"/> over rows × channels, <paramref name="bias"/> one value per channel.</summary>
    [Fused(nameof(BiasGelu))]
    public static partial void BiasGelu(ReadOnlySpan<float> x, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);
}
