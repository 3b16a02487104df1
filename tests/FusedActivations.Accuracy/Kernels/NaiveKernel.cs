using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// The textbook formula <c>log(1 + exp(beta x)) / beta</c> in the element type, with PyTorch's threshold: the baseline
/// that shows what the stable formula buys (it overflows for large beta x and loses small results to 1 + tiny).
/// </summary>
internal sealed class NaiveKernel(SoftplusParameters parameters) : IAccuracyKernelDouble
{
    private readonly float _beta = (float)parameters.Beta;
    private readonly float _threshold = (float)parameters.Threshold;

    public string Name => "naive";

    public string Description => "log(1 + exp(βx))/β in the element type (MathF / Math), scalar, with the threshold rule";

    public void Softplus(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float bx = _beta * x[i];
            destination[i] = bx > _threshold ? x[i] : MathF.Log(1f + MathF.Exp(bx)) / _beta;
        }
    }

    public void Softplus(ReadOnlySpan<double> x, Span<double> destination)
    {
        double beta = parameters.Beta;
        for (int i = 0; i < x.Length; i++)
        {
            double bx = beta * x[i];
            destination[i] = bx > parameters.Threshold ? x[i] : Math.Log(1.0 + Math.Exp(bx)) / beta;
        }
    }
}
