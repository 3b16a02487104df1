using System;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The float overloads of the new activations against the references: special values and formula switches with
/// their neighbours, a dense walk through the float bit patterns, and a million random inputs each.
/// </summary>
public sealed class ActivationFloatAccuracyTests(ITestOutputHelper output)
{
    private static readonly float[] s_betas = [2f, 0.5f, 10f, 0.3f, 3.7f, 1e-3f, 1e3f];
    private static readonly float[] s_alphas = [0.5f, 2.75f, 0.1f, 1e-3f, 1e3f, 1e-40f];
    private static readonly float[] s_slopes = [0.2f, 0f, -0f, -0.5f, 3f, 1e-30f, -1e30f, 1e-45f];

    private void AssertAll(string name, Func<float, float> actual, Func<float, double> reference, Func<Random, float> random,
        int seed, double bound, int randomCount = Sweep.RandomCount, float scale = 1f, bool dense = true)
    {
        float[] fixedInputs = ActivationInputs.FloatFixed(scale);
        var fixedPoints = new WorstCase(0, "none", fixedInputs.Length);
        foreach (float x in fixedInputs)
        {
            Sweep.Include(ref fixedPoints, x, actual, reference);
        }

        var walk = new WorstCase(0, "none", 0);
        if (dense)
        {
            foreach (float x in ActivationInputs.DenseFloats())
            {
                Sweep.Include(ref walk, x, actual, reference);
                walk = walk with { Count = walk.Count + 1 };
            }
        }

        WorstCase randomWorst = Sweep.Floats(randomCount, seed, random, actual, reference);
        string report = $"{name}: special and boundary: {fixedPoints}; " + (dense ? $"dense: {walk}; " : "") + $"random: {randomWorst}";
        output.WriteLine(report);
        Assert.True(fixedPoints.Ulps <= bound && walk.Ulps <= bound && randomWorst.Ulps <= bound, report);
    }

    [Fact]
    public void Tanh() => AssertAll("tanh", FusedMath.Tanh, Reference.Tanh, ActivationInputs.WideFloats(-20f, 20f), 101, Bounds.Float);

    [Fact]
    public void SiluDefault() =>
        AssertAll("silu", FusedMath.Silu, Reference.Silu, ActivationInputs.WideFloats(-110f, 30f), 102, Bounds.Float);

    [Fact]
    public void SiluWithBeta()
    {
        foreach (float beta in s_betas)
        {
            AssertAll($"silu beta {beta}", x => FusedMath.Silu(x, beta), x => Reference.Silu(x, beta),
                ActivationInputs.WideFloats(-110f / beta, 30f / beta), 103, Bounds.Float, Sweep.RandomCount / 8, 1f / beta,
                dense: false);
        }
    }

    [Fact]
    public void Mish() => AssertAll("mish", FusedMath.Mish, Reference.Mish, ActivationInputs.WideFloats(-110f, 30f), 104, Bounds.Float);

    [Fact]
    public void EluDefault() => AssertAll("elu", FusedMath.Elu, Reference.Elu, ActivationInputs.WideFloats(-20f, 5f), 105, Bounds.Float);

    [Fact]
    public void EluWithAlpha()
    {
        foreach (float alpha in s_alphas)
        {
            AssertAll($"elu alpha {alpha:R}", x => FusedMath.Elu(x, alpha), x => Reference.Elu(x, alpha),
                ActivationInputs.WideFloats(-20f, 5f), 106, Bounds.Float, Sweep.RandomCount / 8, dense: false);
        }
    }

    [Fact]
    public void Selu() => AssertAll("selu", FusedMath.Selu, Reference.Selu, ActivationInputs.WideFloats(-20f, 5f), 107, Bounds.Float);

    [Fact]
    public void Relu() => AssertAll("relu", FusedMath.Relu, Reference.Relu, ActivationInputs.WideFloats(-5f, 5f), 108, 0.0);

    [Fact]
    public void LeakyReluDefault() =>
        AssertAll("leaky_relu", FusedMath.LeakyRelu, x => Reference.LeakyRelu(x, 0.01f), ActivationInputs.WideFloats(-5f, 5f),
            109, Bounds.CorrectlyRounded);

    [Fact]
    public void LeakyReluWithSlope()
    {
        foreach (float slope in s_slopes)
        {
            AssertAll($"leaky_relu slope {slope:R}", x => FusedMath.LeakyRelu(x, slope), x => Reference.LeakyRelu(x, slope),
                ActivationInputs.WideFloats(-5f, 5f), 110, Bounds.CorrectlyRounded, Sweep.RandomCount / 8, dense: false);
        }
    }

    [Fact]
    public void HardSwish() =>
        AssertAll("hardswish", FusedMath.HardSwish, Reference.HardSwish, ActivationInputs.WideFloats(-4f, 4f), 111, Bounds.Float);
}
