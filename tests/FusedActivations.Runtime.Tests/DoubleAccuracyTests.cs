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

    [Fact]
    public void Sigmoid() => AssertSweep(output, DoubleInputs.Wide(-750.0, 40.0), FusedMath.Sigmoid, Reference.Sigmoid, 13, Bounds.Sigmoid);

    [Fact]
    public void LogSigmoid() =>
        AssertSweep(output, DoubleInputs.Wide(-40.0, 750.0), FusedMath.LogSigmoid, Reference.LogSigmoid, 14, Bounds.LogSigmoid);
}
