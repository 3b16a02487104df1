using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>A Softplus implementation under test, evaluated on spans so that vectorized kernels run as they would in use.</summary>
public interface IAccuracyKernel
{
    /// <summary>The registry name, e.g. <c>fusedmath</c>.</summary>
    string Name { get; }

    /// <summary>What runs, for reports (e.g. the library, its version and the call).</summary>
    string Description => Name;

    /// <summary>
    /// Whether the kernel applies PyTorch's threshold rule (x where β·x &gt; threshold) with the run's --threshold, as the
    /// generated kernels, <c>fusedmath</c>, <c>naive</c>, <c>tensorprimitives</c> and <c>pytorch</c> do. A kernel that has no
    /// cut-off at all (ONNX Runtime's Softplus) says false and is compared against the reference without one (threshold
    /// +∞), so the difference of semantics above the threshold is not counted as error.
    /// </summary>
    bool HasThreshold => true;

    /// <summary>Writes Softplus of each element of <paramref name="x"/> to <paramref name="destination"/> (same length).</summary>
    void Softplus(ReadOnlySpan<float> x, Span<float> destination);
}

/// <summary>A kernel that also has a double entry point, for the <c>--double N</c> mode.</summary>
public interface IAccuracyKernelDouble : IAccuracyKernel
{
    /// <summary>Writes Softplus of each element of <paramref name="x"/> to <paramref name="destination"/> (same length).</summary>
    void Softplus(ReadOnlySpan<double> x, Span<double> destination);
}

/// <summary>The Softplus parameters a run asks for; kernels with parameters folded in check that they match.</summary>
/// <param name="Beta">beta as given on the command line (rounded to float by float kernels).</param>
/// <param name="Threshold">threshold as given on the command line (rounded to float by float kernels).</param>
public readonly record struct SoftplusParameters(double Beta, double Threshold);

/// <summary>The shape of a generated span kernel: <c>static partial void F(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination)</c>.</summary>
public delegate void FloatSpanKernel(ReadOnlySpan<float> x, Span<float> destination);

/// <summary>The double counterpart of <see cref="FloatSpanKernel"/>.</summary>
public delegate void DoubleSpanKernel(ReadOnlySpan<double> x, Span<double> destination);
