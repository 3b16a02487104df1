using System;

namespace FusedActivations.Kernels.Tests;

/// <summary>The kernels under test, declared exactly as a user declares them.</summary>
public static partial class Kernels
{
    [Softplus(Beta = 0.25)]
    public static partial void FloatBeta0_25(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 0.5)]
    public static partial void FloatBeta0_5(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus]
    public static partial void FloatBeta1(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Threshold = 20)]
    public static partial void FloatBeta2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 10)]
    public static partial void FloatBeta10(ReadOnlySpan<float> x, Span<float> destination);

    // 0.1 and 3 are not powers of two: beta * x and 1/beta need their error terms.
    [Softplus(Beta = 0.1)]
    public static partial void FloatBeta0_1(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 3, Threshold = 5)]
    public static partial void FloatBeta3Threshold5(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Threshold = double.PositiveInfinity)]
    public static partial void FloatNoThreshold(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Unroll = 1)]
    public static partial void FloatBeta2Unroll1(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Unroll = 2)]
    public static partial void FloatBeta2Unroll2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Unroll = 8)]
    public static partial void FloatBeta2Unroll8(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2)]
    public static partial void FloatBeta2InPlace(Span<float> values);

    [Softplus(Beta = 2)]
    public static partial float FloatBeta2Scalar(float x);

    [Softplus(Beta = 0.1)]
    public static partial float FloatBeta0_1Scalar(float x);

    [Softplus(Beta = 0.25)]
    public static partial void DoubleBeta0_25(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 0.5)]
    public static partial void DoubleBeta0_5(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus]
    public static partial void DoubleBeta1(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 2)]
    public static partial void DoubleBeta2(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 10)]
    public static partial void DoubleBeta10(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 0.1)]
    public static partial void DoubleBeta0_1(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Threshold = double.PositiveInfinity)]
    public static partial void DoubleNoThreshold(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus]
    public static partial void DoubleBeta1InPlace(Span<double> values);

    [Softplus]
    public static partial double DoubleBeta1Scalar(double x);

    [Softplus(Beta = 0.1)]
    public static partial double DoubleBeta0_1Scalar(double x);
}
