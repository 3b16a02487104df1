using System;
using FusedActivations.TestSupport;

namespace FusedActivations.Runtime.Tests;

/// <summary>Input distributions for the double sweeps.</summary>
internal static class DoubleInputs
{
    public static readonly double[] Betas = [1.0, 2.0, 0.5, 10.0, 0.3, 3.7, 1e-3, 1e3];

    /// <summary>Random bit patterns, the given range (twice as often), and tiny magnitudes of either sign.</summary>
    public static Func<Random, double> Wide(double min, double max) => Sweep.Mix(
        RandomValues.DoubleBits,
        r => RandomValues.Double(r, min, max),
        r => RandomValues.Double(r, min, max),
        r => RandomValues.LogUniformDouble(r, -1074, 3) * (r.Next(2) == 0 ? 1 : -1));
}
