using System;
using System.Numerics.Tensors;
using System.Reflection;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// What a user would write with System.Numerics.Tensors today: the stable formula composed from TensorPrimitives
/// operations with temporaries, <c>max(x, 0) + log(1 + exp(-|beta x|)) / beta</c> (Add 1 then Log is exactly what
/// <c>TensorPrimitives.LogP1</c> does), then the threshold rule. Unfused, so each step rounds.
/// </summary>
internal sealed class TensorPrimitivesKernel(SoftplusParameters parameters) : IAccuracyKernelDouble
{
    private readonly float _beta = (float)parameters.Beta;
    private readonly float _threshold = (float)parameters.Threshold;

    public string Name => "tensorprimitives";

    public string Description =>
        $"System.Numerics.Tensors {Version} TensorPrimitives: max(x, 0) + Log(Exp(-|βx|) + 1)/β in 9 passes with temporaries, then the threshold rule";

    /// <summary>The package version (informational version without the commit), e.g. 10.0.12.</summary>
    private static string Version =>
        typeof(TensorPrimitives).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";

    public void Softplus(ReadOnlySpan<float> x, Span<float> destination)
    {
        // Temporaries per call: the accuracy command passes chunks, so these are a few hundred KiB at most.
        float[] bx = new float[x.Length];
        float[] tail = new float[x.Length];
        TensorPrimitives.Multiply(x, _beta, bx);
        TensorPrimitives.Abs(bx, tail);
        TensorPrimitives.Negate(tail, tail);
        TensorPrimitives.Exp(tail, tail);
        TensorPrimitives.Add(tail, 1f, tail);
        TensorPrimitives.Log(tail, tail);
        TensorPrimitives.Divide(tail, _beta, tail);
        TensorPrimitives.Max(x, 0f, destination);
        TensorPrimitives.Add(destination, tail, destination);
        for (int i = 0; i < x.Length; i++)
        {
            if (bx[i] > _threshold)
            {
                destination[i] = x[i];
            }
        }
    }

    public void Softplus(ReadOnlySpan<double> x, Span<double> destination)
    {
        double beta = parameters.Beta;
        double[] bx = new double[x.Length];
        double[] tail = new double[x.Length];
        TensorPrimitives.Multiply(x, beta, bx);
        TensorPrimitives.Abs(bx, tail);
        TensorPrimitives.Negate(tail, tail);
        TensorPrimitives.Exp(tail, tail);
        TensorPrimitives.Add(tail, 1.0, tail);
        TensorPrimitives.Log(tail, tail);
        TensorPrimitives.Divide(tail, beta, tail);
        TensorPrimitives.Max(x, 0.0, destination);
        TensorPrimitives.Add(destination, tail, destination);
        for (int i = 0; i < x.Length; i++)
        {
            if (bx[i] > parameters.Threshold)
            {
                destination[i] = x[i];
            }
        }
    }
}
