using System;
using System.Globalization;
using FusedActivations.Benchmarks.Benchmarks;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// The smoke check of <see cref="FastBenchmarks"/>: every method of one activation once through its setup; the Fast
/// kernel within 5 ULP of the Accurate one (4 ULP from the exact value, plus the Accurate kernel's half ULP) and not
/// bit-identical to it, PyTorch's peer run.
/// </summary>
public static class FastSmokeCheck
{
    /// <summary>Runs the check for <paramref name="activation"/> in <paramref name="element"/> on <paramref name="inputs"/>; returns a summary, throws on a mismatch.</summary>
    public static string Run(string activation, string element, string inputs)
    {
        double[] accurate = Output(activation, element, inputs, nameof(FastBenchmarks.SetupOurs), nameof(FastBenchmarks.Accurate));
        double[] fast = Output(activation, element, inputs, nameof(FastBenchmarks.SetupOurs), nameof(FastBenchmarks.Fast));
        int differ = 0;
        for (int i = 0; i < accurate.Length; i++)
        {
            double ulps = Math.Abs(fast[i] - accurate[i]) / (element == "float" ? Ulp((float)accurate[i]) : Ulp(accurate[i]));
            if (!(ulps <= 5))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"element {i}: Fast {fast[i]:R}, Accurate {accurate[i]:R} ({ulps:F1} ULP apart)"));
            }

            differ += fast[i] != accurate[i] ? 1 : 0;
        }

        if (differ == 0)
        {
            throw new InvalidOperationException("the Fast kernel gives the Accurate kernel's results bit for bit: it is not its own formula");
        }

        string ours = $"Fast within 5 ULP of Accurate ({differ} of {accurate.Length} differ)";
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            return $"{ours}; PyTorch not run: {reason}";
        }

        Output(activation, element, inputs, nameof(FastBenchmarks.SetupTorch), nameof(FastBenchmarks.TorchSharp));
        return $"{ours}; PyTorch's peer ran";
    }

    /// <summary>The distance between <paramref name="y"/> and the next float away from zero (the smallest subnormal at 0).</summary>
    private static double Ulp(float y) => Math.Max(Math.Abs((double)MathF.BitIncrement(Math.Abs(y)) - Math.Abs(y)), float.Epsilon);

    private static double Ulp(double y) => Math.Max(Math.Abs(Math.BitIncrement(Math.Abs(y)) - Math.Abs(y)), double.Epsilon);

    private static double[] Output(string activation, string element, string inputs, string setup, string method)
    {
        var benchmarks = new FastBenchmarks { Activation = activation, Element = element, Inputs = inputs };
        typeof(FastBenchmarks).GetMethod(setup)!.Invoke(benchmarks, null);
        try
        {
            typeof(FastBenchmarks).GetMethod(method)!.Invoke(benchmarks, null);
            return benchmarks.Output;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
