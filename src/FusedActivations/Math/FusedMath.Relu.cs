using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes ReLU, <c>max(x, 0)</c> (PyTorch's <c>F.relu</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>x where x &gt; 0, else +0 (also for -0); NaN gives NaN. Exact.</returns>
    public static float Relu(float x) => MathF.Max(x, 0f); // IEEE 754-2019 maximum: NaN propagates, max(-0, +0) = +0

    /// <summary>Computes ReLU, <c>max(x, 0)</c> (PyTorch's <c>F.relu</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>x where x &gt; 0, else +0 (also for -0); NaN gives NaN. Exact.</returns>
    public static double Relu(double x) => Math.Max(x, 0.0);
}
