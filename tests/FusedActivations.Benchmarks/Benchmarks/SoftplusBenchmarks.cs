using System.Numerics;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>Softplus, β = 2, float and double: our kernel against every peer (see <see cref="SoftplusPeers"/>).</summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class SoftplusBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override ActivationTable<T> Peers => SoftplusPeers.For<T>();
}
