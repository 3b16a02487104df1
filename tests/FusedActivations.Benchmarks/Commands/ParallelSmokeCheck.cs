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

    /// <summary>
    /// The smoke check of <see cref="FusedParallelBenchmarks"/> for <paramref name="kernel"/> at 1 Mi elements: the
    /// parallel methods' elementwise outputs bit-identical to the single-threaded ones, the bias gradient within one ULP
    /// (its sums are regrouped by chunk), and PyTorch's peer runs.
    /// </summary>
    public static string RunFused(string kernel)
    {
        var single = new FusedParallelBenchmarks { Kernel = kernel, Length = 1 << 20, Inputs = InputData.Narrow };
        single.SetupOurs();
        single.Ours();
        (float[] output, float[] gradRaw, float[] gradBias) = single.Outputs;
        (output, gradRaw, gradBias) = ((float[])output.Clone(), (float[])gradRaw.Clone(), (float[])gradBias.Clone());
        single.OursParallel();
        (float[] parallelOutput, float[] parallelGradRaw, float[] parallelGradBias) = single.Outputs;
        Compare("output", output, parallelOutput, ulps: 0);
        Compare("gradRaw", gradRaw, parallelGradRaw, ulps: 0);
        Compare("gradBias", gradBias, parallelGradBias, ulps: 1);
        string ours = $"parallel = single-threaded ({output.Length} elements{(kernel == "ScaleStep" ? "; gradBias within 1 ULP" : "")})";
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            return ours + $"; PyTorch not run: {reason}";
        }

        var torch = new FusedParallelBenchmarks { Kernel = kernel, Length = 1 << 20, Inputs = InputData.Narrow };
        try
        {
            torch.SetupTorchSharpAllCores();
            torch.TorchSharpAllCores();
        }
        finally
        {
            torch.Cleanup();
        }

        return ours + "; PyTorch's peer ran";
    }

    private static void Compare(string name, float[] expected, float[] actual, int ulps)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            int distance = Math.Abs(BitConverter.SingleToInt32Bits(expected[i]) - BitConverter.SingleToInt32Bits(actual[i]));
            if (distance > ulps)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]: parallel {actual[i]:R}, single-threaded {expected[i]:R}"));
            }
        }
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
