using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.TestSupport;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// Inputs for the activation sweeps: the points where an algorithm switches formula (each with its neighbours on
/// both sides and of both signs), and a dense walk through the float bit patterns.
/// </summary>
internal static class ActivationInputs
{
    /// <summary>Stride of the dense walk: prime, so that every low-bit pattern is visited; about a million floats.</summary>
    public const long DenseFloatStride = 4099;

    // Where FusedMath's double cores and the references switch formula or clamp, and where the functions' own
    // definitions switch (0, ±3). Tanh: 0.34, 19.06 (rounds to 1), 40; Silu/Mish: the exp scale k < -1000 (about
    // -693.5), 1500; Elu/Selu: -0.0625 and -0.35 (expm1 forms), -64; HardSwish: ±3, 2^-500; Mish: 40.
    private static readonly double[] s_switches =
    [
        0.0, 0.03125, 0.0625, 0.34, 0.35, 0.5 * Math.Log(2), 1.0, 3.0, 19.06, 20.0, 38.0, 40.0, 64.0, 693.1, 693.5, 694.0,
        708.4, 709.78, 745.1, 1000.0, 1500.0, Math.ScaleB(1.0, -500), Math.ScaleB(1.0, -27), Math.ScaleB(1.0, -54),
    ];

    /// <summary>Each switch point, scaled by <paramref name="scale"/>, with 8 neighbours each side, both signs.</summary>
    public static IEnumerable<double> DoubleBoundaries(double scale = 1.0)
    {
        foreach (double s in s_switches)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                double v = sign * s * scale;
                double up = v;
                double down = v;
                yield return v;
                for (int i = 0; i < 8; i++)
                {
                    up = Math.BitIncrement(up);
                    down = Math.BitDecrement(down);
                    yield return up;
                    yield return down;
                }
            }
        }
    }

    /// <summary>The float counterparts of <see cref="DoubleBoundaries"/>.</summary>
    public static IEnumerable<float> FloatBoundaries(float scale = 1f)
    {
        foreach (double s in s_switches)
        {
            foreach (float sign in new[] { 1f, -1f })
            {
                float v = sign * (float)s * scale;
                float up = v;
                float down = v;
                yield return v;
                for (int i = 0; i < 8; i++)
                {
                    up = MathF.BitIncrement(up);
                    down = MathF.BitDecrement(down);
                    yield return up;
                    yield return down;
                }
            }
        }
    }

    /// <summary>Every <see cref="DenseFloatStride"/>-th float bit pattern (all signs and binades, NaNs included).</summary>
    public static IEnumerable<float> DenseFloats()
    {
        for (long bits = 0; bits <= uint.MaxValue; bits += DenseFloatStride)
        {
            yield return BitConverter.Int32BitsToSingle(unchecked((int)(uint)bits));
        }
    }

    /// <summary>Random bit patterns, uniform draws from [min, max] (twice as often), and tiny magnitudes of both signs.</summary>
    public static Func<Random, float> WideFloats(float min, float max) => Sweep.Mix(
        RandomValues.FloatBits,
        r => RandomValues.Float(r, min, max),
        r => RandomValues.Float(r, min, max),
        r => RandomValues.LogUniformFloat(r, -149, 3) * (r.Next(2) == 0 ? 1 : -1));

    /// <summary>The special values plus the boundaries.</summary>
    public static float[] FloatFixed(float scale = 1f) => SpecialValues.Floats.Concat(FloatBoundaries(scale)).ToArray();

    /// <summary>The special values plus the boundaries.</summary>
    public static double[] DoubleFixed(double scale = 1.0) => SpecialValues.Doubles.Concat(DoubleBoundaries(scale)).ToArray();
}
