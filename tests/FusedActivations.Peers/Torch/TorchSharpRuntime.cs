using System;
using TorchSharp;

namespace FusedActivations.Peers;

/// <summary>Whether PyTorch (TorchSharp) can run here, and running it single-threaded.</summary>
public static class TorchSharpRuntime
{
    private static readonly object s_gate = new();
    private static volatile int s_threads; // 0 until the first UseThreads/UseOneThread of the process

    /// <summary>What is measured, e.g. <c>PyTorch 2.10.0 (TorchSharp-cpu 0.107.0)</c>.</summary>
    public static string Label => $"PyTorch {PeerVersions.LibTorch} (TorchSharp-cpu {PeerVersions.TorchSharp})";

    /// <summary>
    /// Null when TorchSharp's native library loads here (copying and patching it on first use, see
    /// <see cref="TorchSharpNatives"/>), otherwise why not.
    /// </summary>
    public static string? WhyUnavailable() => TorchSharpNatives.TryRegister();

    /// <summary>
    /// Makes libtorch run each operation on the calling thread alone (<c>torch.set_num_threads(1)</c>, once per process):
    /// a single-threaded kernel is what the peers are compared as, and results then do not depend on how libtorch would
    /// split the work. The setting also holds on threads that call libtorch later (checked: a new thread's
    /// <c>torch.get_num_threads()</c> is 1), so parallel callers each run single-threaded. Loads the natives first (without
    /// <see cref="TorchSharpNatives"/>, TorchSharp's own loader fails here); throws if they cannot load.
    /// </summary>
    public static void UseOneThread() => UseThreads(1);

    /// <summary>
    /// Sets libtorch's intra-op threads to <paramref name="threads"/> (1: see <see cref="UseOneThread"/>; more: the peer
    /// of a parallel kernel on as many cores). The first call in a process also sets the inter-op pool to one thread:
    /// libtorch accepts that only once and before any parallel work, and it terminates the process (a C++ exception
    /// that does not reach .NET) when asked again, so it is never asked again.
    /// </summary>
    public static void UseThreads(int threads)
    {
        if (s_threads == threads)
        {
            return;
        }

        if (WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException($"TorchSharp cannot be used here: {reason}");
        }

        lock (s_gate)
        {
            if (s_threads == threads)
            {
                return;
            }

            if (s_threads == 0)
            {
                torch.set_num_interop_threads(1);
            }

            torch.set_num_threads(threads);
            s_threads = threads;
        }
    }
}
