using System;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>
/// One fused kernel of issue 12 (float): our <c>[Fused]</c> kernel against the unfused chain, our activation kernel
/// alone, PyTorch and the formula's scalar loop (<see cref="FusedPeers"/>), at 64 Ki and 4 Mi elements on the inputs
/// [−8, 8] and the headline [−10, 10] and wide [−30, 30] ranges. Like <see cref="ActivationBenchmarks{T}"/>, every method times a call of the delegate its setup
/// prepared, and the method names are the <see cref="PeerKind"/> names the reports read. The kernel is the class name
/// without <c>Benchmarks</c>: a new one is one line below (plus its entry in <see cref="FusedPeers.All"/>).
/// </summary>
public abstract class FusedBenchmarks : IActivationBenchmarks
{
    private FusedBuffers? _buffers;
    private PeerInstance? _peer;
    private Action _run = static () => { };

    /// <summary>The number of elements: 64 Ki (in L2), 4 Mi (memory); rows of <see cref="Channels"/>.</summary>
    [Params(65536, 4194304)]
    public int Length { get; set; }

    /// <summary>The range of the elementwise inputs (<see cref="InputData"/>): the issue's [−8, 8], the headline [−10, 10] and the wide [−30, 30].</summary>
    [Params(InputData.Bar, InputData.Narrow, InputData.Wide)]
    public string Inputs { get; set; } = InputData.Bar;

    /// <summary>
    /// Channels per row (<see cref="FusedPeers.Channels"/>). Not a BenchmarkDotNet parameter (one shape per run); the
    /// smoke check sets it to reach rows that are not a whole number of vectors.
    /// </summary>
    public int Channels { get; set; } = FusedPeers.Channels;

    /// <summary>This class's kernel and its peers.</summary>
    public FusedKernel Kernel => FusedPeers.Find(KernelOf(GetType()));

    /// <inheritdoc/>
    IActivationTable IActivationBenchmarks.Table => Kernel;

    /// <summary>The buffers of the last setup, for the smoke check.</summary>
    internal FusedBuffers? Buffers => _buffers;

    /// <summary>The peer set up by the last <c>[GlobalSetup]</c>.</summary>
    internal FusedPeer? Current { get; private set; }

    /// <summary>
    /// The kernel a benchmark class measures: <c>SwiGluBenchmarks</c> → <c>SwiGlu</c>. BenchmarkDotNet's benchmark processes
    /// run a generated class derived from it, so the name is that of the class directly below this one.
    /// </summary>
    public static string KernelOf(Type type)
    {
        Type current = type;
        while (current.BaseType is { } parent && parent != typeof(FusedBenchmarks))
        {
            current = parent;
        }

        return current.Name.Replace("Benchmarks", "", StringComparison.Ordinal);
    }

    [GlobalSetup(Target = nameof(Ours))]
    public void SetupOurs() => Setup(PeerKind.Ours);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(nameof(PeerKind.Ours))]
    public void Ours() => _run();

    [GlobalSetup(Target = nameof(NaiveScalar))]
    public void SetupNaiveScalar() => Setup(PeerKind.NaiveScalar);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.NaiveScalar))]
    public void NaiveScalar() => _run();

    [GlobalSetup(Target = nameof(TensorPrimitives))]
    public void SetupTensorPrimitives() => Setup(PeerKind.TensorPrimitives);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.TensorPrimitives))]
    public void TensorPrimitives() => _run();

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorchSharp() => Setup(PeerKind.TorchSharp);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.TorchSharp))]
    public void TorchSharp() => _run();

    [GlobalSetup(Target = nameof(SingleActivation))]
    public void SetupSingleActivation() => Setup(PeerKind.SingleActivation);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.SingleActivation))]
    public void SingleActivation() => _run();

    /// <summary>Frees the peer's tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _peer?.Dispose();
        _peer = null;
        _run = static () => { };
    }

    /// <summary>Makes the last result visible in the output (TorchSharp keeps it in a tensor). Not timed.</summary>
    internal void Publish() => _peer?.Publish();

    private void Setup(PeerKind kind)
    {
        Cleanup();
        FusedKernel kernel = Kernel;
        FusedPeer peer = kernel[kind];
        if (kernel.WhyUnavailable(kind) is { } reason)
        {
            throw new InvalidOperationException($"{kernel.Activation} {kind} cannot run here: {reason}");
        }

        if (Channels <= 0 || Length % Channels != 0)
        {
            throw new InvalidOperationException($"Length {Length} is not a whole number of rows of {Channels} channels.");
        }

        BenchmarkConfig.CheckPaths(kind);
        (double min, double max) = InputData.Parse(Inputs);
        (double biasMin, double biasMax) = InputData.Parse(FusedPeers.BiasRange);
        float[] first = InputData.Uniform<float>(Length, min, max);
        float[] second = kernel.IsBroadcast
            ? InputData.Uniform<float>(Channels, biasMin, biasMax, FusedPeers.SecondSeed)
            : InputData.Uniform<float>(Length, min, max, FusedPeers.SecondSeed);
        _buffers = new FusedBuffers(first, second, Channels, new float[Length]);
        _peer = peer.Create(_buffers);
        _run = _peer.Run;
        Current = peer;
        _run(); // First call outside the measurement: lazy initialisation in foreign libraries, page faults of the output.
        JitWarmUp.Run(_run);
    }
}

#pragma warning disable SA1402, SA1649 // One line per fused kernel, all in this file.
public class ScaleBenchmarks : FusedBenchmarks;
public class SwiGluBenchmarks : FusedBenchmarks;
public class BiasGeluBenchmarks : FusedBenchmarks;
#pragma warning restore SA1402, SA1649
