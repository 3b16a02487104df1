using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// The implementations every activation is measured with. Each has one <c>[Benchmark]</c> method in
/// <see cref="Benchmarks.ActivationBenchmarks{T}"/>; an activation's <see cref="ActivationTable{T}"/> says how each is done.
/// </summary>
public enum PeerKind
{
    /// <summary>Our generated kernel (the baseline of every ratio).</summary>
    Ours,

    /// <summary>The textbook formula in a scalar loop, e.g. <c>MathF.Log(1 + MathF.Exp(b*x))/b</c>.</summary>
    NaiveScalar,

    /// <summary>The accurate scalar function of the runtime library (<see cref="FusedMath"/>) in a loop.</summary>
    StableScalar,

    /// <summary>The formula composed of System.Numerics.Tensors <c>TensorPrimitives</c> calls with preallocated temporaries.</summary>
    TensorPrimitives,

    /// <summary>ONNX Runtime's CPU operator on a single-node model, bound to preallocated buffers, one thread.</summary>
    OnnxRuntime,

    /// <summary>PyTorch's CPU kernel through TorchSharp, one thread.</summary>
    TorchSharp,

    /// <summary>Roofline: <c>Span&lt;T&gt;.CopyTo</c> of the same length (memory traffic alone).</summary>
    CopyTo,

    /// <summary>Roofline: <c>TensorPrimitives.Max(x, 0)</c>, the cheapest elementwise activation (ReLU).</summary>
    Relu,

    /// <summary>
    /// A fused kernel's bar (issue 12): our kernel of its activation alone (e.g. <c>[Silu]</c> for SwiGLU) on the same
    /// length, reading one input instead of the formula's inputs.
    /// </summary>
    SingleActivation,
}

/// <summary>The buffers a peer runs on: the benchmark's input and output arrays, preallocated once per length.</summary>
public sealed class PeerBuffers<T>(T[] x, T[] y)
{
    /// <summary>The input.</summary>
    public T[] X { get; } = x;

    /// <summary>Where the result goes (or is copied to by <see cref="PeerInstance.Publish"/>).</summary>
    public T[] Y { get; } = y;

    /// <summary>The number of elements.</summary>
    public int Length => X.Length;
}

/// <summary>One peer set up on one pair of buffers: <see cref="Run"/> is what the benchmark times.</summary>
public sealed class PeerInstance(Action run, Action? publish = null, IDisposable? resources = null) : IDisposable
{
    /// <summary>Computes the activation of the input once.</summary>
    public Action Run { get; } = run;

    /// <summary>
    /// Makes the last result visible in the output buffer, for peers whose result lives elsewhere (TorchSharp returns a new
    /// tensor). Not timed. Does nothing for peers that write the output buffer directly.
    /// </summary>
    public Action Publish { get; } = publish ?? (static () => { });

    /// <inheritdoc/>
    public void Dispose() => resources?.Dispose();
}

/// <summary>How one peer computes one activation for element type <typeparamref name="T"/>.</summary>
/// <param name="Kind">Which column it fills.</param>
/// <param name="Label">What exactly is measured, e.g. <c>ONNX Runtime 1.31.1 Softplus (β = 1)</c>.</param>
/// <param name="Create">Sets the peer up on the given buffers (allocating its temporaries, sessions, tensors).</param>
/// <param name="Reference">What the peer should compute for one element (accurate), for the smoke check; NaN where the
/// peer is known to fail (e.g. a naive formula's cancellation) and is not checked.</param>
/// <param name="Unavailable">Null when the peer can run here, otherwise why not (checked before anything is set up).</param>
public sealed record Peer<T>(
    PeerKind Kind,
    string Label,
    Func<PeerBuffers<T>, PeerInstance> Create,
    Func<T, T> Reference,
    Func<string?>? Unavailable = null)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A peer that is a plain span-to-span function.</summary>
    public static Peer<T> FromSpan(PeerKind kind, string label, SpanAction<T> kernel, Func<T, T> reference) =>
        new(kind, label, buffers => new PeerInstance(() => kernel(buffers.X, buffers.Y)), reference);
}

/// <summary>A span-to-span kernel.</summary>
public delegate void SpanAction<T>(ReadOnlySpan<T> x, Span<T> destination);

/// <summary>Untyped view of an <see cref="ActivationTable{T}"/>, for filters and reports.</summary>
public interface IActivationTable
{
    /// <summary>The activation's name, e.g. <c>Softplus</c>.</summary>
    string Activation { get; }

