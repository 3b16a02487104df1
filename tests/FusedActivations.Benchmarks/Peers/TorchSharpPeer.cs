using System;
using System.Numerics;
using FusedActivations.Peers;
using static TorchSharp.torch;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// PyTorch's CPU kernel of an activation through TorchSharp as a benchmark column, on one thread
/// (<see cref="TorchSharpRuntime.UseOneThread"/>; loading the natives: <see cref="TorchSharpNatives"/>).
/// </summary>
/// <remarks>
/// The input tensor is made once from the benchmark's input. TorchSharp has no <c>out=</c> or in-place variant of most
/// activations (Softplus included), so each run allocates the result tensor, as a PyTorch user's call does, and frees it
/// at once; that fixed cost (~2.5 µs) dominates at 1 Ki elements. The result is not copied back in the timed run.
/// </remarks>
public static class TorchSharpPeer
{
    /// <summary>The package version measured (TorchSharp-cpu; libtorch: <see cref="PeerVersions.LibTorch"/>).</summary>
    public static string Version => PeerVersions.TorchSharp;

    /// <summary>A peer computing <paramref name="op"/> with PyTorch.</summary>
    public static Peer<T> Unary<T>(string description, Func<Tensor, Tensor> op, Func<T, T> reference)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(PeerKind.TorchSharp, $"PyTorch (TorchSharp-cpu {Version}) {description}", buffers => Create(op, buffers), reference, TorchSharpRuntime.WhyUnavailable);

    private static PeerInstance Create<T>(Func<Tensor, Tensor> op, PeerBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        TorchSharpRuntime.UseOneThread();
        Tensor x = TorchSharpOps.ToTensor(buffers.X);
        return new PeerInstance(
            run: () => op(x).Dispose(),
            publish: () =>
            {
                using Tensor y = op(x);
                y.data<T>().CopyTo(buffers.Y);
            },
            resources: x);
    }
}
