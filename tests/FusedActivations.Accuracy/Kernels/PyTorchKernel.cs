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

    // One call at a time: with two threads calling softplus concurrently, libtorch failed after some 10^8 inputs in
    // c10::Scalar::toFloat (a garbage beta or threshold). libtorch runs one thread per call anyway (UseOneThread).
    private readonly object _gate = new();

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

    public void Softplus(ReadOnlySpan<float> x, Span<float> destination)
    {
        lock (_gate)
        {
            TorchSharpOps.Apply(_softplus, x, destination);
        }
    }

    public void Softplus(ReadOnlySpan<double> x, Span<double> destination)
    {
        lock (_gate)
        {
            TorchSharpOps.Apply(_softplus, x, destination);
        }
    }
}