    /// <summary>The element type.</summary>
    Type ElementType { get; }

    /// <summary>The peers this activation has, in column order.</summary>
    IReadOnlyList<PeerKind> Kinds { get; }

    /// <summary>The peer's label, or null when the activation has no such peer.</summary>
    string? Label(PeerKind kind);

    /// <summary>Null when the peer exists and can run here, otherwise why not.</summary>
    string? WhyUnavailable(PeerKind kind);

    /// <summary>
    /// The arrays of the length the peer reads and writes per call, for GB/s: 2 for an activation (its input and output);
    /// a fused formula counts each elementwise input (a broadcast one stays in cache).
    /// </summary>
    int Streams(PeerKind kind) => 2;
}

/// <summary>
/// Every peer of one activation for one element type. A new activation is one table (plus a two-line benchmark class);
/// a new peer for an existing kind is one entry.
/// </summary>
public sealed class ActivationTable<T> : IActivationTable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<PeerKind, Peer<T>> _peers;
    private readonly Dictionary<PeerKind, string?> _availability = [];

    /// <summary>Creates the table.</summary>
    public ActivationTable(string activation, params Peer<T>[] peers)
    {
        Activation = activation;
        _peers = peers.ToDictionary(p => p.Kind);
    }

    /// <inheritdoc/>
    public string Activation { get; }

    /// <inheritdoc/>
    public Type ElementType => typeof(T);

    /// <summary>
    /// Maps each input x of the range to the activation's argument (null: x itself), with its description: for an
    /// activation defined on part of the line only (InverseSoftplus: y &gt; 0).
    /// </summary>
    public (string Text, Func<double, double> Map)? InputMap { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<PeerKind> Kinds => [.. _peers.Keys.Order()];

    /// <summary>The peer of the given kind; throws if this activation has none.</summary>
    public Peer<T> this[PeerKind kind] =>
        _peers.TryGetValue(kind, out Peer<T>? peer) ? peer : throw new NotSupportedException($"{Activation}<{typeof(T).Name}> has no {kind} peer.");

    /// <inheritdoc/>
    public string? Label(PeerKind kind) => _peers.TryGetValue(kind, out Peer<T>? peer) ? peer.Label : null;

    /// <inheritdoc/>
    public string? WhyUnavailable(PeerKind kind)
    {
        lock (_availability)
        {
            if (!_availability.TryGetValue(kind, out string? reason))
            {
                reason = _peers.TryGetValue(kind, out Peer<T>? peer) ? Probe(peer) : $"{Activation} has no {kind} peer";
                _availability[kind] = reason;
            }

            return reason;
        }
    }

    /// <summary>
    /// The environment variable listing peer kinds to leave out, comma-separated (e.g. <c>TorchSharp,OnnxRuntime</c>):
    /// an escape hatch for machines where a foreign native library crashes instead of failing to load.
    /// </summary>
    public const string SkipVariable = "FUSEDACTIVATIONS_BENCH_SKIP";

    /// <summary>Sets the peer up on 16 elements and runs it once: any failure is the reason it is unavailable.</summary>
    private static string? Probe(Peer<T> peer) =>
        PeerProbe.WhyUnavailable(peer.Kind, peer.Unavailable, () =>
        {
            T[] x = new T[16];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = T.CreateTruncating(i - 8);
            }

            return peer.Create(new PeerBuffers<T>(x, new T[x.Length]));
        });
}

/// <summary>Whether a peer can run here: the probe every table runs once per peer.</summary>
public static class PeerProbe
{
    /// <summary>
    /// Null when the peer is not left out by <see cref="ActivationTable{T}.SkipVariable"/>, says it is available, and sets up
    /// (<paramref name="createSmall"/>, on a few elements), runs and publishes without an exception; otherwise why not.
    /// </summary>
    public static string? WhyUnavailable(PeerKind kind, Func<string?>? unavailable, Func<PeerInstance> createSmall)
    {
        string[] skipped = (Environment.GetEnvironmentVariable(ActivationTable<float>.SkipVariable) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (skipped.Contains(kind.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return $"left out by {ActivationTable<float>.SkipVariable}";
        }

        try
        {
            if (unavailable?.Invoke() is { } reason)
            {
                return reason;
            }

            using PeerInstance instance = createSmall();
            instance.Run();
            instance.Publish();
            return null;
        }
#pragma warning disable CA1031 // Any failure of a foreign library means the column stays empty, with the reason printed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }
}
