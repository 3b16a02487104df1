using System;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>beta must be greater than 0 and finite and threshold must not be NaN, in every overload that takes them.</summary>
public sealed class ArgumentValidationTests
{
    public static TheoryData<double> InvalidBetas => new() { 0.0, -0.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(InvalidBetas))]
    public void InvalidBetaThrowsNamingBeta(double beta)
    {
        float f = (float)beta;
        AssertBeta(() => FusedMath.Softplus(1.0, beta));
        AssertBeta(() => FusedMath.Softplus(1.0, beta, 20.0));
        AssertBeta(() => FusedMath.InverseSoftplus(1.0, beta));
        AssertBeta(() => FusedMath.Softplus(1f, f));
        AssertBeta(() => FusedMath.Softplus(1f, f, 20f));
        AssertBeta(() => FusedMath.InverseSoftplus(1f, f));
        AssertBeta(() => FusedMath.Silu(1.0, beta));
        AssertBeta(() => FusedMath.Silu(1f, f));
    }

    [Theory]
    [MemberData(nameof(InvalidBetas))]
    public void InvalidAlphaThrowsNamingAlpha(double alpha)
    {
        // ELU needs a finite alpha > 0, the same set as beta.
        AssertParameter("alpha", () => FusedMath.Elu(1.0, alpha));
        AssertParameter("alpha", () => FusedMath.Elu(-1.0, alpha));
        AssertParameter("alpha", () => FusedMath.Elu(double.NaN, alpha));
        AssertParameter("alpha", () => FusedMath.Elu(-1f, (float)alpha));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteNegativeSlopeThrowsNamingNegativeSlope(double slope)
    {
        AssertParameter("negativeSlope", () => FusedMath.LeakyRelu(-1.0, slope));
        AssertParameter("negativeSlope", () => FusedMath.LeakyRelu(1.0, slope));
        AssertParameter("negativeSlope", () => FusedMath.LeakyRelu(-1f, (float)slope));
    }

    [Fact]
    public void NegativeAndZeroSlopesAndTinyAlphasAreValid()
    {
        Assert.Equal(2.0, FusedMath.LeakyRelu(-4.0, -0.5));
        Assert.Equal(0.0, FusedMath.LeakyRelu(-4.0, 0.0));
        Assert.Equal(-double.Epsilon, FusedMath.Elu(double.NegativeInfinity, double.Epsilon));
        Assert.Equal(-float.MaxValue, FusedMath.Elu(float.NegativeInfinity, float.MaxValue));
        Assert.True(double.IsNegative(FusedMath.Silu(-1.0, double.MaxValue)) && FusedMath.Silu(-1.0, double.MaxValue) == 0);
        Assert.Equal(1.0, FusedMath.Silu(1.0, double.MaxValue));
    }

    [Fact]
    public void NaNThresholdThrowsNamingThreshold()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => FusedMath.Softplus(1.0, 1.0, double.NaN));
        Assert.Equal("threshold", e1.ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => FusedMath.Softplus(1f, 1f, float.NaN));
        Assert.Equal("threshold", e2.ParamName);
    }

    [Fact]
    public void ValidationHappensEvenForNaNInput()
    {
        // The arguments are invalid whatever x is; a NaN x must not short-circuit the check.
        AssertBeta(() => FusedMath.Softplus(double.NaN, 0.0, 20.0));
        AssertBeta(() => FusedMath.Softplus(float.NaN, -1f, 20f));
    }

    [Fact]
    public void ExtremeButValidArgumentsAreAccepted()
    {
        // Infinite thresholds (no cut-off, or always cut) and the smallest and largest finite betas are valid.
        Assert.Equal(5.0, FusedMath.Softplus(5.0, 1.0, double.NegativeInfinity));
        Assert.True(FusedMath.Softplus(30.0, 1.0, double.PositiveInfinity) > 30.0 - 1e-9);
        Assert.True(double.IsFinite(FusedMath.Softplus(1.0, 1e-300)));
        Assert.Equal(double.PositiveInfinity, FusedMath.Softplus(1.0, double.Epsilon)); // ln 2 / beta overflows
        Assert.True(double.IsFinite(FusedMath.Softplus(-1.0, double.MaxValue)));
        Assert.True(float.IsFinite(FusedMath.Softplus(1f, 1e-30f, float.PositiveInfinity)));
        Assert.True(float.IsFinite(FusedMath.InverseSoftplus(1f, float.MaxValue)));
    }

    private static void AssertBeta(Action call)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal("beta", e.ParamName);
    }

    private static void AssertParameter(string name, Func<double> call)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = call(); });
        Assert.Equal(name, e.ParamName);
    }

    private static void AssertParameter(string name, Func<float> call)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = call(); });
        Assert.Equal(name, e.ParamName);
    }

    private static void AssertBeta(Func<double> call) => AssertBeta(() => { _ = call(); });

    private static void AssertBeta(Func<float> call) => AssertBeta(() => { _ = call(); });
}
