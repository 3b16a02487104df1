using System;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The double overloads of the new activations against the double-double references: special values and formula
/// switches with their neighbours, plus a million random inputs each (bit patterns, the active range, tiny values).
/// </summary>
public sealed class ActivationDoubleAccuracyTests(ITestOutputHelper output)
{
    // Below about 2^-969 the reference's trailing double underflows and the reference is known only to half an ULP
    // (in the subnormal range, to the nearest subnormal): errors there are reported apart.
    private static readonly double s_lowRange = Math.ScaleB(1.0, -969);

    private void AssertAll(string name, Func<double, double> actual, Func<double, DoubleDouble> reference,
        Func<Random, double> random, int seed, double bound, int randomCount = Sweep.RandomCount, double scale = 1.0)
    {
        double[] fixedInputs = ActivationInputs.DoubleFixed(scale);
        var rng = new Random(seed);
        var all = new WorstCase(0, "none", fixedInputs.Length + randomCount);
        var high = new WorstCase(0, "none", 0);
        for (int i = 0; i < fixedInputs.Length + randomCount; i++)
        {
            double x = i < fixedInputs.Length ? fixedInputs[i] : random(rng);
            DoubleDouble expected = reference(x);
            double ulps = Ulp.Distance(actual(x), expected);
            if (!(ulps <= all.Ulps))
            {
                all = all with { Ulps = ulps, Input = Sweep.Describe(x) };
            }

            if (!(Math.Abs(expected.Hi) < s_lowRange) && !(ulps <= high.Ulps))
            {
                high = high with { Ulps = ulps, Input = Sweep.Describe(x) };
            }

            if (!(Math.Abs(expected.Hi) < s_lowRange))
            {
                high = high with { Count = high.Count + 1 };
            }
        }

        string report = $"{name}: special, boundary and random: {all}; of these, results above 2^-969: {high}";
        output.WriteLine(report);
        Assert.True(all.Ulps <= bound, report);
    }

    [Fact]
    public void Tanh() => AssertAll("tanh", FusedMath.Tanh, Reference.Tanh, DoubleInputs.Wide(-20.0, 20.0), 201, Bounds.Tanh);

    [Fact]
    public void SiluDefault() =>
        AssertAll("silu", FusedMath.Silu, Reference.Silu, DoubleInputs.Wide(-750.0, 40.0), 202, Bounds.Silu);

    [Fact]
    public void SiluWithBeta()
    {
        foreach (double beta in DoubleInputs.Betas)
        {
            AssertAll($"silu beta {beta}", x => FusedMath.Silu(x, beta), x => Reference.Silu(x, beta),
                DoubleInputs.Wide(-750.0 / beta, 40.0 / beta), 203, Bounds.Silu, Sweep.RandomCount / 8, 1.0 / beta);
        }
    }

    [Fact]
    public void Mish() => AssertAll("mish", FusedMath.Mish, Reference.Mish, DoubleInputs.Wide(-750.0, 40.0), 204, Bounds.Mish);

    [Fact]
    public void EluDefault() => AssertAll("elu", FusedMath.Elu, Reference.Elu, DoubleInputs.Wide(-40.0, 5.0), 205, Bounds.Elu);

    [Fact]
    public void EluWithAlpha()
    {
        foreach (double alpha in new[] { 0.5, 2.75, 0.1, 1e-3, 1e3, 1e-310, 1e300 })
        {
            AssertAll($"elu alpha {alpha:R}", x => FusedMath.Elu(x, alpha), x => Reference.Elu(x, alpha),
                DoubleInputs.Wide(-40.0, 5.0), 206, Bounds.Elu, Sweep.RandomCount / 8);
        }
    }

    [Fact]
    public void Selu() => AssertAll("selu", FusedMath.Selu, Reference.Selu, DoubleInputs.Wide(-40.0, 5.0), 207, Bounds.Elu);

    [Fact]
    public void Relu() => AssertAll("relu", FusedMath.Relu, x => Reference.Relu(x), DoubleInputs.Wide(-5.0, 5.0), 208, 0.0);

    [Fact]
    public void LeakyRelu()
    {
        AssertAll("leaky_relu", FusedMath.LeakyRelu, x => Reference.LeakyRelu(x, 0.01), DoubleInputs.Wide(-5.0, 5.0), 209,
            Bounds.CorrectlyRounded);
        foreach (double slope in new[] { 0.2, 0.0, -0.0, -0.5, 3.0, 1e-300, -1e300, double.Epsilon })
        {
            AssertAll($"leaky_relu slope {slope:R}", x => FusedMath.LeakyRelu(x, slope), x => Reference.LeakyRelu(x, slope),
                DoubleInputs.Wide(-5.0, 5.0), 210, Bounds.CorrectlyRounded, Sweep.RandomCount / 8);
        }
    }

    [Fact]
    public void HardSwish() =>
        AssertAll("hardswish", FusedMath.HardSwish, Reference.HardSwish, DoubleInputs.Wide(-4.0, 4.0), 211, Bounds.HardSwish);
}
