using System;
using FusedActivations;

namespace SoftplusTour;

/// <summary>The kernels this sample uses: declarations only, the generator writes the bodies.</summary>
public static partial class Activations
{
    /// <summary>Softplus with beta = 2, as in PyTorch's F.softplus(x, beta=2): a sharper knee at 0.</summary>
    [Softplus(Beta = 2, Threshold = 20)]
    public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>Softplus in place, double, PyTorch's defaults (beta 1, threshold 20).</summary>
    [Softplus]
    public static partial void SoftplusInPlace(Span<double> values);

    /// <summary>One value at a time.</summary>
    [Softplus(Beta = 0.5)]
    public static partial float Softplus(float x);
}
