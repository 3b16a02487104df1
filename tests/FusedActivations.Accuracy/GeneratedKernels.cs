using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>The generated Softplus kernels the accuracy command can check, one per beta that the README reports.</summary>
internal static partial class GeneratedSoftplus
{
    [Softplus(Beta = 0.25)]
    public static partial void Beta0_25(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 0.5)]
    public static partial void Beta0_5(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus]
    public static partial void Beta1(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2)]
    public static partial void Beta2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 10)]
    public static partial void Beta10(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 1)]
    public static partial void Beta1Double(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 2)]
    public static partial void Beta2Double(ReadOnlySpan<double> x, Span<double> destination);
}

/// <summary>The generated kernels of the rest of the family, float and double, with a second parameter value where it changes the formula.</summary>
internal static partial class GeneratedFamily
{
    [Sigmoid]
    public static partial void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid]
    public static partial void Sigmoid(ReadOnlySpan<double> x, Span<double> destination);

    [Tanh]
    public static partial void Tanh(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh]
    public static partial void Tanh(ReadOnlySpan<double> x, Span<double> destination);

    [Silu]
    public static partial void Silu(ReadOnlySpan<float> x, Span<float> destination);

    [Silu]
    public static partial void Silu(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Beta = 1.7)]
    public static partial void SiluBeta1_7(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 1.7)]
    public static partial void SiluBeta1_7(ReadOnlySpan<double> x, Span<double> destination);

    [Mish]
    public static partial void Mish(ReadOnlySpan<float> x, Span<float> destination);

    [Mish]
    public static partial void Mish(ReadOnlySpan<double> x, Span<double> destination);

    [Elu]
    public static partial void Elu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu]
    public static partial void Elu(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 0.3)]
    public static partial void EluAlpha0_3(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.3)]
    public static partial void EluAlpha0_3(ReadOnlySpan<double> x, Span<double> destination);

    [Selu]
    public static partial void Selu(ReadOnlySpan<float> x, Span<float> destination);

    [Selu]
    public static partial void Selu(ReadOnlySpan<double> x, Span<double> destination);

    [LogSigmoid]
    public static partial void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid]
    public static partial void LogSigmoid(ReadOnlySpan<double> x, Span<double> destination);

    [Relu]
    public static partial void Relu(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial void Relu(ReadOnlySpan<double> x, Span<double> destination);

    [LeakyRelu]
    public static partial void LeakyRelu(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu]
    public static partial void LeakyRelu(ReadOnlySpan<double> x, Span<double> destination);

    [LeakyRelu(NegativeSlope = -0.2)]
    public static partial void LeakyReluMinus0_2(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu(NegativeSlope = -0.2)]
    public static partial void LeakyReluMinus0_2(ReadOnlySpan<double> x, Span<double> destination);

    [HardSwish]
    public static partial void HardSwish(ReadOnlySpan<float> x, Span<float> destination);

    [HardSwish]
    public static partial void HardSwish(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu]
    public static partial void Gelu(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu]
    public static partial void Gelu(ReadOnlySpan<double> x, Span<double> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanh(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanh(ReadOnlySpan<double> x, Span<double> destination);

    [InverseSoftplus]
    public static partial void InverseSoftplus(ReadOnlySpan<float> x, Span<float> destination);

    [InverseSoftplus]
    public static partial void InverseSoftplus(ReadOnlySpan<double> x, Span<double> destination);
}

/// <summary>The <c>Precision = Fast</c> kernels, float and double (at most 4 ULP).</summary>
internal static partial class GeneratedFast
{
    [Softplus(Precision = ActivationPrecision.Fast)]
    public static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 10, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta10(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial void Tanh(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial void Silu(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 1.7, Precision = ActivationPrecision.Fast)]
    public static partial void SiluBeta1_7(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Precision = ActivationPrecision.Fast)]
    public static partial void Elu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu(Alpha = 0.3, Precision = ActivationPrecision.Fast)]
    public static partial void EluAlpha0_3(ReadOnlySpan<float> x, Span<float> destination);

    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial void Selu(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial void Mish(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial void GeluTanh(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh, Precision = ActivationPrecision.Fast)]
    public static partial void GeluTanh(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Precision = ActivationPrecision.Fast)]
    public static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 2, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta2(ReadOnlySpan<double> x, Span<double> destination);

    [Softplus(Beta = 10, Precision = ActivationPrecision.Fast)]
    public static partial void SoftplusBeta10(ReadOnlySpan<double> x, Span<double> destination);

    [Sigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void Sigmoid(ReadOnlySpan<double> x, Span<double> destination);

    [Tanh(Precision = ActivationPrecision.Fast)]
    public static partial void Tanh(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Precision = ActivationPrecision.Fast)]
    public static partial void Silu(ReadOnlySpan<double> x, Span<double> destination);

    [Silu(Beta = 1.7, Precision = ActivationPrecision.Fast)]
    public static partial void SiluBeta1_7(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Precision = ActivationPrecision.Fast)]
    public static partial void Elu(ReadOnlySpan<double> x, Span<double> destination);

    [Elu(Alpha = 0.3, Precision = ActivationPrecision.Fast)]
    public static partial void EluAlpha0_3(ReadOnlySpan<double> x, Span<double> destination);

    [Selu(Precision = ActivationPrecision.Fast)]
    public static partial void Selu(ReadOnlySpan<double> x, Span<double> destination);

    [LogSigmoid(Precision = ActivationPrecision.Fast)]
    public static partial void LogSigmoid(ReadOnlySpan<double> x, Span<double> destination);

    [Mish(Precision = ActivationPrecision.Fast)]
    public static partial void Mish(ReadOnlySpan<double> x, Span<double> destination);
}

