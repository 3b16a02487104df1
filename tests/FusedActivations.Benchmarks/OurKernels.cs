using System;

namespace FusedActivations.Benchmarks;

// The FusedActivations generator writes these bodies. Add a kernel here and use it in Peers/*Peers.cs.

/// <summary>The generated kernels under test.</summary>
public static partial class OurKernels
{
    /// <summary>True: these are the generated kernels (the stand-in says false).</summary>
    public const bool IsGenerated = true;

    /// <summary>Softplus, β = 2, threshold 20 (default), float.</summary>
    [Softplus(Beta = 2)]
    public static partial void SoftplusBeta2Float(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>The same with <c>Parallel = true</c> (issue 14: <see cref="Benchmarks.ParallelBenchmarks"/>).</summary>
    [Softplus(Beta = 2, Parallel = true)]
    public static partial void SoftplusBeta2FloatParallel(ReadOnlySpan<float> x, Span<float> destination);

    // Precision = Fast (issue 13): Benchmarks/FastBenchmarks.cs.

    /// <summary>Softplus, β = 2, Fast, float.</summary>
    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta2FloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Sigmoid, Fast, float.</summary>
    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void SigmoidFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Tanh, Fast, float.</summary>
    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial void TanhFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>SiLU, Fast, float.</summary>
    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial void SiluFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>ELU (α = 1), Fast, float.</summary>
    [Elu(Precision = ActivationPrecision.Fast)]
    public static partial void EluFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>SELU, Fast, float.</summary>
    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial void SeluFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>LogSigmoid, Fast, float.</summary>
    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void LogSigmoidFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>GELU (tanh), Fast, float.</summary>
    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial void GeluTanhFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>GELU (tanh), Fast, double.</summary>
    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial void GeluTanhDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Mish, Fast, float.</summary>
    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial void MishFloatFast(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Softplus, β = 2, Fast, double.</summary>
    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta2DoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Sigmoid, Fast, double.</summary>
    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void SigmoidDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Tanh, Fast, double.</summary>
    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial void TanhDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>SiLU, Fast, double.</summary>
    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial void SiluDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>ELU (α = 1), Fast, double.</summary>
    [Elu(Precision = ActivationPrecision.Fast)]
    public static partial void EluDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>SELU, Fast, double.</summary>
    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial void SeluDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>LogSigmoid, Fast, double.</summary>
    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void LogSigmoidDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Mish, Fast, double.</summary>
    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial void MishDoubleFast(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Softplus, β = 2, threshold 20 (default), double.</summary>
    [Softplus(Beta = 2)]
    public static partial void SoftplusBeta2Double(ReadOnlySpan<double> x, Span<double> destination);

    // The family (issue 11): one kernel per activation and element type, default parameters; their peers: Peers/FamilyPeers.cs.

    /// <summary>Sigmoid, float.</summary>
    [Sigmoid]
    public static partial void SigmoidFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Sigmoid, double.</summary>
    [Sigmoid]
    public static partial void SigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Tanh, float.</summary>
    [Tanh]
    public static partial void TanhFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Tanh, double.</summary>
    [Tanh]
    public static partial void TanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>SiLU, β = 1 (default), float.</summary>
    [Silu]
    public static partial void SiluFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>SiLU, β = 1 (default), double.</summary>
    [Silu]
    public static partial void SiluDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Mish, float.</summary>
    [Mish]
    public static partial void MishFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Mish, double.</summary>
    [Mish]
    public static partial void MishDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>ELU, α = 1 (default), float.</summary>
    [Elu]
    public static partial void EluFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>ELU, α = 1 (default), double.</summary>
    [Elu]
    public static partial void EluDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>SELU (PyTorch's constants), float.</summary>
    [Selu]
    public static partial void SeluFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>SELU (PyTorch's constants), double.</summary>
    [Selu]
    public static partial void SeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>LogSigmoid, float.</summary>
    [LogSigmoid]
    public static partial void LogSigmoidFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>LogSigmoid, double.</summary>
    [LogSigmoid]
    public static partial void LogSigmoidDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>ReLU, float.</summary>
    [Relu]
    public static partial void ReluFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>ReLU, double.</summary>
    [Relu]
    public static partial void ReluDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Leaky ReLU, negative slope 0.01 (default), float.</summary>
    [LeakyRelu]
    public static partial void LeakyReluFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Leaky ReLU, negative slope 0.01 (default), double.</summary>
    [LeakyRelu]
    public static partial void LeakyReluDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Hard Swish, float.</summary>
    [HardSwish]
    public static partial void HardSwishFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Hard Swish, double.</summary>
    [HardSwish]
    public static partial void HardSwishDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>GELU (exact, erf), float.</summary>
    [Gelu]
    public static partial void GeluFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>GELU (exact, erf), double.</summary>
    [Gelu]
    public static partial void GeluDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>GELU, PyTorch's tanh approximation, float.</summary>
    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>GELU, PyTorch's tanh approximation, double.</summary>
    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>InverseSoftplus, beta 1, float.</summary>
    [InverseSoftplus]
    public static partial void InverseSoftplusFloat(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>InverseSoftplus, beta 1, double.</summary>
    [InverseSoftplus]
    public static partial void InverseSoftplusDouble(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>The label of our kernel in reports.</summary>
    public static string Label(string attribute) => $"generated {attribute}";
}
