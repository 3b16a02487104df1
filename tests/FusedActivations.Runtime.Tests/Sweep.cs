using System;
using System.Globalization;
using FusedActivations.TestSupport;

namespace FusedActivations.Runtime.Tests;

/// <summary>The worst error a sweep found and the input that produced it, for assertion messages.</summary>
internal readonly record struct WorstCase(double Ulps, string Input, long Count)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"max {Ulps:G6} ULP at {Input} over {Count} inputs");
}

/// <summary>Runs a function over inputs and keeps the largest ULP error against a reference.</summary>
internal static class Sweep
{
    public const int RandomCount = 1_000_000;

    public static WorstCase Floats(int count, int seed, Func<Random, float> input, Func<float, float> actual,
        Func<float, double> reference)
    {
        var random = new Random(seed);
        var worst = new WorstCase(0, "none", count);
        for (int i = 0; i < count; i++)
        {
            Include(ref worst, input(random), actual, reference);
        }

        return worst;
    }

    public static WorstCase Doubles(int count, int seed, Func<Random, double> input, Func<double, double> actual,
        Func<double, DoubleDouble> reference)
    {
        var random = new Random(seed);
        var worst = new WorstCase(0, "none", count);
        for (int i = 0; i < count; i++)
        {
            Include(ref worst, input(random), actual, reference);
        }

        return worst;
    }

    public static void Include(ref WorstCase worst, float x, Func<float, float> actual, Func<float, double> reference)
    {
        double ulps = Ulp.Distance(actual(x), reference(x));
        if (!(ulps <= worst.Ulps))
        {
            worst = worst with { Ulps = ulps, Input = Describe(x) };
        }
    }

    public static void Include(ref WorstCase worst, double x, Func<double, double> actual, Func<double, DoubleDouble> reference)
    {
        double ulps = Ulp.Distance(actual(x), reference(x));
        if (!(ulps <= worst.Ulps))
        {
            worst = worst with { Ulps = ulps, Input = Describe(x) };
        }
    }

    public static string Describe(float x) =>
        string.Create(CultureInfo.InvariantCulture, $"{x:R} (0x{BitConverter.SingleToInt32Bits(x):X8})");

    public static string Describe(double x) =>
        string.Create(CultureInfo.InvariantCulture, $"{x:R} (0x{BitConverter.DoubleToInt64Bits(x):X16})");

    /// <summary>Picks one of several input distributions per draw, so one sweep covers bit patterns and ranges.</summary>
    public static Func<Random, T> Mix<T>(params Func<Random, T>[] generators) =>
        random => generators[random.Next(generators.Length)](random);
}
