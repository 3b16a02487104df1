using System;

namespace FusedActivations.Benchmarks;

// TEMPORARY stand-in for OurKernels.cs, compiled while WithGeneratedKernels is not true (the generator does not emit
// kernels yet). Same members, scalar FusedMath loops, so every benchmark, the smoke check and the chart work today;
// every report marks "Ours" as a stand-in. Delete this file once the generated kernels are switched on for good.

/// <summary>Stand-in for the generated kernels under test.</summary>
public static class OurKernels
{
    /// <summary>False: these are scalar stand-ins, not the generated kernels.</summary>
    public const bool IsGenerated = false;

    /// <summary>Stand-in for <c>[Softplus(Beta = 2)]</c>, float.</summary>
    public static void SoftplusBeta2Float(ReadOnlySpan<float> x, Span<float> destination) => Peers.SoftplusPeers.StableFloat(x, destination);

    /// <summary>Stand-in for <c>[Softplus(Beta = 2)]</c>, double.</summary>
    public static void SoftplusBeta2Double(ReadOnlySpan<double> x, Span<double> destination) => Peers.SoftplusPeers.StableDouble(x, destination);

    /// <summary>The label of our kernel in reports.</summary>
    public static string Label(string attribute) => $"STAND-IN (scalar FusedMath loop) for {attribute}";
}
