using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>Untyped access to a benchmark class's table, for the filter, the smoke check and the reports.</summary>
public interface IActivationBenchmarks
{
    /// <summary>The activation's peers for this element type.</summary>
    IActivationTable Table { get; }
}

/// <summary>
/// One activation, one element type: one <c>[Benchmark]</c> per <see cref="PeerKind"/>, all timing the same call
/// (<c>_run()</c>, set up by the matching <c>[GlobalSetup]</c>), so every column pays the same harness cost.
/// Our kernel is the baseline of BenchmarkDotNet's Ratio column. A peer the activation lacks, or that cannot run on this
/// machine, is filtered out before the run (<see cref="BenchmarkConfig"/>), leaving its column empty.
/// </summary>
/// <remarks>
/// A new activation: a table in Peers/ and a subclass returning it (see <see cref="SoftplusBenchmarks{T}"/>).
/// A new kind of peer: a <see cref="PeerKind"/> member and three lines here (setup, benchmark).
/// </remarks>
public abstract class ActivationBenchmarks<T> : IActivationBenchmarks
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _x = [];
    private T[] _y = [];
    private PeerInstance? _peer;
    private Action _run = static () => { };

    /// <summary>The number of elements: 1 Ki (in L1), 64 Ki (L2), 4 Mi (memory).</summary>
    [Params(1024, 65536, 4194304)]
    public int Length { get; set; }

    /// <summary>
    /// The input distribution, uniform over <c>[min, max]</c> (<see cref="InputData"/>): narrow [−10, 10] (the headline:
    /// nearly all real pre-activations lie there), wide [−30, 30] (both tails at β = 2) and bar [−8, 8] (issue 11's speed
    /// bar). Which ranges a run measures for which activation is the plan's choice (<see cref="Plans"/>).
    /// </summary>
    [Params(InputData.Narrow, InputData.Wide, InputData.Bar)]
    public string Inputs { get; set; } = InputData.Narrow;

    /// <summary>This activation's peers for <typeparamref name="T"/>.</summary>
    public abstract ActivationTable<T> Peers { get; }

    /// <inheritdoc/>
    IActivationTable IActivationBenchmarks.Table => Peers;

    /// <summary>The output of the last run (after <see cref="PeerInstance.Publish"/>), for the smoke check.</summary>
    internal ReadOnlySpan<T> Output => _y;

    /// <summary>The input.</summary>
    internal ReadOnlySpan<T> Input => _x;

    /// <summary>The peer set up by the last <c>[GlobalSetup]</c>.</summary>
    internal Peer<T>? Current { get; private set; }

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

    [GlobalSetup(Target = nameof(StableScalar))]
    public void SetupStableScalar() => Setup(PeerKind.StableScalar);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.StableScalar))]
    public void StableScalar() => _run();

    [GlobalSetup(Target = nameof(TensorPrimitives))]
    public void SetupTensorPrimitives() => Setup(PeerKind.TensorPrimitives);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.TensorPrimitives))]
    public void TensorPrimitives() => _run();

    [GlobalSetup(Target = nameof(OnnxRuntime))]
    public void SetupOnnxRuntime() => Setup(PeerKind.OnnxRuntime);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.OnnxRuntime))]
    public void OnnxRuntime() => _run();

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorchSharp() => Setup(PeerKind.TorchSharp);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.TorchSharp))]
    public void TorchSharp() => _run();

    [GlobalSetup(Target = nameof(CopyTo))]
    public void SetupCopyTo() => Setup(PeerKind.CopyTo);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.CopyTo))]
    public void CopyTo() => _run();

    [GlobalSetup(Target = nameof(Relu))]
    public void SetupRelu() => Setup(PeerKind.Relu);

    [Benchmark]
    [BenchmarkCategory(nameof(PeerKind.Relu))]
    public void Relu() => _run();

    /// <summary>Frees the peer's temporaries, sessions and tensors.</summary>
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
        Peer<T> peer = Peers[kind];
        if (Peers.WhyUnavailable(kind) is { } reason)
        {
            throw new InvalidOperationException($"{Peers.Activation}<{typeof(T).Name}> {kind} cannot run here: {reason}");
        }

        BenchmarkConfig.CheckPaths(kind);
        _x = InputData.Uniform<T>(Length, Inputs);
        if (Peers.InputMap is { } map)
        {
            for (int i = 0; i < _x.Length; i++)
            {
                _x[i] = T.CreateChecked(map.Map(double.CreateChecked(_x[i])));
            }
        }

        _y = new T[Length];
        _peer = peer.Create(new PeerBuffers<T>(_x, _y));
        _run = _peer.Run;
        Current = peer;
        _run(); // First call outside the measurement: lazy initialisation in foreign libraries, page faults of _y.
        JitWarmUp.Run(_run);
    }
}
