using System;
using System.Collections.Concurrent;
using System.Numerics;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark inputs: <see cref="Seed"/>-seeded uniform random values over [<see cref="Min"/>, <see cref="Max"/>],
/// drawn in double with <see cref="Random"/>(Seed) and rounded to the element type. The same seed and length give the same
/// array in every process, so every peer sees identical data. The range covers both tails of Softplus at β = 2
/// (β·x from −60 to 60: the linear cut-off above 20, results down to e^−60 below) and the curved part around 0.
/// </summary>
public static class Inputs
{
    /// <summary>The seed.</summary>
    public const int Seed = 20261127;

    /// <summary>The lower end of the range.</summary>
    public const double Min = -30;

    /// <summary>The upper end of the range.</summary>
    public const double Max = 30;

    private static readonly ConcurrentDictionary<(Type, int), Array> s_cache = new();

    /// <summary>A fresh copy of the input of <paramref name="length"/> elements.</summary>
    public static T[] Uniform<T>(int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var master = (T[])s_cache.GetOrAdd((typeof(T), length), static key =>
        {
            var random = new Random(Seed);
            var values = new T[key.Item2];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = T.CreateChecked(Min + ((Max - Min) * random.NextDouble()));
            }

            return values;
        });
        return (T[])master.Clone();
    }
}
