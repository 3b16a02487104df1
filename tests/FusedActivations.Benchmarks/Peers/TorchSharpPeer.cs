using System;
using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// PyTorch's CPU kernel of an activation through TorchSharp, on one thread (<c>torch.set_num_threads(1)</c>).
/// </summary>
/// <remarks>
/// The input tensor is made once from the benchmark's input. TorchSharp has no <c>out=</c> or in-place variant of most
/// activations (Softplus included), so each run allocates the result tensor, as a PyTorch user's call does, and frees it
/// at once; that fixed cost (~2.5 µs) dominates at 1 Ki elements. The result is not copied back in the timed run.
/// </remarks>
public static class TorchSharpPeer
{
    /// <summary>The package version measured (TorchSharp-cpu, libtorch 2.10.0).</summary>
    public const string Version = "0.107.0";

    private static readonly object s_gate = new();
    private static bool s_threadsSet;

    /// <summary>A peer computing <paramref name="op"/> with PyTorch.</summary>
    public static Peer<T> Unary<T>(string description, Func<Tensor, Tensor> op, Func<T, T> reference)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(PeerKind.TorchSharp, $"PyTorch (TorchSharp-cpu {Version}) {description}", buffers => Create(op, buffers), reference, WhyUnavailable);

    /// <summary>Null when TorchSharp's native library loads here (patching it if needed), otherwise why not.</summary>
    public static string? WhyUnavailable() => TorchSharpNatives.TryRegister();

    private static PeerInstance Create<T>(Func<Tensor, Tensor> op, PeerBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        SingleThreaded();
        Tensor x = typeof(T) == typeof(float) ? torch.tensor((float[])(object)buffers.X)
            : typeof(T) == typeof(double) ? torch.tensor((double[])(object)buffers.X)
            : throw new NotSupportedException(typeof(T).Name);
        return new PeerInstance(
            run: () => op(x).Dispose(),
            publish: () =>
            {
                using Tensor y = op(x);
                y.data<T>().CopyTo(buffers.Y);
            },
            resources: x);
    }

    private static void SingleThreaded()
    {
        lock (s_gate)
        {
            if (!s_threadsSet)
            {
                torch.set_num_threads(1);
                try
                {
                    torch.set_num_interop_threads(1);
                }
                catch (ExternalException)
                {
                    // Can only be set before the first parallel work; intra-op threads are what matter for one op.
                }

                s_threadsSet = true;
            }
        }
    }
}
