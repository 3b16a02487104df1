using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Peers;
using TorchSharp;
using static TorchSharp.torch;
using Tp = System.Numerics.Tensors.TensorPrimitives;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// Issue 12's fused kernels (float) and what each is measured against: the same chain unfused (TensorPrimitives passes
/// around our own activation kernel), our activation kernel alone on the same length (the bar at 4 Mi), PyTorch's
/// expression through TorchSharp (one thread, broadcasting bias as a [channels] tensor against [rows, channels]) and a
/// scalar loop calling the formula method. Every peer is smoke-checked against the formula method itself (the accurate
/// scalar value: <see cref="FusedMath"/> computes in double and rounds once).
/// </summary>
/// <remarks>
/// Shapes: the elementwise inputs are rows × <see cref="Channels"/>, row-major (64 Ki = 64 rows, 4 Mi = 4096 rows); a bias
/// has one value per channel, uniform over <see cref="BiasRange"/>; SwiGLU's <c>b</c> is a second array over the run's input
/// range, drawn with <see cref="SecondSeed"/>. A new fused kernel: its formula and <c>[Fused]</c> declaration in
/// OurFusedKernels.cs, one entry in <see cref="All"/> and one line in Benchmarks/FusedBenchmarks.cs.
/// </remarks>
public static class FusedPeers
{
    /// <summary>
    /// Channels per row: the width of a dense layer's output (BERT-large's hidden size is 1024; its FFN, 4096), so a bias
    /// row is 4 KiB and the chain's per-row <c>TensorPrimitives.Add</c> calls are long enough not to be call overhead.
    /// </summary>
    public const int Channels = 1024;

    /// <summary>The per-channel bias: uniform over [−1, 1], the scale of a trained layer's biases.</summary>
    public const string BiasRange = "[-1, 1]";

    /// <summary>The seed of a formula's second input (the bias, or SwiGLU's <c>b</c>): not a copy of the first.</summary>
    public const int SecondSeed = InputData.Seed + 1;

    /// <summary>Every fused kernel, in the order of the tables.</summary>
    public static readonly IReadOnlyList<FusedKernel> All =
    [
        new FusedKernel("Scale", "softplus(raw + bias, β = 2) + 1e-6", "raw, bias", broadcast: true, OurFusedKernels.Scale, OurFusedKernels.Scale, ScaleLoop)
            .Chain("Add(raw row, bias) per row, [Softplus(Beta = 2)], Add(1e-6): 3 passes over the destination", ScaleChain)
            .Single("[Softplus(Beta = 2)] on raw", OurKernels.SoftplusBeta2Float, static x => FusedMath.Softplus(x, 2f))
            .Torch("softplus(raw + bias, beta: 2) + 1e-6", static (raw, bias) => nn.functional.softplus(raw + bias, 2, 20) + 1e-6),
        new FusedKernel("SwiGlu", "silu(a) * b", "a, b", broadcast: false, OurFusedKernels.SwiGlu, OurFusedKernels.SwiGlu, SwiGluLoop)
            .Chain("[Silu] of a, Multiply by b: 2 passes over the destination", SwiGluChain)
            .Single("[Silu] on a", OurKernels.SiluFloat, FusedMath.Silu)
            .Torch("silu(a) * b", static (a, b) => nn.functional.silu(a) * b),
        new FusedKernel("BiasGelu", "gelu(x + bias)", "x, bias", broadcast: true, OurFusedKernels.BiasGelu, OurFusedKernels.BiasGelu, BiasGeluLoop)
            .Chain("Add(x row, bias) per row, [Gelu]: 2 passes over the destination", BiasGeluChain)
            .Single("[Gelu] on x", OurKernels.GeluFloat, FusedMath.Gelu)
            .Torch("gelu(x + bias)", static (x, bias) => nn.functional.gelu(x + bias)),
    ];

    /// <summary>Whether <paramref name="activation"/> (a table's name) is a fused kernel's.</summary>
    public static bool IsFused(string activation) => All.Any(k => k.Activation == activation);

    /// <summary>The kernel named <paramref name="activation"/>.</summary>
    public static FusedKernel Find(string activation) =>
        All.FirstOrDefault(k => k.Activation == activation) ?? throw new ArgumentException($"No fused kernel named {activation}.", nameof(activation));

    // ---- The chains: what a .NET user writes today, one pass per operation, our activation kernel for the activation.
    // Each step writes the destination (the kernels allow exactly in place), so no temporary is needed: the chain's
    // fastest form. ----

    private static void ScaleChain(FusedBuffers b)
    {
        Span<float> y = b.Y;
        for (int row = 0; row < b.Rows; row++)
        {
            Tp.Add(b.First.AsSpan(row * b.Channels, b.Channels), b.Second, y.Slice(row * b.Channels, b.Channels));
        }

        OurKernels.SoftplusBeta2Float(y, y);
        Tp.Add(y, 1e-6f, y);
    }

    private static void SwiGluChain(FusedBuffers b)
    {
        OurKernels.SiluFloat(b.First, b.Y);
        Tp.Multiply(b.Y, b.Second, b.Y);
    }

