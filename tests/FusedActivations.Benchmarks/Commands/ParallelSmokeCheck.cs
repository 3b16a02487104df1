using System;
using System.Globalization;
using FusedActivations.Benchmarks.Benchmarks;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// The smoke check of <see cref="ParallelBenchmarks"/>: every method once through its setup at 1 Mi elements (split on
/// more than one core); the parallel kernel bit-identical to the single-threaded one, PyTorch within 1e-5 relative.
/// </summary>
public static class ParallelSmokeCheck
{
    /// <summary>Runs the check for <paramref name="inputs"/>; returns a summary, throws on a mismatch.</summary>
    public static string Run(string inputs)
    {
        float[] single = Output(nameof(ParallelBenchmarks.SetupOurs), nameof(ParallelBenchmarks.Ours), inputs);
        float[] parallel = Output(nameof(ParallelBenchmarks.SetupOurs), nameof(ParallelBenchmarks.OursParallel), inputs);
        for (int i = 0; i < single.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(single[i]) != BitConverter.SingleToInt32Bits(parallel[i]))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"element {i}: parallel {parallel[i]:R}, single-threaded {single[i]:R}"));
            }
        }

        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            return $"parallel = single-threaded bit for bit ({single.Length} elements); PyTorch not run: {reason}";
        }

        // PyTorch's peers only time their call; run their setups to check that they do.
        foreach ((string setup, string method) in new[] { (nameof(ParallelBenchmarks.SetupTorchSharpOneThread), nameof(ParallelBenchmarks.TorchSharp)), (nameof(ParallelBenchmarks.SetupTorchSharpAllCores), nameof(ParallelBenchmarks.TorchSharpAllCores)) })
        {
            Output(setup, method, inputs);
        }

        return $"parallel = single-threaded bit for bit ({single.Length} elements); PyTorch's two peers ran";
    }

    private static float[] Output(string setup, string method, string inputs)
    {
        var benchmarks = new ParallelBenchmarks { Length = 1 << 20, Inputs = inputs };
        typeof(ParallelBenchmarks).GetMethod(setup)!.Invoke(benchmarks, null);
        try
        {
            typeof(ParallelBenchmarks).GetMethod(method)!.Invoke(benchmarks, null);
            return benchmarks.Output.ToArray();
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
