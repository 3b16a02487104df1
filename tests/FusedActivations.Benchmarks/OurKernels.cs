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

    /// <summary>Softplus, β = 2, threshold 20 (default), double.</summary>
    [Softplus(Beta = 2)]
    public static partial void SoftplusBeta2Double(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>The label of our kernel in reports.</summary>
    public static string Label(string attribute) => $"generated {attribute}";
}
