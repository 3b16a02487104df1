using System;
using FusedActivations.Peers;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// ONNX Runtime's CPU <c>Softplus</c> operator (float only: the CPU provider has no double Softplus) on a single-node
/// model, one intra-op thread per run. ONNX's Softplus is <c>log(exp(x) + 1)</c> with neither β nor a threshold: the
/// kernel runs only with --beta 1 and is compared against the reference without cut-off (<see cref="HasThreshold"/> false).
/// </summary>
internal sealed class OnnxRuntimeKernel : IAccuracyKernel, IDisposable
{
    public const string KernelName = "onnxruntime";

    // One session for all threads: ONNX Runtime allows concurrent runs, and Compute binds each call's spans separately.
    private readonly OnnxUnaryOperator<float> _softplus = new("Softplus");

    private OnnxRuntimeKernel()
    {
    }

    public string Name => KernelName;

    public string Description => $"ONNX Runtime {PeerVersions.OnnxRuntime} Softplus operator (CPU provider, 1 thread; no β, no threshold)";

    public bool HasThreshold => false;

    /// <summary>The kernel for the run; refuses β ≠ 1, throws <see cref="KernelUnavailableException"/> if ONNX Runtime cannot run.</summary>
    public static OnnxRuntimeKernel Create(ActivationParameters parameters)
    {
        if (parameters.Parameter != 1)
        {
            throw new ArgumentException(
                $"Kernel '{KernelName}' is ONNX's Softplus, which has no beta (it is beta 1): run it with --beta 1, not --beta {parameters.Parameter}.");
        }

        return KernelUnavailableException.Probe(KernelName, static () => new OnnxRuntimeKernel());
    }

    public void Evaluate(ReadOnlySpan<float> x, Span<float> destination) => _softplus.Compute(x, destination);

    public void Dispose() => _softplus.Dispose();
}
