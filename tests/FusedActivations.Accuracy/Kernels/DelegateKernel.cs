using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>Wraps generated span methods (float, optionally double) as a kernel.</summary>
internal sealed class DelegateKernel(string name, string description, FloatSpanKernel kernel, DoubleSpanKernel? doubleKernel) : IAccuracyKernelDouble
{
    public string Name => name;

    public string Description => description;

    public void Evaluate(ReadOnlySpan<float> x, Span<float> destination) => kernel(x, destination);

    public void Evaluate(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (doubleKernel is null)
        {
            throw new NotSupportedException($"Kernel '{name}' has no double entry point.");
        }

        doubleKernel(x, destination);
    }
}
