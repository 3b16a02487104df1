using System;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The references themselves, checked against independent computations: series for tiny arguments, the platform's
/// Math.Log/Math.Exp where those are accurate, and identities that only hold if exp and log are both right.
/// </summary>
public sealed class ReferenceTests
{
    // The references claim about 2^-100; allow 2^-98 relative so the checks are strict but not brittle.
    private static readonly double s_tolerance = Math.ScaleB(1.0, -98);

    private static void AssertClose(DoubleDouble expected, DoubleDouble actual, string what)
    {
        double error = Math.Abs((actual - expected).Hi);
        double scale = Math.Abs(expected.Hi);
        Assert.True(error <= s_tolerance * scale, $"{what}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Ln2MatchesItsSeries()
    {
        // ln 2 = sum over k >= 1 of 1 / (k 2^k), summed in double-double from the small terms up.
        DoubleDouble sum = DoubleDouble.Zero;
        for (int k = 120; k >= 1; k--)
        {
            sum += (DoubleDouble.One / k).ScaleB(-k);
        }

        AssertClose(sum, DoubleDouble.Ln2, "ln 2");
    }

    [Fact]
    public void Log1PMatchesItsSeriesForTinyArguments()
    {
        var random = new Random(31);
        for (int i = 0; i < 2000; i++)
        {
            double x = RandomValues.LogUniformDouble(random, -60, -14) * (random.Next(2) == 0 ? 1 : -1);
            // x - x^2/2 + x^3/3 - ...: eight terms reach 2^-112 relative for |x| < 2^-13.
            DoubleDouble series = DoubleDouble.Zero;
            DoubleDouble power = x;
            for (int k = 1; k <= 8; k++)
            {
                series += (k % 2 == 1 ? power : -power) / k;
                power *= x;
            }

            AssertClose(series, Reference.Log1P(x), $"log1p({x:R})");
        }
    }

    [Fact]
    public void ExpM1MatchesItsSeriesForTinyArguments()
    {
        var random = new Random(32);
        for (int i = 0; i < 2000; i++)
        {
            double x = RandomValues.LogUniformDouble(random, -60, -14) * (random.Next(2) == 0 ? 1 : -1);
            DoubleDouble series = DoubleDouble.Zero;
            DoubleDouble term = x;
            for (int k = 2; k <= 9; k++)
            {
                series += term;
                term = term * x / k;
            }

            AssertClose(series, Reference.ExpM1(x), $"expm1({x:R})");
        }
    }

    [Fact]
    public void Log1PAndExpM1AgreeWithMathLogAndExpInMidRange()
    {
        // Where 1 + x is exact and exp(x) - 1 does not cancel, the platform's Math.Log/Math.Exp (within about an ULP)
        // are an independent check of the leading double.
        var random = new Random(33);
        for (int i = 0; i < 20000; i++)
        {
            double x = random.Next(1, 1 << 20) / 1024.0;
            Assert.True(Ulp.Distance(Math.Log(1.0 + x), Reference.Log1P(x)) <= 1.0, $"log1p({x:R})");
            double y = RandomValues.Double(random, 2.0, 700.0);
            Assert.True(Ulp.Distance(Math.Exp(y) - 1.0, Reference.ExpM1(y)) <= 1.5, $"expm1({y:R})");
        }
    }

    [Fact]
    public void LogInvertsExp()
    {
        var random = new Random(34);
        for (int i = 0; i < 5000; i++)
        {
            // Down to -600 only: below, exp's trailing part is subnormal and the pair loses precision by design.
            DoubleDouble x = DoubleDouble.FromSum(RandomValues.Double(random, -600.0, 700.0), random.NextDouble() * 1e-17);
            AssertClose(x, DoubleDoubleMath.Log(DoubleDoubleMath.Exp(x)), $"log(exp({x}))");
        }
    }

    [Fact]
    public void SoftplusReferenceAgreesWithDirectFormulaAndIdentities()
    {
        var random = new Random(35);
        for (int i = 0; i < 5000; i++)
        {
            double x = RandomValues.Double(random, -30.0, 30.0);
            DoubleDouble softplus = Reference.Softplus(x, 1.0, double.PositiveInfinity);

            // Direct log(1 + exp(x)) in double-double: no overflow in this range.
            AssertClose(DoubleDoubleMath.Log1P(DoubleDoubleMath.Exp(x)), softplus, $"softplus({x:R})");

            // softplus(x) - softplus(-x) = x, and log sigmoid(x) = -softplus(-x) = log(sigmoid(x)).
            DoubleDouble difference = softplus - Reference.Softplus(-x, 1.0, double.PositiveInfinity);
            Assert.True(Math.Abs((difference - x).Hi) <= s_tolerance * Math.Max(1.0, Math.Abs(x)), $"softplus symmetry at {x:R}");
            // log of a value near 1 only has absolute accuracy: compare absolutely.
            DoubleDouble logOfSigmoid = DoubleDoubleMath.Log(Reference.Sigmoid(x));
            Assert.True(Math.Abs((logOfSigmoid - Reference.LogSigmoid(x)).Hi) <= s_tolerance * Math.Max(1.0, Math.Abs(logOfSigmoid.Hi)),
                $"log sigmoid({x:R})");

            // sigmoid(x) + sigmoid(-x) = 1.
            DoubleDouble one = Reference.Sigmoid(x) + Reference.Sigmoid(-x);
            AssertClose(DoubleDouble.One, one, $"sigmoid symmetry at {x:R}");
        }
    }

    [Fact]
    public void InverseSoftplusInvertsSoftplus()
    {
        var random = new Random(36);
        foreach (double beta in new[] { 1.0, 2.0, 0.3 })
        {
            for (int i = 0; i < 3000; i++)
            {
                double x = RandomValues.Double(random, -20.0, 30.0);
                DoubleDouble y = Reference.Softplus(x, beta, double.PositiveInfinity);
                // Feed the double-rounded y back and compare with the exact inverse of that y via the derivative:
                // d(x)/d(y) = 1 / sigmoid(beta x), so x(y.Hi) = x - y.Lo / sigmoid(beta x) to first order.
                DoubleDouble expectedX = (DoubleDouble)x - y.Lo / Reference.Sigmoid(beta * x).Hi;
                DoubleDouble actualX = Reference.InverseSoftplus(y.Hi, beta);
                double error = Math.Abs((actualX - expectedX).Hi);
                Assert.True(error <= 1e-25 * Math.Max(1.0, Math.Abs(x)) / Math.Min(1.0, Reference.Sigmoid(beta * x).Hi),
                    $"inverse softplus at beta {beta}, x {x:R}");
            }
        }
    }

    [Fact]
    public void LogAddExpMatchesDirectFormula()
    {
        var random = new Random(37);
        for (int i = 0; i < 5000; i++)
        {
            double a = RandomValues.Double(random, -300.0, 300.0);
            double b = a + RandomValues.Double(random, -40.0, 40.0);
            DoubleDouble direct = DoubleDoubleMath.Log(DoubleDoubleMath.Exp(a) + DoubleDoubleMath.Exp(b));
            AssertClose(direct, Reference.LogAddExp(a, b), $"logaddexp({a:R}, {b:R})");
        }
    }

    [Fact]
    public void FastFloatSoftplusReferenceAgreesWithDoubleDouble()
    {
        // The float reference takes a fast double path; it must agree with the double-double one to 2^-48 relative,
        // and exactly wherever it fell back to double-double near a float rounding boundary.
        var random = new Random(38);
        foreach (float beta in new[] { 1f, 2f, 0.37f, 25f })
        {
            for (int i = 0; i < 50000; i++)
            {
                float x = RandomValues.Float(random, -100f / beta, 25f / beta);
                double fast = Reference.Softplus(x, beta, float.PositiveInfinity);
                double exact = Reference.Softplus(x, (double)beta, double.PositiveInfinity).Hi;
                Assert.True(Math.Abs(fast - exact) <= Math.ScaleB(Math.Abs(exact), -48), $"beta {beta}, x {x:R}");
            }
        }
    }
}
