using System;
using FusedActivations.Peers;
using static TorchSharp.torch;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// PyTorch's CPU kernel, <c>torch.nn.functional.softplus(x, beta, threshold)</c> with the run's β and threshold, through
/// TorchSharp (float and double tensors). libtorch runs single-threaded, on one chunk at a time (calls are serialized), with
/// its own tensors per chunk.
/// </summary>
internal sealed class PyTorchKernel : IAccuracyKernelDouble
{
    public const string KernelName = "pytorch";

    private readonly SoftplusParameters _parameters;
    private readonly Func<Tensor, Tensor> _softplus;

    // libtorch failed after some 10^8 inputs in c10::Scalar::toFloat (a garbage beta or threshold), with one thread
    // as with two: TorchSharp's native scalars for beta and threshold appear to be finalized while the call still uses
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
                TorchSharpOps.Apply(_softplus, x, destination);
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

    private PyTorchKernel(SoftplusParameters parameters)
    {
        _parameters = parameters;
        _softplus = TorchSharpOps.Softplus(parameters.Beta, parameters.Threshold);
    }

    public string Name => KernelName;

    public string Description =>
        $"{TorchSharpRuntime.Label}: torch.nn.functional.softplus(x, beta: {_parameters.Beta:R}, threshold: {_parameters.Threshold:R}), 1 thread";

    /// <summary>The kernel for the run; throws <see cref="KernelUnavailableException"/> if TorchSharp's natives do not load.</summary>
    public static PyTorchKernel Create(SoftplusParameters parameters)
    {
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new KernelUnavailableException(KernelName, reason);
        }

        return KernelUnavailableException.Probe(KernelName, () => new PyTorchKernel(parameters));
    }

    public void Softplus(ReadOnlySpan<float> x, Span<float> destination) => Call(x, destination);

    public void Softplus(ReadOnlySpan<double> x, Span<double> destination) => Call(x, destination);
}
