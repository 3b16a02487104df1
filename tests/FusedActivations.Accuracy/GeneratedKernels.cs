using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>The generated kernels the accuracy command can check, one per beta that the README reports.</summary>
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

public sealed partial class KernelRegistry
{
    static partial void RegisterGenerated(KernelRegistry registry)
    {
        // Fixed kernels refuse to run with another --beta/--threshold instead of comparing against the wrong reference.
        registry.RegisterFixed("generated-beta0.25", beta: 0.25f, threshold: 20, GeneratedSoftplus.Beta0_25);
        registry.RegisterFixed("generated-beta0.5", beta: 0.5f, threshold: 20, GeneratedSoftplus.Beta0_5);
        registry.RegisterFixed("generated-beta1", beta: 1, threshold: 20, GeneratedSoftplus.Beta1, GeneratedSoftplus.Beta1Double);
        registry.RegisterFixed("generated-beta2", beta: 2, threshold: 20, GeneratedSoftplus.Beta2, GeneratedSoftplus.Beta2Double);
        registry.RegisterFixed("generated-beta10", beta: 10, threshold: 20, GeneratedSoftplus.Beta10);
    }
}
