using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark inputs: <see cref="Seed"/>-seeded uniform random values over a range, drawn in double with
/// <see cref="Random"/>(Seed) as <c>min + (max − min)·NextDouble()</c> and rounded to the element type. The same seed,
/// range and length give the same array in every process, so every peer sees identical data.
/// </summary>
/// <remarks>
/// Three ranges are measured (the <c>Inputs</c> benchmark parameter), narrow first:
/// <see cref="Narrow"/> [−10, 10], where nearly all real pre-activations lie (the headline figures), <see cref="Wide"/>
/// [−30, 30], which at β = 2 covers both tails (β·x from −60 to 60: the linear cut-off above 20, results down to e^−60
/// below) and on which PyTorch's kernel is several times slower (README.md: "Inputs decide PyTorch's speed"), and
/// <see cref="Bar"/> [−8, 8], the inputs of issue 11's speed bar.
/// </remarks>
public static class InputData
{
    /// <summary>The seed.</summary>
    public const int Seed = 20261127;

    /// <summary>Uniform over [−10, 10]: the headline range.</summary>
    public const string Narrow = "[-10, 10]";

    /// <summary>Uniform over [−30, 30].</summary>
    public const string Wide = "[-30, 30]";

    /// <summary>
    /// Uniform over [−8, 8]: the range of issue 11's speed bar (64 Ki floats, AVX-512), measured for the family so the
    /// bar is read from the same run.
    /// </summary>
    public const string Bar = "[-8, 8]";

    /// <summary>The ranges measured, in the order they are reported.</summary>
    public static readonly string[] Ranges = [Narrow, Wide, Bar];

    private static readonly ConcurrentDictionary<(Type, int, double, double, int), Array> s_cache = new();

    /// <summary>The short name of a range in reports: "narrow", "wide", or the range itself.</summary>
    public static string Name(string range) => range switch { Narrow => "narrow", Wide => "wide", Bar => "bar", _ => range };

    /// <summary>The position of a range in reports (narrow first).</summary>
    public static int Order(string range) => Array.IndexOf(Ranges, range) is >= 0 and int i ? i : Ranges.Length;

    /// <summary>Parses a range written as <c>[min, max]</c>.</summary>
    public static (double Min, double Max) Parse(string range)
    {
        string[] parts = range.Trim().TrimStart('[').TrimEnd(']').Split(',');
        if (parts.Length != 2 ||
            !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double min) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double max) || !(min < max))
        {
            throw new FormatException($"'{range}' is not a range written as [min, max] with min < max.");
        }

        return (min, max);
    }

    /// <summary>A fresh copy of the input of <paramref name="length"/> elements, uniform over <paramref name="range"/> (<c>[min, max]</c>).</summary>
    public static T[] Uniform<T>(int length, string range)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (double min, double max) = Parse(range);
        return Uniform<T>(length, min, max);
    }

    /// <summary>
    /// A fresh copy of the input of <paramref name="length"/> elements, uniform over [<paramref name="min"/>,
    /// <paramref name="max"/>], drawn with <paramref name="seed"/> (default <see cref="Seed"/>; a formula's second input
    /// takes another, so that it is not a copy of the first).
    /// </summary>
    public static T[] Uniform<T>(int length, double min, double max, int seed = Seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var master = (T[])s_cache.GetOrAdd((typeof(T), length, min, max, seed), static key =>
        {
            var random = new Random(key.Item5);
            var values = new T[key.Item2];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = T.CreateChecked(key.Item3 + ((key.Item4 - key.Item3) * random.NextDouble()));
            }

            return values;
        });
        return (T[])master.Clone();
    }
}
