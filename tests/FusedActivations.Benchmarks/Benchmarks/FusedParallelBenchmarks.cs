using System;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using FusedActivations.Peers;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>
/// Issue 14's parallel mode on fused kernels: the scale head <c>softplus(raw + bias, β = 2) + 1e-6</c> (bias per channel,
/// rows of <see cref="FusedPeers.Channels"/>), forward (<c>Scale</c>) and a training step (<c>ScaleStep</c>: the forward
/// kernel, then the gradient kernel with its sum over rows), single-threaded (<see cref="Ours"/>, the baseline) and with
/// <c>Parallel = true</c> (<see cref="OursParallel"/>), against PyTorch on every core (<see cref="TorchSharpAllCores"/>:
/// the expression, or autograd's forward and backward), at 64 Ki (below the default threshold), 1 Mi, 4 Mi and 16 Mi
/// elements, inputs [−10, 10] and [−30, 30]. Run by <c>--plan parallel</c> (and <c>all</c>) only.
/// </summary>
public class FusedParallelBenchmarks
{
    private float[] _raw = [];
    private float[] _bias = [];
    private float[] _gradOutput = [];
    private float[] _output = [];
    private float[] _gradRaw = [];
    private float[] _gradBias = [];
    private Tensor? _rawTensor;
    private Tensor? _biasTensor;
    private TorchSharpAutograd<float>? _autograd;

    /// <summary><c>Scale</c> (the forward kernel) or <c>ScaleStep</c> (forward, then gradient).</summary>
    [Params("Scale", "ScaleStep")]
    public string Kernel { get; set; } = "Scale";

    /// <summary>The number of elements.</summary>
    [Params(65536, 1 << 20, 1 << 22, 1 << 24)]
    public int Length { get; set; }

    /// <summary>The input range: the headline [−10, 10] and the wide [−30, 30].</summary>
    [Params(InputData.Narrow, InputData.Wide)]
    public string Inputs { get; set; } = InputData.Narrow;

    private bool IsStep => Kernel == "ScaleStep";

    [GlobalSetup(Targets = [nameof(Ours), nameof(OursParallel)])]
    public void SetupOurs()
    {
        Allocate();
        Ours();
        OursParallel();
    }

    /// <summary>One thread.</summary>
    [Benchmark(Baseline = true)]
    public void Ours()
    {
        OurFusedKernels.Scale(_raw, _bias, _output);
        if (IsStep)
        {
            OurFusedKernels.ScaleBackward(_raw, _bias, _gradOutput, _gradRaw, _gradBias);
        }
    }

    /// <summary><c>Parallel = true</c>: the thread pool from 131,072 elements on (the default threshold).</summary>
    [Benchmark]
    public void OursParallel()
    {
        OurFusedKernels.ScaleParallel(_raw, _bias, _output);
        if (IsStep)
        {
            OurFusedKernels.ScaleBackwardParallel(_raw, _bias, _gradOutput, _gradRaw, _gradBias);
        }
    }

    [GlobalSetup(Target = nameof(TorchSharpAllCores))]
    public void SetupTorchSharpAllCores()
    {
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException($"PyTorch cannot run here: {reason}");
        }

        Allocate();
        if (IsStep)
        {
            _autograd = TorchSharpAutograd<float>.Scale(_raw, _bias, _gradOutput);
        }
        else
        {
            _rawTensor = torch.tensor(_raw, [Length / FusedPeers.Channels, FusedPeers.Channels]);
            _biasTensor = torch.tensor(_bias);
        }

        TorchSharpRuntime.UseThreads(Environment.ProcessorCount);
        TorchSharpAllCores(); // Lazy initialisation in libtorch, outside the measurement.
    }

    /// <summary>PyTorch on every core: the expression (a PyTorch user's line, allocating its intermediates), or autograd's step.</summary>
    [Benchmark]
    public void TorchSharpAllCores()
    {
        if (_autograd is { } autograd)
        {
            autograd.Step();
            return;
        }

        using DisposeScope scope = NewDisposeScope();
        _ = nn.functional.softplus(_rawTensor! + _biasTensor!, 2, 20) + 1e-6;
    }

    /// <summary>Our methods' outputs after a call (the smoke check).</summary>
    internal (float[] Output, float[] GradRaw, float[] GradBias) Outputs => (_output, _gradRaw, _gradBias);

    /// <summary>The inputs (the smoke check).</summary>
    internal (float[] Raw, float[] Bias, float[] GradOutput) InputArrays => (_raw, _bias, _gradOutput);

    /// <summary>Frees PyTorch's tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _autograd?.Dispose();
        _autograd = null;
        _rawTensor?.Dispose();
        _rawTensor = null;
        _biasTensor?.Dispose();
        _biasTensor = null;
    }

    private void Allocate()
    {
        Cleanup();
        (double min, double max) = InputData.Parse(Inputs);
        (double biasMin, double biasMax) = InputData.Parse(FusedPeers.BiasRange);
        _raw = InputData.Uniform<float>(Length, min, max);
        _bias = InputData.Uniform<float>(FusedPeers.Channels, biasMin, biasMax, FusedPeers.SecondSeed);
        _gradOutput = InputData.Uniform<float>(Length, -1, 1, Commands.FusedSmokeChecks.GradientSeed);
        _output = new float[Length];
        _gradRaw = new float[Length];
        _gradBias = new float[FusedPeers.Channels];
    }
}
