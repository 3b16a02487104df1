using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// A scalar function applied element by element, float and double, with the run's parameters: <c>fusedmath</c> (the
/// accuracy the generated kernels aim for) and <c>naive</c> (the textbook formula in the element type).
/// </summary>
internal sealed class ScalarKernel(string name, string description, ActivationParameters parameters,
    Func<float, ActivationParameters, float> floatFunction, Func<double, ActivationParameters, double> doubleFunction) : IAccuracyKernelDouble
{
    public string Name => name;

    public string Description => description;

    public void Evaluate(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = floatFunction(x[i], parameters);
        }
    }

    public void Evaluate(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = doubleFunction(x[i], parameters);
        }
    }
}
