using System;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Peers;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>
/// Issue 14's parallel mode: float softplus β = 2 as one method single-threaded (<see cref="Ours"/>, the baseline) and
/// with <c>Parallel = true</c> (<see cref="OursParallel"/>), against PyTorch's softplus on one thread and on every core
/// (<see cref="Environment.ProcessorCount"/> intra-op threads), at 64 Ki (below the default threshold), 128 Ki (the shortest span it splits), 192 Ki, 1 Mi, 4 Mi and 16 Mi elements, inputs
/// [−10, 10] and [−30, 30]. Run by <c>--plan parallel</c> (and <c>all</c>) only.
/// </summary>
/// <remarks>
/// Every method writes a preallocated output but PyTorch's, which has no <c>out=</c> softplus: it allocates its result
/// (and frees it at once), as a PyTorch user's call does.
/// </remarks>
public class ParallelBenchmarks
{
    private float[] _x = [];
    private float[] _y = [];
    private Tensor? _tensor;

    /// <summary>The number of elements.</summary>
    [Params(65536, 131072, 196608, 1 << 20, 1 << 22, 1 << 24)]
    public int Length { get; set; }

    /// <summary>The input range: the headline [−10, 10] and the wide [−30, 30].</summary>
    [Params(InputData.Narrow, InputData.Wide)]
    public string Inputs { get; set; } = InputData.Narrow;

    [GlobalSetup(Targets = [nameof(Ours), nameof(OursParallel)])]
    public void SetupOurs()
    {
        Allocate();
        Ours();
        OursParallel();
    }

    /// <summary><c>[Softplus(Beta = 2)]</c>: one thread.</summary>
    [Benchmark(Baseline = true)]
    public void Ours() => OurKernels.SoftplusBeta2Float(_x, _y);

    /// <summary><c>[Softplus(Beta = 2, Parallel = true)]</c>: the thread pool from 131,072 elements on (the default threshold).</summary>
    [Benchmark]
    public void OursParallel() => OurKernels.SoftplusBeta2FloatParallel(_x, _y);

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorchSharpOneThread() => SetupTorch(1);

    /// <summary>PyTorch's softplus, one thread.</summary>
    [Benchmark]
    public void TorchSharp() => nn.functional.softplus(_tensor!, 2, 20).Dispose();

    [GlobalSetup(Target = nameof(TorchSharpAllCores))]
    public void SetupTorchSharpAllCores() => SetupTorch(Environment.ProcessorCount);

    /// <summary>PyTorch's softplus on every core.</summary>
    [Benchmark]
    public void TorchSharpAllCores() => nn.functional.softplus(_tensor!, 2, 20).Dispose();

    /// <summary>Our methods' output after a call (the smoke check).</summary>
    internal ReadOnlySpan<float> Output => _y;

    /// <summary>Frees the tensor.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tensor?.Dispose();
        _tensor = null;
    }

    private void SetupTorch(int threads)
    {
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException($"PyTorch cannot run here: {reason}");
        }

        Allocate();
        TorchSharpRuntime.UseThreads(threads);
        _tensor = torch.tensor(_x, [_x.Length]);
        nn.functional.softplus(_tensor, 2, 20).Dispose();
    }

    private void Allocate()
    {
        Cleanup();
        (double min, double max) = InputData.Parse(Inputs);
        _x = InputData.Uniform<float>(Length, min, max);
        _y = new float[Length];
    }
}
