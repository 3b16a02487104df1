using System;
using System.Collections.Generic;

namespace FusedActivations.TestSupport;

/// <summary>The inputs where floating-point functions usually go wrong first.</summary>
public static class SpecialValues
{
    /// <summary>
    /// ±0, ±infinity, NaN, ±smallest subnormal, ±largest subnormal, ±smallest normal, ±largest finite, ±machine epsilon,
    /// ±1 and ±2 with their neighbours, and ±0.5.
    /// </summary>
    public static IReadOnlyList<float> Floats { get; } = CreateFloats();

    /// <summary>The double counterparts of <see cref="Floats"/>.</summary>
    public static IReadOnlyList<double> Doubles { get; } = CreateDoubles();

    private static float[] CreateFloats()
    {
        float[] positive =
        [
            0f, float.PositiveInfinity, float.Epsilon, BitConverter.Int32BitsToSingle(0x007FFFFF), 1.17549435e-38f,
            float.MaxValue, 1.1920929e-7f, 0.5f, 1f, MathF.BitDecrement(1f), MathF.BitIncrement(1f), 2f,
            MathF.BitDecrement(2f), MathF.BitIncrement(2f),
        ];
        var all = new List<float> { float.NaN };
        foreach (float value in positive)
        {
            all.Add(value);
            all.Add(-value);
        }

        return all.ToArray();
    }

    private static double[] CreateDoubles()
    {
        double[] positive =
        [
            0.0, double.PositiveInfinity, double.Epsilon, BitConverter.Int64BitsToDouble(0x000FFFFFFFFFFFFF),
            2.2250738585072014e-308, double.MaxValue, 2.220446049250313e-16, 0.5, 1.0, Math.BitDecrement(1.0),
            Math.BitIncrement(1.0), 2.0, Math.BitDecrement(2.0), Math.BitIncrement(2.0),
        ];
        var all = new List<double> { double.NaN };
        foreach (double value in positive)
        {
            all.Add(value);
            all.Add(-value);
        }

        return all.ToArray();
    }
}