    private static void BiasGeluChain(FusedBuffers b)
    {
        Span<float> y = b.Y;
        for (int row = 0; row < b.Rows; row++)
        {
            Tp.Add(b.First.AsSpan(row * b.Channels, b.Channels), b.Second, y.Slice(row * b.Channels, b.Channels));
        }

        OurKernels.GeluFloat(y, y);
    }

    // ---- The scalar loops: the formula method called element by element, rows and channels as a user writes them. ----

    private static void ScaleLoop(FusedBuffers b)
    {
        float[] raw = b.First, bias = b.Second, y = b.Y;
        for (int row = 0, i = 0; row < b.Rows; row++)
        {
            for (int c = 0; c < bias.Length; c++, i++)
            {
                y[i] = OurFusedKernels.Scale(raw[i], bias[c]);
            }
        }
    }

    private static void SwiGluLoop(FusedBuffers b)
    {
        float[] a = b.First, gate = b.Second, y = b.Y;
        for (int i = 0; i < a.Length; i++)
        {
            y[i] = OurFusedKernels.SwiGlu(a[i], gate[i]);
        }
    }

    private static void BiasGeluLoop(FusedBuffers b)
    {
        float[] x = b.First, bias = b.Second, y = b.Y;
        for (int row = 0, i = 0; row < b.Rows; row++)
        {
            for (int c = 0; c < bias.Length; c++, i++)
            {
                y[i] = OurFusedKernels.BiasGelu(x[i], bias[c]);
            }
        }
    }
}

/// <summary>
/// The buffers a fused peer runs on: the formula's two inputs and the destination, preallocated once per length.
/// <see cref="First"/> and <see cref="Y"/> are rows × <see cref="Channels"/>; <see cref="Second"/> is either as long (an
/// elementwise input) or <see cref="Channels"/> long (a broadcast input, one value per channel).
/// </summary>
public sealed class FusedBuffers(float[] first, float[] second, int channels, float[] y)
{
    /// <summary>The first input (raw, a, x).</summary>
    public float[] First { get; } = first;

    /// <summary>The second input (bias, b).</summary>
    public float[] Second { get; } = second;

    /// <summary>The number of channels (the row length).</summary>
    public int Channels { get; } = channels;

    /// <summary>Where the result goes (or is copied to by <see cref="PeerInstance.Publish"/>).</summary>
    public float[] Y { get; } = y;

    /// <summary>The number of elements.</summary>
    public int Length => First.Length;

    /// <summary>The number of rows.</summary>
    public int Rows => Length / Channels;

    /// <summary>The second input's value at element <paramref name="i"/> (a broadcast input's at its channel).</summary>
    public float SecondAt(int i) => Second.Length == Channels ? Second[i % Channels] : Second[i];
}

/// <summary>How one peer computes one fused formula.</summary>
/// <param name="Kind">Which column it fills.</param>
/// <param name="Label">What exactly is measured.</param>
/// <param name="Create">Sets the peer up on the given buffers.</param>
/// <param name="Reference">What the peer should compute for one element from (first, second), for the smoke check.</param>
/// <param name="Unavailable">Null when the peer can run here, otherwise why not.</param>
public sealed record FusedPeer(PeerKind Kind, string Label, Func<FusedBuffers, PeerInstance> Create, Func<float, float, double> Reference, Func<string?>? Unavailable = null);

/// <summary>A fused kernel over two inputs and one output: <c>(ReadOnlySpan, ReadOnlySpan, Span)</c>.</summary>
public delegate void FusedSpanAction(ReadOnlySpan<float> first, ReadOnlySpan<float> second, Span<float> destination);

/// <summary>
/// One fused kernel (float) and its peers, as a benchmark table: our <c>[Fused]</c> kernel and the formula's scalar loop
/// from the constructor, the rest from <see cref="Chain"/>, <see cref="Single"/> and <see cref="Torch"/>.
/// </summary>
public sealed class FusedKernel : IActivationTable
{
    private readonly Dictionary<PeerKind, FusedPeer> _peers = [];
    private readonly Dictionary<PeerKind, string?> _availability = [];
    private readonly Func<float, float, double> _reference;

    /// <summary>Creates the kernel's table with our kernel and the scalar loop calling <paramref name="formula"/>.</summary>
    /// <param name="activation">The name in reports and of the benchmark class (<c>{Name}Benchmarks</c>).</param>
    /// <param name="formulaText">The formula as written in the tables.</param>
    /// <param name="arguments">The formula method's parameters, e.g. <c>raw, bias</c>.</param>
    /// <param name="broadcast">Whether the second input is a per-channel bias.</param>
    /// <param name="ours">The generated <c>[Fused]</c> kernel.</param>
    /// <param name="formula">The formula method.</param>
    /// <param name="loop">The scalar loop calling the formula method.</param>
    public FusedKernel(string activation, string formulaText, string arguments, bool broadcast, FusedSpanAction ours, Func<float, float, float> formula, Action<FusedBuffers> loop)
    {
        Activation = activation;
        Formula = formulaText;
        IsBroadcast = broadcast;
        _reference = (first, second) => formula(first, second);
        string signature = broadcast ? "(ReadOnlySpan, [Broadcast] ReadOnlySpan, Span)" : "(ReadOnlySpan, ReadOnlySpan, Span)";
        Add(new FusedPeer(PeerKind.Ours, $"generated [Fused(nameof({activation}))] {signature}",
            b => new PeerInstance(() => ours(b.First, b.Second, b.Y)), _reference));
        Add(new FusedPeer(PeerKind.NaiveScalar, $"the formula method {activation}({arguments}) in a scalar loop", b => new PeerInstance(() => loop(b)), _reference));
    }

