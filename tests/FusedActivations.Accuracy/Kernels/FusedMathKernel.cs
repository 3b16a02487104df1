using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>The scalar <see cref="FusedMath.Softplus(float, float, float)"/>: the accuracy the generated kernels aim for.</summary>
internal sealed class FusedMathKernel(SoftplusParameters parameters) : IAccuracyKernelDouble
{
    private readonly float _beta = (float)parameters.Beta;
    private readonly float _threshold = (float)parameters.Threshold;

    public string Name => "fusedmath";

    public string Description => "FusedMath.Softplus(x, β, threshold), scalar (float: evaluated in double, rounded once)";

    public void Softplus(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FusedMath.Softplus(x[i], _beta, _threshold);
        }
    }

    public void Softplus(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FusedMath.Softplus(x[i], parameters.Beta, parameters.Threshold);
        }
    }
}
