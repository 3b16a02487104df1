using System;

namespace FusedActivations.Kernels.Tests.Fast;

/// <summary>Precision = Fast kernels: span to span and one value, for every activation with a Fast float formula; and ones that fall back to Accurate.</summary>
public static partial class FastKernels
{
    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial float SigmoidScalar(float x);

    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial void Tanh(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial float TanhScalar(float x);

    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial void Silu(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial float SiluScalar(float x);

    [Silu(Beta = 1.7, Precision = ActivationPrecision.Fast)]
    public static partial void SiluBeta1_7(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 1.7, Precision = ActivationPrecision.Fast)]
    public static partial float SiluBeta1_7Scalar(float x);

    [Elu(Precision = ActivationPrecision.Fast)]
    public static partial void Elu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Precision = ActivationPrecision.Fast)]
    public static partial float EluScalar(float x);

    [Elu(Alpha = 0.3, Precision = ActivationPrecision.Fast)]
    public static partial void EluAlpha0_3(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.3, Precision = ActivationPrecision.Fast)]
    public static partial float EluAlpha0_3Scalar(float x);

    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial void Selu(ReadOnlySpan<float> x, Span<float> destination);

    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial float SeluScalar(float x);

    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial float LogSigmoidScalar(float x);

    [Softplus(Precision = ActivationPrecision.Fast)]
    public static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Precision = ActivationPrecision.Fast)]
    public static partial float SoftplusScalar(float x);

    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial float SoftplusBeta2Scalar(float x);

    [Softplus(Beta = 10, Threshold = 5, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta10(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 10, Threshold = 5, Precision = ActivationPrecision.Fast)]
    public static partial float SoftplusBeta10Scalar(float x);

    [Softplus(Beta = 0.3, Threshold = float.PositiveInfinity, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta0_3(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 0.3, Threshold = float.PositiveInfinity, Precision = ActivationPrecision.Fast)]
    public static partial float SoftplusBeta0_3Scalar(float x);

    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial void Mish(ReadOnlySpan<float> x, Span<float> destination);

    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial float MishScalar(float x);

    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial void GeluTanh(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial float GeluTanhScalar(float x);

    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial void GeluTanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial double GeluTanhDoubleScalar(double x);

    // Double.
    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void SigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial double SigmoidDoubleScalar(double x);

    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial void TanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial double TanhDoubleScalar(double x);

    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial void SiluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial double SiluDoubleScalar(double x);

    [Silu(Beta = 1.7, Precision = ActivationPrecision.Fast)]
    public static partial void SiluBeta1_7Double(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Beta = 1.7, Precision = ActivationPrecision.Fast)]
    public static partial double SiluBeta1_7DoubleScalar(double x);

    [Elu(Alpha = 0.3, Precision = ActivationPrecision.Fast)]
    public static partial void EluAlpha0_3Double(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 0.3, Precision = ActivationPrecision.Fast)]
    public static partial double EluAlpha0_3DoubleScalar(double x);

    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial void SeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial double SeluDoubleScalar(double x);

    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void LogSigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial double LogSigmoidDoubleScalar(double x);

    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta2Double(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial double SoftplusBeta2DoubleScalar(double x);

    [Softplus(Beta = 0.3, Threshold = 10, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta0_3Double(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 0.3, Threshold = 10, Precision = ActivationPrecision.Fast)]
    public static partial double SoftplusBeta0_3DoubleScalar(double x);

    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial void MishDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial double MishDoubleScalar(double x);

    // No Fast formula (yet, or for this beta): the Accurate kernel, which is within the bound too.
    [Softplus(Beta = 100, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta100Fast(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 100)]
    public static partial void SoftplusBeta100(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Precision = ActivationPrecision.Fast)]
    public static partial void GeluFast(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu]
    public static partial void Gelu(ReadOnlySpan<float> x, Span<float> destination);

    [InverseSoftplus(Precision = ActivationPrecision.Fast)]
    public static partial void InverseSoftplusDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    [InverseSoftplus]
    public static partial void InverseSoftplusDouble(ReadOnlySpan<double> x, Span<double> destination);

    // [Fused] with Precision = Fast: its activation calls are the Fast kernels' formulas.
    private static float SiluOf(float x) => FusedMath.Silu(x);

    [Fused(nameof(SiluOf), Precision = ActivationPrecision.Fast)]
    public static partial void FusedSilu(ReadOnlySpan<float> x, Span<float> destination);

    private static float SoftplusOf(float x) => FusedMath.Softplus(x, 2f);

    [Fused(nameof(SoftplusOf), Precision = ActivationPrecision.Fast)]
    public static partial void FusedSoftplusBeta2(ReadOnlySpan<float> x, Span<float> destination);
}
