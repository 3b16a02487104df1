using System;

namespace FusedActivations.Kernels.Tests.Family;

/// <summary>One kernel per activation (and a second argument where it changes the formula), float and double, span to span and one value.</summary>
public static partial class FamilyKernels
{
    [Sigmoid]
    public static partial void SigmoidFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid]
    public static partial float SigmoidFloatScalar(float x);

    [Sigmoid]
    public static partial void SigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid]
    public static partial double SigmoidDoubleScalar(double x);

    [Tanh]
    public static partial void TanhFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh]
    public static partial float TanhFloatScalar(float x);

    [Tanh]
    public static partial void TanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Tanh]
    public static partial double TanhDoubleScalar(double x);

    [Silu]
    public static partial void SiluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Silu]
    public static partial float SiluFloatScalar(float x);

    [Silu]
    public static partial void SiluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Silu]
    public static partial double SiluDoubleScalar(double x);

    [Silu(Beta = 1.7)]
    public static partial void SiluBeta1_7Float(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 1.7)]
    public static partial float SiluBeta1_7FloatScalar(float x);

    [Silu(Beta = 1.7)]
    public static partial void SiluBeta1_7Double(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Beta = 1.7)]
    public static partial double SiluBeta1_7DoubleScalar(double x);

    [Mish]
    public static partial void MishFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Mish]
    public static partial float MishFloatScalar(float x);

    [Mish]
    public static partial void MishDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Mish]
    public static partial double MishDoubleScalar(double x);

    [Elu]
    public static partial void EluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Elu]
    public static partial float EluFloatScalar(float x);

    [Elu]
    public static partial void EluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Elu]
    public static partial double EluDoubleScalar(double x);

    [Elu(Alpha = 0.3)]
    public static partial void EluAlpha0_3Float(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.3)]
    public static partial float EluAlpha0_3FloatScalar(float x);

    [Elu(Alpha = 0.3)]
    public static partial void EluAlpha0_3Double(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 0.3)]
    public static partial double EluAlpha0_3DoubleScalar(double x);

    [Selu]
    public static partial void SeluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Selu]
    public static partial float SeluFloatScalar(float x);

    [Selu]
    public static partial void SeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Selu]
    public static partial double SeluDoubleScalar(double x);

    [LogSigmoid]
    public static partial void LogSigmoidFloat(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid]
    public static partial float LogSigmoidFloatScalar(float x);

    [LogSigmoid]
    public static partial void LogSigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    [LogSigmoid]
    public static partial double LogSigmoidDoubleScalar(double x);

    [Relu]
    public static partial void ReluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial float ReluFloatScalar(float x);

    [Relu]
    public static partial void ReluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Relu]
    public static partial double ReluDoubleScalar(double x);

    [LeakyRelu]
    public static partial void LeakyReluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu]
    public static partial float LeakyReluFloatScalar(float x);

    [LeakyRelu]
    public static partial void LeakyReluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [LeakyRelu]
    public static partial double LeakyReluDoubleScalar(double x);

    [LeakyRelu(NegativeSlope = -0.2)]
    public static partial void LeakyReluMinus0_2Float(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu(NegativeSlope = -0.2)]
    public static partial float LeakyReluMinus0_2FloatScalar(float x);

    [LeakyRelu(NegativeSlope = -0.2)]
    public static partial void LeakyReluMinus0_2Double(ReadOnlySpan<double> x, Span<double> destination);

    [LeakyRelu(NegativeSlope = -0.2)]
    public static partial double LeakyReluMinus0_2DoubleScalar(double x);

    [LeakyRelu(NegativeSlope = 0)]
    public static partial void LeakyReluZeroFloat(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu(NegativeSlope = 0)]
    public static partial float LeakyReluZeroFloatScalar(float x);

    [LeakyRelu(NegativeSlope = 0)]
    public static partial void LeakyReluZeroDouble(ReadOnlySpan<double> x, Span<double> destination);

    [LeakyRelu(NegativeSlope = 0)]
    public static partial double LeakyReluZeroDoubleScalar(double x);

    [HardSwish]
    public static partial void HardSwishFloat(ReadOnlySpan<float> x, Span<float> destination);

    [HardSwish]
    public static partial float HardSwishFloatScalar(float x);

    [HardSwish]
    public static partial void HardSwishDouble(ReadOnlySpan<double> x, Span<double> destination);

    [HardSwish]
    public static partial double HardSwishDoubleScalar(double x);

    [InverseSoftplus]
    public static partial void InverseSoftplusFloat(ReadOnlySpan<float> x, Span<float> destination);

    [InverseSoftplus]
    public static partial float InverseSoftplusFloatScalar(float x);

    [InverseSoftplus]
    public static partial void InverseSoftplusDouble(ReadOnlySpan<double> x, Span<double> destination);

    [InverseSoftplus]
    public static partial double InverseSoftplusDoubleScalar(double x);

    [InverseSoftplus(Beta = 1.7)]
    public static partial void InverseSoftplusBeta1_7Float(ReadOnlySpan<float> x, Span<float> destination);

    [InverseSoftplus(Beta = 1.7)]
    public static partial float InverseSoftplusBeta1_7FloatScalar(float x);

    [InverseSoftplus(Beta = 1.7)]
    public static partial void InverseSoftplusBeta1_7Double(ReadOnlySpan<double> x, Span<double> destination);

    [InverseSoftplus(Beta = 1.7)]
    public static partial double InverseSoftplusBeta1_7DoubleScalar(double x);
    [Gelu]
    public static partial void GeluFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu]
    public static partial float GeluFloatScalar(float x);

    [Gelu]
    public static partial void GeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu]
    public static partial double GeluDoubleScalar(double x);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhFloat(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial float GeluTanhFloatScalar(float x);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial double GeluTanhDoubleScalar(double x);
}
