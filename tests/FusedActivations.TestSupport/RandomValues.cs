using System;

namespace FusedActivations.TestSupport;

/// <summary>Random inputs: uniform over bit patterns (every binade equally likely) or uniform over a range.</summary>
/// <remarks>Tests pass a seeded <see cref="Random"/> so that a failure reproduces.</remarks>
public static class RandomValues
{
    /// <summary>A float with uniformly random bits: all magnitudes, both signs, subnormals, infinities and NaNs.</summary>
    public static float FloatBits(Random random) => BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next() << 1));

    /// <summary>A double with uniformly random bits.</summary>
    public static double DoubleBits(Random random) => BitConverter.Int64BitsToDouble(random.NextInt64() ^ (random.NextInt64() << 1));

    /// <summary>A finite float with uniformly random bits (NaN and infinities redrawn).</summary>
    public static float FiniteFloatBits(Random random)
    {
        float value;
        do
        {
            value = FloatBits(random);
        }
        while (!float.IsFinite(value));

        return value;
    }

    /// <summary>A finite double with uniformly random bits (NaN and infinities redrawn).</summary>
    public static double FiniteDoubleBits(Random random)
    {
        double value;
        do
        {
            value = DoubleBits(random);
        }
        while (!double.IsFinite(value));

        return value;
    }

    /// <summary>A float uniform in [min, max) (rounded to float, so max itself can occur).</summary>
    public static float Float(Random random, float min, float max) => (float)(min + (max - (double)min) * random.NextDouble());

    /// <summary><paramref name="length"/> floats uniform in [<paramref name="min"/>, <paramref name="max"/>), from a generator seeded with <paramref name="seed"/>.</summary>
    public static float[] Floats(int seed, int length, float min, float max)
    {
        var random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = Float(random, min, max);
        }

        return values;
    }

    /// <summary>A double uniform in [min, max).</summary>
    public static double Double(Random random, double min, double max)
    {
        double value = min + (max - min) * random.NextDouble();
        return Math.Min(value, Math.BitDecrement(max));
    }

    /// <summary>A positive float whose binary exponent is uniform in [minExponent, maxExponent], significand random.</summary>
    public static float LogUniformFloat(Random random, int minExponent, int maxExponent) =>
        MathF.ScaleB(1f + (float)random.NextDouble(), random.Next(minExponent, maxExponent + 1));

    /// <summary>A positive double whose binary exponent is uniform in [minExponent, maxExponent], significand random.</summary>
    public static double LogUniformDouble(Random random, int minExponent, int maxExponent) =>
        Math.ScaleB(1.0 + random.NextDouble(), random.Next(minExponent, maxExponent + 1));
}