    /// <inheritdoc/>
    public string Activation { get; }

    /// <summary>The formula, e.g. <c>silu(a) * b</c>.</summary>
    public string Formula { get; }

    /// <summary>Whether the second input is broadcast (one value per channel).</summary>
    public bool IsBroadcast { get; }

    /// <inheritdoc/>
    public Type ElementType => typeof(float);

    /// <inheritdoc/>
    public IReadOnlyList<PeerKind> Kinds => [.. _peers.Keys.Order()];

    /// <summary>The peer of the given kind; throws if there is none.</summary>
    public FusedPeer this[PeerKind kind] =>
        _peers.TryGetValue(kind, out FusedPeer? peer) ? peer : throw new NotSupportedException($"{Activation} has no {kind} peer.");

    /// <summary>Adds the unfused chain (<paramref name="label"/>: what it runs).</summary>
    public FusedKernel Chain(string label, Action<FusedBuffers> chain) =>
        Add(new FusedPeer(PeerKind.TensorPrimitives, label, b => new PeerInstance(() => chain(b)), _reference));

    /// <summary>Adds our activation kernel alone on the first input (the bar at 4 Mi).</summary>
    public FusedKernel Single(string label, SpanAction<float> activation, Func<float, float> reference) =>
        Add(new FusedPeer(PeerKind.SingleActivation, label, b => new PeerInstance(() => activation(b.First, b.Y)), (first, _) => reference(first)));

    /// <summary>Adds PyTorch's expression over the inputs as tensors (<paramref name="description"/>: as written in the tables).</summary>
    public FusedKernel Torch(string description, Func<Tensor, Tensor, Tensor> expression) =>
        Add(new FusedPeer(PeerKind.TorchSharp, $"{TorchSharpRuntime.Label} {description}", b => TorchPeer(expression, b), _reference, TorchSharpRuntime.WhyUnavailable));

    /// <inheritdoc/>
    public string? Label(PeerKind kind) => _peers.TryGetValue(kind, out FusedPeer? peer) ? peer.Label : null;

    /// <inheritdoc/>
    public int Streams(PeerKind kind) => kind == PeerKind.SingleActivation || IsBroadcast ? 2 : 3;

    /// <inheritdoc/>
    public string? WhyUnavailable(PeerKind kind)
    {
        lock (_availability)
        {
            if (!_availability.TryGetValue(kind, out string? reason))
            {
                reason = _peers.TryGetValue(kind, out FusedPeer? peer)
                    ? PeerProbe.WhyUnavailable(kind, peer.Unavailable, () => peer.Create(SmallBuffers()))
                    : $"{Activation} has no {kind} peer";
                _availability[kind] = reason;
            }

            return reason;
        }
    }

    /// <summary>Two rows of three channels, for the availability probe.</summary>
    private FusedBuffers SmallBuffers() =>
        new([-3, -1, 0, 0.5f, 2, 8], IsBroadcast ? [0.25f, -0.5f, 1] : [1, -2, 0.5f, 3, -1, 0.25f], 3, new float[6]);

    private FusedKernel Add(FusedPeer peer)
    {
        _peers[peer.Kind] = peer;
        return this;
    }

    /// <summary>
    /// PyTorch on the inputs as tensors made once: the first as [rows, channels], the second as [channels] (broadcast by
    /// PyTorch) or [rows, channels]. Each run evaluates the expression as a PyTorch user's line does, allocating every
    /// intermediate and the result, and frees them at once (a dispose scope); the result is copied back only by Publish.
    /// </summary>
    private PeerInstance TorchPeer(Func<Tensor, Tensor, Tensor> expression, FusedBuffers b)
    {
        TorchSharpRuntime.UseOneThread();
        Tensor first = tensor(b.First, [b.Rows, b.Channels]);
        Tensor second = IsBroadcast ? tensor(b.Second) : tensor(b.Second, [b.Rows, b.Channels]);
        return new PeerInstance(
            run: () =>
            {
                using DisposeScope scope = NewDisposeScope();
                expression(first, second);
            },
            publish: () =>
            {
                using DisposeScope scope = NewDisposeScope();
                expression(first, second).data<float>().CopyTo(b.Y);
            },
            resources: new Tensors(first, second));
    }

    /// <summary>Frees the input tensors with the peer.</summary>
    private sealed class Tensors(params Tensor[] tensors) : IDisposable
    {
        public void Dispose()
        {
            foreach (Tensor t in tensors)
            {
                t.Dispose();
            }
        }
    }
}
