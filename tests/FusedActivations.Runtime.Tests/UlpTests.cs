using System;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>The ULP measure and the double-double arithmetic that every accuracy assertion rests on.</summary>
public sealed class UlpTests
{
    [Fact]
    public void AdjacentAndMidpointDistances()
    {
        Assert.Equal(1.0, Ulp.Distance(MathF.BitIncrement(1.5f), 1.5));
        Assert.Equal(0.5, Ulp.Distance(1.5f, 1.5 + 0.5 * Ulp.OfFloat(1.5)));
        Assert.Equal(0.25, Ulp.Distance(3.0, (DoubleDouble)3.0 + 0.25 * Ulp.OfDouble(3.0)));
        Assert.Equal(2.0, Ulp.Distance(Math.BitIncrement(Math.BitIncrement(-7.0)), -7.0));
    }

    [Fact]
    public void UlpIsTheSpacingOfTheReferencesBinade()
    {
        Assert.Equal(Math.ScaleB(1.0, -23), Ulp.OfFloat(1.0));
        Assert.Equal(Math.ScaleB(1.0, -24), Ulp.OfFloat(Math.BitDecrement(1.0)));
        Assert.Equal(Math.ScaleB(1.0, -149), Ulp.OfFloat(1e-45));
        Assert.Equal(Math.ScaleB(1.0, -149), Ulp.OfFloat(1e-300));
        Assert.Equal(double.Epsilon, Ulp.OfDouble(1e-310));
        Assert.Equal(Math.ScaleB(1.0, -52), Ulp.OfDouble(1.0));
        Assert.Equal(1.0, Ulp.Distance(float.Epsilon, 0.0));
        Assert.Equal(1.0, Ulp.Distance(2 * double.Epsilon, double.Epsilon));
    }

    [Fact]
    public void SpecialValueRules()
    {
        Assert.Equal(0.0, Ulp.Distance(float.NaN, double.NaN));
        Assert.Equal(double.PositiveInfinity, Ulp.Distance(float.NaN, 1.0));
        Assert.Equal(double.PositiveInfinity, Ulp.Distance(1f, double.NaN));
        Assert.Equal(0.0, Ulp.Distance(float.PositiveInfinity, double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, Ulp.Distance(float.MaxValue, double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, Ulp.Distance(float.NegativeInfinity, 1e39));
        Assert.Equal(0.0, Ulp.Distance(-0f, 0.0));
        Assert.Equal(0.0, Ulp.Distance(double.NaN, (DoubleDouble)double.NaN));
        // An infinite result for a finite reference counts from 2^1024 in top-binade ULPs: astronomically wrong.
        Assert.True(Ulp.Distance(double.PositiveInfinity, (DoubleDouble)1.0) > 1e15);
        Assert.Equal(double.PositiveInfinity, Ulp.Distance(double.NegativeInfinity, (DoubleDouble)1.0));
    }

    [Fact]
    public void OverflowToInfinityIsMeasuredFromTheOverflowBoundary()
    {
        // Correctly rounded overflow costs nothing; overflowing a value that should round to MaxValue costs > 0.5.
        Assert.Equal(0.0, Ulp.Distance(float.PositiveInfinity, 4e38));
        Assert.Equal(1.0, Ulp.Distance(float.PositiveInfinity, float.MaxValue));
        Assert.Equal(0.0, Ulp.Distance(double.PositiveInfinity, (DoubleDouble)double.MaxValue * 2.0));
        Assert.Equal(1.0, Ulp.Distance(double.PositiveInfinity, (DoubleDouble)double.MaxValue));
    }

    [Fact]
    public void TwoSumAndTwoProductAreExact()
    {
        var random = new Random(41);
        for (int i = 0; i < 10000; i++)
        {
            double a = RandomValues.Double(random, -1e10, 1e10);
            double b = RandomValues.Double(random, -1e-5, 1e-5);
            DoubleDouble sum = DoubleDouble.FromSum(a, b);
            // Exactness: subtracting a back leaves b exactly, as a double-double difference.
            Assert.Equal(b, (sum - a).Hi);
            DoubleDouble product = DoubleDouble.FromProduct(a, b);
            Assert.Equal(0.0, Math.FusedMultiplyAdd(a, b, -product.Hi) - product.Lo);
        }
    }

    [Fact]
    public void DivisionInvertsMultiplication()
    {
        var random = new Random(42);
        for (int i = 0; i < 10000; i++)
        {
            DoubleDouble a = DoubleDouble.FromSum(RandomValues.Double(random, -100, 100), random.NextDouble() * 1e-16);
            DoubleDouble b = DoubleDouble.FromSum(RandomValues.Double(random, 0.5, 100), random.NextDouble() * 1e-16);
            DoubleDouble back = a / b * b;
            Assert.True(Math.Abs((back - a).Hi) <= Math.ScaleB(Math.Abs(a.Hi), -102), $"{a} / {b}");
        }
    }

    [Fact]
    public void ThresholdBoundariesAreAdjacent()
    {
        foreach (float beta in new[] { 1f, 0.3f, 7f, 1e-20f, 1e-38f })
        {
            ThresholdBoundary<float>? boundary = ThresholdBoundaries.ForFloat(beta, 20f);
            if (beta == 1e-38f)
            {
                // 20 / 1e-38 exceeds float.MaxValue: no finite input is cut.
                Assert.Null(boundary);
                continue;
            }

            Assert.Equal(MathF.BitIncrement(boundary!.Value.Below), boundary.Value.Above);
        }
    }
}
