using System;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>The documented special values, which the ULP sweeps would also catch but less readably.</summary>
public sealed class SpecialValueTests
{
    [Fact]
    public void SoftplusSpecialValues()
    {
        Assert.True(double.IsNaN(FusedMath.Softplus(double.NaN)));
        Assert.Equal(double.PositiveInfinity, FusedMath.Softplus(double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, FusedMath.Softplus(double.PositiveInfinity, 2.0, double.PositiveInfinity));
        Assert.Equal(0.0, FusedMath.Softplus(double.NegativeInfinity));
        Assert.Equal(0.0, FusedMath.Softplus(double.NegativeInfinity, 0.5, double.PositiveInfinity));
        Assert.True(float.IsNaN(FusedMath.Softplus(float.NaN, 3f, 1f)));
        Assert.Equal(float.PositiveInfinity, FusedMath.Softplus(float.PositiveInfinity, 3f, float.PositiveInfinity));
        Assert.Equal(0f, FusedMath.Softplus(float.NegativeInfinity));
    }

    [Fact]
    public void SoftplusNeverOverflowsForLargeBetaTimesX()
    {
        // beta * x overflows to infinity, the stable form still gives x (no cut-off) and never NaN.
        Assert.Equal(1e300, FusedMath.Softplus(1e300, 1e10, double.PositiveInfinity));
        Assert.Equal(0.0, FusedMath.Softplus(-1e300, 1e10, double.PositiveInfinity));
        Assert.Equal(3e38f, FusedMath.Softplus(3e38f, 100f, float.PositiveInfinity));
    }

    [Fact]
    public void Log1PAndExpM1SpecialValues()
    {
        Assert.Equal(double.NegativeInfinity, FusedMath.Log1P(-1.0));
        Assert.True(double.IsNaN(FusedMath.Log1P(-1.5)));
        Assert.True(double.IsNaN(FusedMath.Log1P(double.NegativeInfinity)));
        Assert.Equal(double.PositiveInfinity, FusedMath.Log1P(double.PositiveInfinity));
        Assert.True(double.IsNegative(FusedMath.Log1P(-0.0)));
        Assert.Equal(-1.0, FusedMath.ExpM1(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, FusedMath.ExpM1(double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, FusedMath.ExpM1(710.0));
        Assert.True(double.IsNegative(FusedMath.ExpM1(-0.0)));
        Assert.Equal(float.NegativeInfinity, FusedMath.Log1P(-1f));
        Assert.Equal(float.PositiveInfinity, FusedMath.ExpM1(89f));
    }

    [Fact]
    public void Log1MExpSpecialValues()
    {
        Assert.Equal(double.NegativeInfinity, FusedMath.Log1MExp(0.0));
        Assert.Equal(double.NegativeInfinity, FusedMath.Log1MExp(-0.0));
        Assert.True(double.IsNaN(FusedMath.Log1MExp(double.Epsilon)));
        Assert.True(double.IsNaN(FusedMath.Log1MExp(double.PositiveInfinity)));
        Assert.True(double.IsNaN(FusedMath.Log1MExp(double.NaN)));
        Assert.Equal(0.0, FusedMath.Log1MExp(double.NegativeInfinity));
        Assert.True(double.IsNegative(FusedMath.Log1MExp(double.NegativeInfinity)));
        Assert.Equal(float.NegativeInfinity, FusedMath.Log1MExp(0f));
        Assert.True(float.IsNaN(FusedMath.Log1MExp(1f)));

        // Where the naive forms fail: log(1 - e^x) is -infinity at x = -1e-20 (1 - e^x rounds to 0) and 0 at x = -40.
        Assert.Equal(double.NegativeInfinity, Math.Log(1 - Math.Exp(-1e-20)));
        double nearZero = FusedMath.Log1MExp(-1e-20);
        Assert.True(Math.Abs(nearZero - Math.Log(1e-20)) <= 1e-15 * Math.Abs(nearZero), $"{nearZero:R}");
        Assert.Equal(0.0, Math.Log(1 - Math.Exp(-40.0)));
        double far = FusedMath.Log1MExp(-40.0);
        Assert.True(Math.Abs(far + Math.Exp(-40.0)) <= 1e-15 * Math.Exp(-40.0), $"{far:R}");
    }

    [Fact]
    public void SmallArgumentsKeepFullPrecisionUnlikeDotNetsLogP1()
    {
        // The reason FusedMath exists: log1p(x) = x - x^2/2 + ... is about x for tiny x, but Log(1 + x) loses x.
        double x = 1e-20;
        Assert.Equal(x, FusedMath.Log1P(x));
        Assert.Equal(x, FusedMath.ExpM1(x));
        Assert.NotEqual(x, double.LogP1(x));
    }

    [Fact]
    public void SigmoidAndLogSigmoidSpecialValues()
    {
        Assert.Equal(1.0, FusedMath.Sigmoid(double.PositiveInfinity));
        Assert.Equal(0.0, FusedMath.Sigmoid(double.NegativeInfinity));
        Assert.Equal(0.5, FusedMath.Sigmoid(0.0));
        Assert.True(double.IsNaN(FusedMath.Sigmoid(double.NaN)));
        Assert.Equal(0.0, FusedMath.LogSigmoid(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, FusedMath.LogSigmoid(double.NegativeInfinity));
        Assert.Equal(-1000.0, FusedMath.LogSigmoid(-1000.0));
        Assert.Equal(1f, FusedMath.Sigmoid(float.PositiveInfinity));
        Assert.Equal(0f, FusedMath.Sigmoid(float.NegativeInfinity));
    }

    [Fact]
    public void InverseSoftplusSpecialValues()
    {
        Assert.True(double.IsNaN(FusedMath.InverseSoftplus(-1.0)));
        Assert.True(double.IsNaN(FusedMath.InverseSoftplus(double.NaN)));
        Assert.Equal(double.NegativeInfinity, FusedMath.InverseSoftplus(0.0));
        Assert.Equal(double.NegativeInfinity, FusedMath.InverseSoftplus(-0.0));
        Assert.Equal(double.PositiveInfinity, FusedMath.InverseSoftplus(double.PositiveInfinity));
        Assert.Equal(1e300, FusedMath.InverseSoftplus(1e300, 2.0));
        Assert.Equal(float.NegativeInfinity, FusedMath.InverseSoftplus(0f));
    }

    [Fact]
    public void LogAddExpSpecialValuesFollowNumpy()
    {
        Assert.Equal(double.PositiveInfinity, FusedMath.LogAddExp(double.PositiveInfinity, double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, FusedMath.LogAddExp(double.NegativeInfinity, double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, FusedMath.LogAddExp(double.PositiveInfinity, double.NegativeInfinity));
        Assert.Equal(3.0, FusedMath.LogAddExp(double.NegativeInfinity, 3.0));
        Assert.True(double.IsNaN(FusedMath.LogAddExp(double.NaN, double.PositiveInfinity)));
        Assert.True(double.IsNaN(FusedMath.LogAddExp(1.0, double.NaN)));
        Assert.Equal(double.MaxValue, FusedMath.LogAddExp(double.MaxValue, -double.MaxValue));
        Assert.Equal(float.PositiveInfinity, FusedMath.LogAddExp(float.PositiveInfinity, 1f));
    }
}
