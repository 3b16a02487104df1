using System;
using FusedActivations.Kernels.Tests.Fused;

namespace FusedActivations.Kernels.Tests.Parallel;

/// <summary>
/// <c>[Fused]</c> and <c>[FusedGradient]</c> methods with <c>Parallel = true</c> (threshold 1: every call long enough to
/// split is split), on copies of formulas of <see cref="FusedKernels"/>, whose methods are their single-threaded twins: every
/// stream kind (elementwise, broadcast, run-time scalar), several outputs, float and double, sums over rows.
/// </summary>
public static partial class ParallelFusedMethods
{
    private static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + 1e-6f;

    [Fused(nameof(Scale), Parallel = true, ParallelThreshold = 1)]
    public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

    [FusedGradient(nameof(Scale), Parallel = true, ParallelThreshold = 1)]
    public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
        ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

    private static float SwiGlu(float a, float b) => FusedMath.Silu(a) * b;

    /// <summary>The default threshold (131,072 elements): shorter calls run the single-threaded kernel.</summary>
    [Fused(nameof(SwiGlu), Parallel = true)]
    public static partial void SwiGlu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination);

    private static (float, float) Mix(float a, float b, float s)
    {
        float t = a * s - b;
        return (t / (b < 0 ? 3f : a), MathF.Max(t, b) - MathF.Abs(a) * -s);
    }

    [Fused(nameof(Mix), Parallel = true, ParallelThreshold = 1)]
    public static partial void Mix(ReadOnlySpan<float> a, [Broadcast] ReadOnlySpan<float> b, float s, Span<float> ratio, Span<float> rest);

    private static double MixDouble(double a, double b, double s) => Math.FusedMultiplyAdd(a, s, b) * Math.Clamp(b, -1.0, 1.0) - Math.Min(a, -b);

    [Fused(nameof(MixDouble), Parallel = true, ParallelThreshold = 1)]
    public static partial void MixDouble(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double s, Span<double> destination);

    private static double BiasGeluDouble(double x, double bias) => FusedMath.Gelu(x + bias);

    [FusedGradient(nameof(BiasGeluDouble), Parallel = true, ParallelThreshold = 1)]
    public static partial void BiasGeluDoubleBackward(ReadOnlySpan<double> x, [Broadcast] ReadOnlySpan<double> bias,
        ReadOnlySpan<double> gradOutput, Span<double> gradX, Span<double> gradBias);

    private static (float, float) Gate(float x, float g, float temperature)
    {
        float s = FusedMath.Sigmoid(g / temperature);
        return (x * s, MathF.Log(s + 1e-4f));
    }

    [FusedGradient(nameof(Gate), Parallel = true, ParallelThreshold = 1)]
    public static partial void GateBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> g, float temperature,
        ReadOnlySpan<float> gradGated, ReadOnlySpan<float> gradLogGate, Span<float> gradX, Span<float> gradG);
}
