using System;

namespace FusedActivations.Kernels.Tests.Fused;

/// <summary>
/// The fused kernels under test (issue 12): the examples, one activation alone beside its attribute's kernel,
/// and formulas of plain arithmetic whose results must be C#'s bit for bit. The formula methods are internal so the
/// tests can call them element by element.
/// </summary>
public static partial class FusedKernels
{
    internal static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + 1e-6f;

    [Fused(nameof(Scale))]
    public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

    [FusedGradient(nameof(Scale))]
    public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
        ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

    internal static float SwiGlu(float a, float b) => FusedMath.Silu(a) * b;

    [Fused(nameof(SwiGlu))]
    public static partial void SwiGlu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination);

    [FusedGradient(nameof(SwiGlu))]
    public static partial void SwiGluBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> gradOutput, Span<float> gradA, Span<float> gradB);

    internal static double BiasGeluDouble(double x, double bias) => FusedMath.Gelu(x + bias);

    [FusedGradient(nameof(BiasGeluDouble))]
    public static partial void BiasGeluDoubleBackward(ReadOnlySpan<double> x, [Broadcast] ReadOnlySpan<double> bias,
        ReadOnlySpan<double> gradOutput, Span<double> gradX, Span<double> gradBias);

    internal static float BiasGelu(float x, float bias) => FusedMath.Gelu(x + bias);

    [Fused(nameof(BiasGelu))]
    public static partial void BiasGelu(ReadOnlySpan<float> x, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

    internal static float Softplus2(float x) => FusedMath.Softplus(x, 2f);

    [Fused(nameof(Softplus2))]
    public static partial void FusedSoftplus2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2)]
    public static partial void AttributeSoftplus2(ReadOnlySpan<float> x, Span<float> destination);

    internal static double Softplus2Double(double x) => FusedMath.Softplus(x, 2.0);

    [Fused(nameof(Softplus2Double))]
    public static partial void FusedSoftplus2Double(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 2)]
    public static partial void AttributeSoftplus2Double(ReadOnlySpan<double> x, Span<double> destination);

    internal static float GeluTanh(float x) => FusedMath.GeluTanh(x);

    [Fused(nameof(GeluTanh))]
    public static partial void FusedGeluTanh(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void AttributeGeluTanh(ReadOnlySpan<float> x, Span<float> destination);

    internal static (float, float) Mix(float a, float b, float s)
    {
        float t = a * s - b;
        return (t / (b < 0 ? 3f : a), MathF.Max(t, b) - MathF.Abs(a) * -s);
    }

    [Fused(nameof(Mix))]
    public static partial void Mix(ReadOnlySpan<float> a, [Broadcast] ReadOnlySpan<float> b, float s, Span<float> ratio, Span<float> rest);

    internal static double MixDouble(double a, double b, double s) => Math.FusedMultiplyAdd(a, s, b) * Math.Clamp(b, -1.0, 1.0) - Math.Min(a, -b);

    [Fused(nameof(MixDouble))]
    public static partial void MixDouble(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double s, Span<double> destination);

    /// <summary>The README's fourth example, exactly as written there: a run-time scalar, two outputs and its gradient.</summary>
    internal static (float, float) Gate(float x, float g, float temperature)
    {
        float s = FusedMath.Sigmoid(g / temperature);
        return (x * s, MathF.Log(s + 1e-4f));
    }

    [Fused(nameof(Gate))]
    public static partial void Gate(ReadOnlySpan<float> x, ReadOnlySpan<float> g, float temperature,
        Span<float> gated, Span<float> logGate);

    [FusedGradient(nameof(Gate))]
    public static partial void GateBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> g, float temperature,
        ReadOnlySpan<float> gradGated, ReadOnlySpan<float> gradLogGate, Span<float> gradX, Span<float> gradG);
}
