using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>An implementation of the run's activation under test, evaluated on spans so that vectorized kernels run as they would in use.</summary>
public interface IAccuracyKernel
{
    /// <summary>The registry name, e.g. <c>fusedmath</c>.</summary>
    string Name { get; }

    /// <summary>What runs, for reports (e.g. the library, its version and the call).</summary>
    string Description => Name;

    /// <summary>
    /// Softplus only: whether the kernel applies PyTorch's threshold rule (x where β·x &gt; threshold) with the run's
    /// --threshold, as the generated kernels, <c>fusedmath</c>, <c>naive</c>, <c>tensorprimitives</c> and <c>pytorch</c> do.
    /// A kernel that has no cut-off at all (ONNX Runtime's Softplus) says false and is compared against the reference
    /// without one (threshold +∞), so the difference of semantics above the threshold is not counted as error.
    /// </summary>
    bool HasThreshold => true;

    /// <summary>Writes the activation of each element of <paramref name="x"/> to <paramref name="destination"/> (same length).</summary>
    void Evaluate(ReadOnlySpan<float> x, Span<float> destination);
}

/// <summary>A kernel that also has a double entry point, for the <c>--double N</c> mode.</summary>
public interface IAccuracyKernelDouble : IAccuracyKernel
{
    /// <summary>Writes the activation of each element of <paramref name="x"/> to <paramref name="destination"/> (same length).</summary>
    void Evaluate(ReadOnlySpan<double> x, Span<double> destination);
}

/// <summary>The parameters a run asks for; kernels with parameters folded in check that they match.</summary>
/// <param name="Parameter">
/// The activation's parameter as given on the command line (Softplus and SiLU β, ELU α, Leaky ReLU's negative slope;
/// rounded to float by float kernels); NaN for activations without one.
/// </param>
/// <param name="Threshold">Softplus's threshold as given on the command line (+∞ for the other activations).</param>
public readonly record struct ActivationParameters(double Parameter, double Threshold)
{
    /// <summary>The parameter rounded to float, as float kernels take it.</summary>
    public float FloatParameter => (float)Parameter;

    /// <summary>The threshold rounded to float.</summary>
    public float FloatThreshold => (float)Threshold;
}

/// <summary>The shape of a generated span kernel: <c>static partial void F(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination)</c>.</summary>
public delegate void FloatSpanKernel(ReadOnlySpan<float> x, Span<float> destination);

/// <summary>The double counterpart of <see cref="FloatSpanKernel"/>.</summary>
public delegate void DoubleSpanKernel(ReadOnlySpan<double> x, Span<double> destination);

/// <summary>A span operation that takes the run's parameters (a TensorPrimitives composition).</summary>
public delegate void FloatSpanOperation(ReadOnlySpan<float> x, Span<float> destination, ActivationParameters parameters);

/// <summary>The double counterpart of <see cref="FloatSpanOperation"/>.</summary>
public delegate void DoubleSpanOperation(ReadOnlySpan<double> x, Span<double> destination, ActivationParameters parameters);
