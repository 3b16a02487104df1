using System;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>
/// Issue 12's gradient bar: our <c>[FusedGradient]</c> kernels of the scale head and SwiGLU against PyTorch's autograd of
/// the same expressions through TorchSharp, one thread (<see cref="TorchSharpAutograd{T}"/>), float, 64 Ki and 4 Mi
/// elements in rows of <see cref="FusedPeers.Channels"/>, the inputs as in <see cref="FusedBenchmarks"/>, gradOutput
/// uniform over [−1, 1]. Run by <c>--plan gradient</c> (and <c>all</c>) only.
/// </summary>
/// <remarks>
/// <para>
/// A training step needs the forward value (for the loss) and the gradients. PyTorch computes them in two calls, the
/// backward reusing what the forward saved; our gradient kernel recomputes the forward from the inputs in the same pass.
/// So the ratios that compare like with like are <see cref="TorchSharpStep"/> ÷ <see cref="OursStep"/> (forward and
/// backward on both sides: our fused forward kernel, then our gradient kernel) and (<see cref="TorchSharpStep"/> −
/// <see cref="TorchSharpForward"/>) ÷ <see cref="Ours"/> (the backward alone; PyTorch's forward records the graph, so
/// the difference is its backward as a step pays for it).
/// </para>
/// <para>
/// Every PyTorch step starts as <c>optimizer.zero_grad()</c> leaves it (gradients set to None), so the backward allocates
/// fresh gradient tensors as it does in training; ours write into preallocated spans.
/// </para>
/// </remarks>
public class FusedGradientBenchmarks
{
    private float[] _first = [];
    private float[] _second = [];
    private float[] _gradOutput = [];
    private float[] _output = [];
    private float[] _gradFirst = [];
    private float[] _gradSecond = [];
    private TorchSharpAutograd<float>? _autograd;

    /// <summary>The formula: <c>Scale</c> (<c>softplus(raw + bias, β = 2) + 1e-6</c>, bias per channel) or <c>SwiGlu</c> (<c>silu(a) * b</c>).</summary>
    [Params("Scale", "SwiGlu")]
    public string Kernel { get; set; } = "Scale";

    /// <summary>The number of elements: 64 Ki (in L2), 4 Mi (memory).</summary>
    [Params(65536, 4194304)]
    public int Length { get; set; }

    /// <summary>The range of the elementwise inputs: the issue's [−8, 8], the headline [−10, 10] and the wide [−30, 30].</summary>
    [Params(InputData.Bar, InputData.Narrow, InputData.Wide)]
    public string Inputs { get; set; } = InputData.Bar;

    /// <summary>Whether the second input is a per-channel bias (the scale head) rather than a second array (SwiGLU).</summary>
    private bool IsBroadcast => Kernel == "Scale";

    [GlobalSetup(Targets = [nameof(Ours), nameof(OursStep)])]
    public void SetupOurs() => Setup(torch: false);

    /// <summary>Our gradient kernel: the input gradients, recomputing the forward from the inputs in the same pass.</summary>
    [Benchmark(Baseline = true)]
    public void Ours()
    {
        if (IsBroadcast)
        {
            OurFusedKernels.ScaleBackward(_first, _second, _gradOutput, _gradFirst, _gradSecond);
        }
        else
        {
            OurFusedKernels.SwiGluBackward(_first, _second, _gradOutput, _gradFirst, _gradSecond);
        }
    }

    /// <summary>A training step with our kernels: the fused forward kernel (the output), then the gradient kernel.</summary>
    [Benchmark]
    public void OursStep()
    {
        if (IsBroadcast)
        {
            OurFusedKernels.Scale(_first, _second, _output);
        }
        else
        {
            OurFusedKernels.SwiGlu(_first, _second, _output);
        }

        Ours();
    }

    [GlobalSetup(Targets = [nameof(TorchSharpStep), nameof(TorchSharpForward)])]
    public void SetupTorchSharp() => Setup(torch: true);

    /// <summary>PyTorch: the expression with the graph recorded, then <c>y.backward(gradOutput)</c>.</summary>
    [Benchmark]
    public void TorchSharpStep() => _autograd!.Step();

    /// <summary>PyTorch's forward alone, recording the graph (the step minus this is what its backward costs).</summary>
    [Benchmark]
    public void TorchSharpForward() => _autograd!.Forward();

    /// <summary>Frees PyTorch's tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _autograd?.Dispose();
        _autograd = null;
    }

    /// <summary>
    /// After a setup and one call of a benchmark method: the input gradients it computed (ours from the spans, PyTorch's
    /// from the leaves' <c>.grad</c>, after a step), for the smoke check.
    /// </summary>
    internal (float[] GradFirst, float[] GradSecond, float[] First, float[] Second, float[] GradOutput) Gradients()
    {
        if (_autograd is { } autograd)
        {
            autograd.Step();
            autograd.CopyGradients(_gradFirst, _gradSecond);
        }

        return (_gradFirst, _gradSecond, _first, _second, _gradOutput);
    }

    private void Setup(bool torch)
    {
        Cleanup();
        if (Length % FusedPeers.Channels != 0)
        {
            throw new InvalidOperationException($"Length {Length} is not a whole number of rows of {FusedPeers.Channels} channels.");
        }

        if (torch && TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException($"PyTorch cannot run here: {reason}");
        }

        (double min, double max) = InputData.Parse(Inputs);
        (double biasMin, double biasMax) = InputData.Parse(FusedPeers.BiasRange);
        int secondLength = IsBroadcast ? FusedPeers.Channels : Length;
        _first = InputData.Uniform<float>(Length, min, max);
        _second = IsBroadcast
            ? InputData.Uniform<float>(secondLength, biasMin, biasMax, FusedPeers.SecondSeed)
            : InputData.Uniform<float>(secondLength, min, max, FusedPeers.SecondSeed);
        _gradOutput = InputData.Uniform<float>(Length, -1, 1, Commands.FusedSmokeChecks.GradientSeed);
        _output = new float[Length];
        _gradFirst = new float[Length];
        _gradSecond = new float[secondLength];
        if (torch)
        {
            _autograd = IsBroadcast
                ? TorchSharpAutograd<float>.Scale(_first, _second, _gradOutput)
                : TorchSharpAutograd<float>.SwiGlu(_first, _second, _gradOutput);
            _autograd.Step(); // Lazy initialisation in libtorch, outside the measurement.
        }
        else
        {
            OursStep();
        }
    }
}
