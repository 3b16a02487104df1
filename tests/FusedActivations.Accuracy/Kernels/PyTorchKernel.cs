using System;
using FusedActivations.Peers;
using static TorchSharp.torch;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// PyTorch's CPU kernel, <c>torch.nn.functional.softplus(x, beta, threshold)</c> with the run's β and threshold, through
/// TorchSharp (float and double tensors). Each calling thread runs libtorch single-threaded and makes its own tensors per
/// chunk, so the command's parallel chunks neither share state nor depend on how libtorch would split the work.
/// </summary>
internal sealed class PyTorchKernel : IAccuracyKernelDouble
{
    public const string KernelName = "pytorch";

    private readonly SoftplusParameters _parameters;
    private readonly Func<Tensor, Tensor> _softplus;

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

    public void Softplus(ReadOnlySpan<float> x, Span<float> destination) => TorchSharpOps.Apply(_softplus, x, destination);

    public void Softplus(ReadOnlySpan<double> x, Span<double> destination) => TorchSharpOps.Apply(_softplus, x, destination);
}
