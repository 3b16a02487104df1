using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>
/// A family activation (issue 11), float and double: our kernel against its naive loop, TensorPrimitives and PyTorch
/// (<see cref="FamilyPeers"/>). The activation is the class name without <c>Benchmarks</c>: a new one is one line below
/// (plus its entry in <see cref="FamilyPeers.All"/>).
/// </summary>
public abstract class FamilyBenchmarks<T> : ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override ActivationTable<T> Peers => FamilyPeers.Find(ActivationOf(GetType())).Table<T>();

    /// <summary>
    /// The activation a benchmark class measures: <c>SiluBenchmarks`1</c> → <c>Silu</c>. BenchmarkDotNet's benchmark
    /// processes run a generated class derived from it, so the name is that of the class directly below this one.
    /// </summary>
    public static string ActivationOf(Type type)
    {
        Type current = type;
        while (current.BaseType is { } parent && !(parent.IsGenericType && parent.GetGenericTypeDefinition() == typeof(FamilyBenchmarks<>)))
        {
            current = parent;
        }

        return current.Name.Split('`')[0].Replace("Benchmarks", "", StringComparison.Ordinal);
    }
}

#pragma warning disable SA1402, SA1649 // One line per activation, all in this file.
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class SigmoidBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class TanhBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class SiluBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class MishBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class EluBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class SeluBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class LogSigmoidBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class ReluBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class LeakyReluBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class HardSwishBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;

// Not generated on this branch yet (no `ours` in FamilyPeers.All): left out of benchmark runs, their peers smoke-checked.
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class GeluBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class GeluTanhBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
[GenericTypeArguments(typeof(float))] [GenericTypeArguments(typeof(double))] public class InverseSoftplusBenchmarks<T> : FamilyBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>;
#pragma warning restore SA1402, SA1649
