using System;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// FusedMath.Gelu and FusedMath.GeluTanh against the double-double references: special values and limits, a dense
/// sweep over the floats where GELU is not x or 0, the left tail down to subnormal results, and a million random
/// inputs per type (random bit patterns, the interesting range, tiny magnitudes).
/// </summary>
public sealed class GeluAccuracyTests(ITestOutputHelper output)
{
    private static Func<Random, float> FloatInputs(float min, float max) => Sweep.Mix(
        RandomValues.FloatBits,
        r => RandomValues.Float(r, min, max),
        r => RandomValues.Float(r, min, max),
        r => RandomValues.LogUniformFloat(r, -149, 5) * (r.Next(2) == 0 ? 1 : -1));

    /// <summary>Every <paramref name="stride"/>-th float in [0, <paramref name="limit"/>], with both signs.</summary>
    private static WorstCase DenseFloats(float limit, int stride, Func<float, float> actual, Func<float, double> reference)
    {
        var worst = new WorstCase(0, "none", 0);
        long count = 0;
        int end = BitConverter.SingleToInt32Bits(limit);
        for (int bits = 0; bits <= end; bits += stride)
        {
            float x = BitConverter.Int32BitsToSingle(bits);
            Sweep.Include(ref worst, x, actual, reference);
            Sweep.Include(ref worst, -x, actual, reference);
            count += 2;
        }

        return worst with { Count = count };
    }

    /// <summary>Every <paramref name="stride"/>-th float in [min, max] (both negative).</summary>
    private static WorstCase NegativeRange(float min, float max, int stride, Func<float, float> actual,
        Func<float, double> reference)
    {
        var worst = new WorstCase(0, "none", 0);
        long count = 0;
        // Negative floats: larger magnitude, larger bit pattern.
        for (int bits = BitConverter.SingleToInt32Bits(max); bits <= BitConverter.SingleToInt32Bits(min); bits += stride)
        {
            Sweep.Include(ref worst, BitConverter.Int32BitsToSingle(bits), actual, reference);
            count++;
        }

        return worst with { Count = count };
    }

    private void AssertFloat(Func<float, float> actual, Func<float, double> reference, float tailStart, double bound,
        int seed)
    {
        var special = new WorstCase(0, "none", 0);
        foreach (float x in SpecialValues.Floats)
        {
            Sweep.Include(ref special, x, actual, reference);
        }

        WorstCase dense = DenseFloats(16f, 1021, actual, reference);
        WorstCase tail = NegativeRange(tailStart, -5f, 37, actual, reference);
        WorstCase random = Sweep.Floats(Sweep.RandomCount, seed, FloatInputs(-16f, 16f), actual, reference);
        string report = $"special: {special}; dense |x| <= 16: {dense}; left tail: {tail}; random: {random}";
        output.WriteLine(report);
        Assert.True(special.Ulps <= bound && dense.Ulps <= bound && tail.Ulps <= bound && random.Ulps <= bound, report);
    }

    /// <param name="normalEnd">Below it the results are subnormal (down to <paramref name="tailStart"/>), where the
    /// reference is only known to half an ULP: reported apart.</param>
    private void AssertDouble(Func<double, double> actual, Func<double, DoubleDouble> reference, double tailStart,
        double normalEnd, double bound, int seed)
    {
        var special = new WorstCase(0, "none", 0);
        foreach (double x in SpecialValues.Doubles)
        {
            Sweep.Include(ref special, x, actual, reference);
        }

        WorstCase random = Sweep.Doubles(Sweep.RandomCount, seed, DoubleInputs.Wide(-40.0, 40.0), actual, reference);
        WorstCase tail = Sweep.Doubles(Sweep.RandomCount / 5, seed + 1, r => RandomValues.Double(r, normalEnd, -5.0),
            actual, reference);
        WorstCase subnormal = Sweep.Doubles(Sweep.RandomCount / 20, seed + 2,
            r => RandomValues.Double(r, tailStart, normalEnd), actual, reference);
        string report = $"special: {special}; random: {random}; left tail: {tail}; subnormal results: {subnormal}";
        output.WriteLine(report);
        Assert.True(special.Ulps <= bound && random.Ulps <= bound && tail.Ulps <= bound && subnormal.Ulps <= bound, report);
    }

    [Fact]
    public void GeluFloat() => AssertFloat(FusedMath.Gelu, Reference.Gelu, -14.5f, Bounds.GeluFloat, 81);

    [Fact]
    public void GeluTanhFloat() => AssertFloat(FusedMath.GeluTanh, Reference.GeluTanh, -10.5f, Bounds.Float, 82);

    [Fact]
    public void GeluDouble() => AssertDouble(FusedMath.Gelu, Reference.Gelu, -39.0, -37.4, Bounds.Gelu, 83);

    [Fact]
    public void GeluTanhDouble() => AssertDouble(FusedMath.GeluTanh, Reference.GeluTanh, -22.5, -21.0, Bounds.GeluTanh, 84);
}
