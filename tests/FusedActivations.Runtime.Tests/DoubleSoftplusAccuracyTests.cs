using System;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The double Softplus family (Softplus, InverseSoftplus, LogAddExp) against the double-double references. A separate
/// class from the elementary functions so that xunit runs the two halves of the double sweeps on both cores.
/// </summary>
public sealed class DoubleSoftplusAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void SoftplusDefault() => DoubleAccuracyTests.AssertSweep(output, DoubleInputs.Wide(-750.0, 30.0),
        x => FusedMath.Softplus(x), x => Reference.Softplus(x), 21, Bounds.Softplus);

    [Fact]
    public void SoftplusWithBetaAndThreshold()
    {
        foreach (double beta in DoubleInputs.Betas)
        {
            foreach (double threshold in new[] { 20.0, 5.0, -1.0, double.PositiveInfinity })
            {
                Func<Random, double> input = Sweep.Mix(RandomValues.DoubleBits, r => RandomValues.Double(r, -750.0, 30.0) / beta);
                var worst = Sweep.Doubles(Sweep.RandomCount / 32, 22, input,
                    x => FusedMath.Softplus(x, beta, threshold), x => Reference.Softplus(x, beta, threshold));
                output.WriteLine($"beta {beta}, threshold {threshold}: {worst}");
                Assert.True(worst.Ulps <= Bounds.Softplus, $"beta {beta}, threshold {threshold}: {worst}");
            }
        }
    }

    [Fact]
    public void SoftplusWithExtremeBeta()
    {
        // Tiny beta makes exp(-beta |x|) subnormal while the result is normal; huge beta makes beta * x overflow.
        foreach (double beta in new[] { 1e-300, 5e-324, 1e300 })
        {
            DoubleAccuracyTests.AssertSweep(output, RandomValues.DoubleBits, x => FusedMath.Softplus(x, beta, double.PositiveInfinity),
                x => Reference.Softplus(x, beta, double.PositiveInfinity), 23, Bounds.Softplus, Sweep.RandomCount / 32);
        }
    }

    [Fact]
    public void InverseSoftplus()
    {
        DoubleAccuracyTests.AssertSweep(output, DoubleInputs.Wide(0.0, 30.0), FusedMath.InverseSoftplus,
            y => Reference.InverseSoftplus(y), 24, Bounds.InverseSoftplus, Sweep.RandomCount / 2);
        foreach (double beta in DoubleInputs.Betas)
        {
            var worst = Sweep.Doubles(Sweep.RandomCount / 16, 25, DoubleInputs.Wide(0.0, 30.0 / beta),
                y => FusedMath.InverseSoftplus(y, beta), y => Reference.InverseSoftplus(y, beta));
            output.WriteLine($"beta {beta}: {worst}");
            Assert.True(worst.Ulps <= Bounds.InverseSoftplus, $"beta {beta}: {worst}");
        }
    }

    [Fact]
    public void InverseSoftplusNearItsZero()
    {
        // Around y = ln 2 the result is about 2 (y - ln 2): relative accuracy needs ln 2 beyond double precision.
        var worst = Sweep.Doubles(Sweep.RandomCount / 16, 26, r => Math.Log(2.0) + RandomValues.Double(r, -1e-6, 1e-6),
            FusedMath.InverseSoftplus, y => Reference.InverseSoftplus(y));
        output.WriteLine(worst.ToString());
        Assert.True(worst.Ulps <= Bounds.InverseSoftplus, worst.ToString());
    }

    [Fact]
    public void LogAddExp()
    {
        // Pairs: independent, close together (where the log1p(exp(-d)) tail matters), and random bit patterns.
        var random = new Random(27);
        var worst = new WorstCase(0, "none", Sweep.RandomCount);
        Func<Random, double> wide = DoubleInputs.Wide(-100.0, 100.0);
        for (int i = 0; i < Sweep.RandomCount; i++)
        {
            double a = wide(random);
            double b = (i % 3) switch
            {
                0 => wide(random),
                1 => a + RandomValues.Double(random, -5.0, 5.0),
                _ => RandomValues.DoubleBits(random),
            };
            Include(ref worst, a, b);
        }

        output.WriteLine(worst.ToString());
        Assert.True(worst.Ulps <= Bounds.LogAddExp, worst.ToString());
    }

    [Fact]
    public void LogAddExpSpecialValues()
    {
        var worst = new WorstCase(0, "none", 0);
        foreach (double a in SpecialValues.Doubles)
        {
            foreach (double b in SpecialValues.Doubles)
            {
                Include(ref worst, a, b);
            }
        }

        output.WriteLine(worst.ToString());
        Assert.True(worst.Ulps <= Bounds.LogAddExp, worst.ToString());
    }

    /// <summary>
    /// The documented error measure of LogAddExp: ULPs of the result, or of max(a, b) where the result cancels to
    /// below |max(a, b)| (both arguments negative and the sum of exponentials near 1).
    /// </summary>
    private static void Include(ref WorstCase worst, double a, double b)
    {
        double actual = FusedMath.LogAddExp(a, b);
        DoubleDouble expected = Reference.LogAddExp(a, b);
        double max = Math.Max(a, b);
        double ulps = double.IsFinite(expected.Hi) && double.IsFinite(actual) && Math.Abs(expected.Hi) < Math.Abs(max)
            ? Math.Abs(((DoubleDouble)actual - expected).Hi) / Ulp.OfDouble(max)
            : Ulp.Distance(actual, expected);
        if (!(ulps <= worst.Ulps))
        {
            worst = worst with { Ulps = ulps, Input = Sweep.Describe(a) + ", " + Sweep.Describe(b) };
        }
    }
}