internal sealed partial class KernelRegistry
{
    static partial void RegisterGenerated(KernelRegistry registry)
    {
        // Fixed kernels refuse to run with another parameter instead of comparing against the wrong reference; each
        // registry keeps the lines of its own activation.
        registry.RegisterFixed("softplus", 0.25, GeneratedSoftplus.Beta0_25);
        registry.RegisterFixed("softplus", 0.5, GeneratedSoftplus.Beta0_5);
        registry.RegisterFixed("softplus", 1, GeneratedSoftplus.Beta1, GeneratedSoftplus.Beta1Double);
        registry.RegisterFixed("softplus", 2, GeneratedSoftplus.Beta2, GeneratedSoftplus.Beta2Double);
        registry.RegisterFixed("softplus", 10, GeneratedSoftplus.Beta10);
        registry.RegisterFixed("sigmoid", null, GeneratedFamily.Sigmoid, GeneratedFamily.Sigmoid);
        registry.RegisterFixed("tanh", null, GeneratedFamily.Tanh, GeneratedFamily.Tanh);
        registry.RegisterFixed("silu", 1, GeneratedFamily.Silu, GeneratedFamily.Silu);
        registry.RegisterFixed("silu", 1.7, GeneratedFamily.SiluBeta1_7, GeneratedFamily.SiluBeta1_7);
        registry.RegisterFixed("mish", null, GeneratedFamily.Mish, GeneratedFamily.Mish);
        registry.RegisterFixed("elu", 1, GeneratedFamily.Elu, GeneratedFamily.Elu);
        registry.RegisterFixed("elu", 0.3, GeneratedFamily.EluAlpha0_3, GeneratedFamily.EluAlpha0_3);
        registry.RegisterFixed("selu", null, GeneratedFamily.Selu, GeneratedFamily.Selu);
        registry.RegisterFixed("logsigmoid", null, GeneratedFamily.LogSigmoid, GeneratedFamily.LogSigmoid);
        registry.RegisterFixed("relu", null, GeneratedFamily.Relu, GeneratedFamily.Relu);
        registry.RegisterFixed("leakyrelu", 0.01, GeneratedFamily.LeakyRelu, GeneratedFamily.LeakyRelu);
        registry.RegisterFixed("leakyrelu", -0.2, GeneratedFamily.LeakyReluMinus0_2, GeneratedFamily.LeakyReluMinus0_2);
        registry.RegisterFixed("hardswish", null, GeneratedFamily.HardSwish, GeneratedFamily.HardSwish);
        registry.RegisterFixed("gelu", null, GeneratedFamily.Gelu, GeneratedFamily.Gelu);
        registry.RegisterFixed("gelutanh", null, GeneratedFamily.GeluTanh, GeneratedFamily.GeluTanh);
        registry.RegisterFixed("inversesoftplus", 1, GeneratedFamily.InverseSoftplus, GeneratedFamily.InverseSoftplus);
        registry.RegisterFixed("softplus", 1, GeneratedFast.Softplus, GeneratedFast.Softplus, fast: true);
        registry.RegisterFixed("softplus", 2, GeneratedFast.SoftplusBeta2, GeneratedFast.SoftplusBeta2, fast: true);
        registry.RegisterFixed("softplus", 10, GeneratedFast.SoftplusBeta10, GeneratedFast.SoftplusBeta10, fast: true);
        registry.RegisterFixed("sigmoid", null, GeneratedFast.Sigmoid, GeneratedFast.Sigmoid, fast: true);
        registry.RegisterFixed("tanh", null, GeneratedFast.Tanh, GeneratedFast.Tanh, fast: true);
        registry.RegisterFixed("silu", 1, GeneratedFast.Silu, GeneratedFast.Silu, fast: true);
        registry.RegisterFixed("silu", 1.7, GeneratedFast.SiluBeta1_7, GeneratedFast.SiluBeta1_7, fast: true);
        registry.RegisterFixed("elu", 1, GeneratedFast.Elu, GeneratedFast.Elu, fast: true);
        registry.RegisterFixed("elu", 0.3, GeneratedFast.EluAlpha0_3, GeneratedFast.EluAlpha0_3, fast: true);
        registry.RegisterFixed("selu", null, GeneratedFast.Selu, GeneratedFast.Selu, fast: true);
        registry.RegisterFixed("logsigmoid", null, GeneratedFast.LogSigmoid, GeneratedFast.LogSigmoid, fast: true);
        registry.RegisterFixed("mish", null, GeneratedFast.Mish, GeneratedFast.Mish, fast: true);
        registry.RegisterFixed("gelutanh", null, GeneratedFast.GeluTanh, GeneratedFast.GeluTanh, fast: true);
    }
}
