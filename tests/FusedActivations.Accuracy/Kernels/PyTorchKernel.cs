using System;
using FusedActivations.Peers;
using static TorchSharp.torch;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// PyTorch's CPU kernel of the run's activation (e.g. <c>torch.nn.functional.softplus(x, beta, threshold)</c> with the
/// run's β and threshold; see <see cref="Activation.PyTorch"/>), through TorchSharp (float and double tensors). libtorch
/// runs single-threaded, on one chunk at a time (calls are serialized), with its own tensors per chunk.
/// </summary>
internal sealed class PyTorchKernel : IAccuracyKernelDouble
{
    public const string KernelName = "pytorch";

    private readonly string _call;
    private readonly Func<Tensor, Tensor> _operation;

    // libtorch failed after some 10^8 inputs in c10::Scalar::toFloat (a garbage beta or threshold of Softplus), with one
    // thread as with two: TorchSharp's native scalars for beta and threshold appear to be finalized while the call still uses
    // them when a garbage collection happens during it. Calls are serialized, and each runs in a no-GC region.
    private readonly object _gate = new();

    private void Call<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged
    {
        lock (_gate)
        {
            bool noGc = GC.TryStartNoGCRegion(64L << 20);
            try
            {
                TorchSharpOps.Apply(_operation, x, destination);
            }
            finally
            {
                if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }
    }

    private PyTorchKernel(PyTorchForm form, ActivationParameters parameters)
    {
        _call = form.Call(parameters);
        _operation = form.Operation(parameters);
    }

    public string Name => KernelName;

    public string Description => $"{TorchSharpRuntime.Label}: {_call}, 1 thread";

    /// <summary>The kernel for the run; throws <see cref="KernelUnavailableException"/> if TorchSharp's natives do not load.</summary>
    public static PyTorchKernel Create(PyTorchForm form, ActivationParameters parameters)
    {
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new KernelUnavailableException(KernelName, reason);
        }

        return KernelUnavailableException.Probe(KernelName, () => new PyTorchKernel(form, parameters));
    }

    public void Evaluate(ReadOnlySpan<float> x, Span<float> destination) => Call(x, destination);

    public void Evaluate(ReadOnlySpan<double> x, Span<double> destination) => Call(x, destination);
}
