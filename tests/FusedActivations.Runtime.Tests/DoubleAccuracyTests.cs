using System;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The double overloads of the elementary functions against the double-double references: special values plus a
/// million random inputs each.
/// </summary>
public sealed class DoubleAccuracyTests(ITestOutputHelper output)
{
    internal static void AssertSweep(ITestOutputHelper output, Func<Random, double> input, Func<double, double> actual,
        Func<double, DoubleDouble> reference, int seed, double bound, int count = Sweep.RandomCount)
    {
        var worst = new WorstCase(0, "none", 0);
        foreach (double x in SpecialValues.Doubles)
        {
            Sweep.Include(ref worst, x, actual, reference);
        }

        WorstCase random = Sweep.Doubles(count, seed, input, actual, reference);
        output.WriteLine($"special values: {worst}; random: {random}");
        Assert.True(worst.Ulps <= bound && random.Ulps <= bound, $"special values: {worst}; random: {random}");
    }

    [Fact]
    public void Log1P() => AssertSweep(output, DoubleInputs.Wide(-1.0, 100.0), FusedMath.Log1P, Reference.Log1P, 11, Bounds.Log1P);

    [Fact]
    public void ExpM1() => AssertSweep(output, DoubleInputs.Wide(-40.0, 710.0), FusedMath.ExpM1, Reference.ExpM1, 12, Bounds.ExpM1);

    /// <summary>Log1MExp: the sweep, and densely around its form switches (-ln 2, -2^-30, -708) where a wrong form would show.</summary>
    [Fact]
    public void Log1MExp()
    {
        AssertSweep(output, DoubleInputs.Wide(-800.0, 0.0), FusedMath.Log1MExp, Reference.Log1MExp, 15, Bounds.Log1MExp);
        var worst = new WorstCase(0, "none", 0);
        foreach (double center in new[] { -0.6931471805599453, -1.0 / 1073741824.0, -708.0, -1e-300, -5e-324, -40.0, -1.0 })
        {
            double x = center;
            for (int i = 0; i < 2000; i++, x = Math.BitIncrement(x))
            {
                Sweep.Include(ref worst, x, FusedMath.Log1MExp, Reference.Log1MExp);
            }

            x = center;
            for (int i = 0; i < 2000; i++, x = Math.BitDecrement(x))
            {
                Sweep.Include(ref worst, x, FusedMath.Log1MExp, Reference.Log1MExp);
            }
        }

        output.WriteLine($"switch points: {worst}");
        Assert.True(worst.Ulps <= Bounds.Log1MExp, worst.ToString());

        // Above the lowest normal binades (results above 2^-969, x > -671) the reference is exact enough to see more.
        WorstCase normal = Sweep.Doubles(Sweep.RandomCount / 4, 16, r => r.Next(2) == 0 ? -671.0 * r.NextDouble() : -RandomValues.LogUniformDouble(r, -1074, 9) * (671.0 / 1024), FusedMath.Log1MExp, Reference.Log1MExp);
        output.WriteLine($"results above 2^-969: {normal}");
        Assert.True(normal.Ulps <= Bounds.Log1MExpAboveTinyResults, normal.ToString());
    }

    [Fact]
    public void Sigmoid() => AssertSweep(output, DoubleInputs.Wide(-750.0, 40.0), FusedMath.Sigmoid, Reference.Sigmoid, 13, Bounds.Sigmoid);

    [Fact]
    public void LogSigmoid() =>
        AssertSweep(output, DoubleInputs.Wide(-40.0, 750.0), FusedMath.LogSigmoid, Reference.LogSigmoid, 14, Bounds.LogSigmoid);
}
