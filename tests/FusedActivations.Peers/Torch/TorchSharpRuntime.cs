using System;
using System.Runtime.InteropServices;
using TorchSharp;

namespace FusedActivations.Peers;

/// <summary>Whether PyTorch (TorchSharp) can run here, and running it single-threaded.</summary>
public static class TorchSharpRuntime
{
    private static readonly object s_gate = new();
    private static volatile bool s_singleThreaded;

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
    public static void UseOneThread()
    {
        if (s_singleThreaded)
        {
            return;
        }

        if (WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException($"TorchSharp cannot be used here: {reason}");
        }

        lock (s_gate)
        {
            if (s_singleThreaded)
            {
                return;
            }

            torch.set_num_threads(1);
            try
            {
                torch.set_num_interop_threads(1);
            }
            catch (ExternalException)
            {
                // Can only be set before the first parallel work; intra-op threads are what matter for one op.
            }

            s_singleThreaded = true;
        }
    }
}
