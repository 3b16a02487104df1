using System;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The float overloads against the references: special values plus a million random inputs each, mixing uniformly
/// random bit patterns with uniform draws from the range where the function varies.
/// </summary>
public sealed class FloatAccuracyTests(ITestOutputHelper output)
{
    private static readonly float[] s_betas = [1f, 2f, 0.5f, 10f, 0.3f, 3.7f, 1e-3f, 1e3f];

    private static Func<Random, float> Wide(float min, float max) => Sweep.Mix(
        RandomValues.FloatBits,
        r => RandomValues.Float(r, min, max),
        r => RandomValues.Float(r, min, max),
        r => RandomValues.LogUniformFloat(r, -149, 3) * (r.Next(2) == 0 ? 1 : -1));

    private void AssertSweep(Func<Random, float> input, Func<float, float> actual, Func<float, double> reference,
        int seed)
    {
        var worst = new WorstCase(0, "none", 0);
        foreach (float x in SpecialValues.Floats)
        {
            Sweep.Include(ref worst, x, actual, reference);
        }

        WorstCase random = Sweep.Floats(Sweep.RandomCount, seed, input, actual, reference);
        output.WriteLine($"special values: {worst}; random: {random}");
        Assert.True(worst.Ulps <= Bounds.Float && random.Ulps <= Bounds.Float, $"special values: {worst}; random: {random}");
    }

    [Fact]
    public void Log1P() => AssertSweep(Wide(-1f, 100f), FusedMath.Log1P, Reference.Log1P, 1);

    [Fact]
    public void ExpM1() => AssertSweep(Wide(-20f, 89f), FusedMath.ExpM1, Reference.ExpM1, 2);

    [Fact]
    public void Log1MExp() => AssertSweep(Wide(-110f, 0f), FusedMath.Log1MExp, Reference.Log1MExp, 21);

    [Fact]
    public void SoftplusDefault() => AssertSweep(Wide(-110f, 30f), x => FusedMath.Softplus(x), x => Reference.Softplus(x), 3);

    [Fact]
    public void SoftplusWithBetaAndThreshold()
    {
        foreach (float beta in s_betas)
        {
            foreach (float threshold in new[] { 20f, 5f, -1f, float.PositiveInfinity })
            {
                // Inputs scaled by 1/beta so that beta * x covers the interesting range for every beta.
                Func<Random, float> input = Sweep.Mix(RandomValues.FloatBits, r => RandomValues.Float(r, -110f, 30f) / beta);
                var worst = Sweep.Floats(Sweep.RandomCount / 32, 40 + (int)beta, input,
                    x => FusedMath.Softplus(x, beta, threshold), x => Reference.Softplus(x, beta, threshold));
                output.WriteLine($"beta {beta}, threshold {threshold}: {worst}");
                Assert.True(worst.Ulps <= Bounds.Float, $"beta {beta}, threshold {threshold}: {worst}");
            }
        }
    }

    [Fact]
    public void SoftplusTwoArgumentOverloadUsesThreshold20()
    {
        AssertSweep(Wide(-60f, 15f), x => FusedMath.Softplus(x, 2f), x => Reference.Softplus(x, 2f, 20f), 4);
    }

    [Fact]
    public void Sigmoid() => AssertSweep(Wide(-110f, 20f), FusedMath.Sigmoid, Reference.Sigmoid, 5);

    [Fact]
    public void LogSigmoid() => AssertSweep(Wide(-20f, 110f), FusedMath.LogSigmoid, Reference.LogSigmoid, 6);

    [Fact]
    public void InverseSoftplus()
    {
        AssertSweep(Wide(0f, 30f), FusedMath.InverseSoftplus, x => Reference.InverseSoftplus(x), 7);
        foreach (float beta in s_betas)
        {
            var worst = Sweep.Floats(Sweep.RandomCount / 16, 70, Wide(0f, 30f / beta),
                y => FusedMath.InverseSoftplus(y, beta), y => Reference.InverseSoftplus(y, beta));
            output.WriteLine($"beta {beta}: {worst}");
            Assert.True(worst.Ulps <= Bounds.Float, $"beta {beta}: {worst}");
        }
    }

    [Fact]
    public void LogAddExp()
    {
        // Pairs: independent, close together (the log1p(exp(-d)) tail matters), and far apart.
        var random = new Random(8);
        var worst = new WorstCase(0, "none", Sweep.RandomCount);
        foreach (float a in SpecialValues.Floats)
        {
            foreach (float b in SpecialValues.Floats)
            {
                Include(ref worst, a, b);
            }
        }

        for (int i = 0; i < Sweep.RandomCount; i++)
        {
            float a = Wide(-100f, 100f)(random);
            float b = (i % 3) switch
            {
                0 => Wide(-100f, 100f)(random),
                1 => a + RandomValues.Float(random, -5f, 5f),
                _ => RandomValues.FloatBits(random),
            };
            Include(ref worst, a, b);
        }

        output.WriteLine(worst.ToString());
        Assert.True(worst.Ulps <= Bounds.Float, worst.ToString());
    }

    private static void Include(ref WorstCase worst, float a, float b)
    {
        double ulps = Ulp.Distance(FusedMath.LogAddExp(a, b), Reference.LogAddExp(a, b));
        if (!(ulps <= worst.Ulps))
        {
            worst = worst with { Ulps = ulps, Input = Sweep.Describe(a) + ", " + Sweep.Describe(b) };
        }
    }
}
