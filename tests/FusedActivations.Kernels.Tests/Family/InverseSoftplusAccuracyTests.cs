using System;
using System.Collections.Generic;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Kernels.Tests.Family;

/// <summary>
/// InverseSoftplus's domain is y &gt; 0, where the family's inputs (mostly around and below 0) are thin: its kernels
/// against the double-double reference, span and scalar forms, over (0, 100] densely, every value around the zero at
/// y = ln2 / beta, tiny and subnormal y (where beta y underflows in double), huge y up to the largest finite value, and
/// the special values, with their exact results checked too.
/// </summary>
public sealed class InverseSoftplusAccuracyTests
{
    private const double FloatBound = 0.55;
    private const double DoubleBound = 1.5;

    private readonly ITestOutputHelper _output;

    public InverseSoftplusAccuracyTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Cases => new[] { new object[] { "InverseSoftplus", 1.0 }, new object[] { "InverseSoftplusBeta1_7", 1.7 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatKernelIsWithinBoundOnItsDomain(string name, double beta)
    {
        FamilyCase<float> kernel = FamilyCatalog.Float(name);
        foreach ((string region, float[] x) in FloatRegions((float)beta))
        {
            float[] y = new float[x.Length];
            kernel.Run(x, y);
            var span = new ErrorStats<float>();
            var scalar = new ErrorStats<float>();
            for (int i = 0; i < x.Length; i++)
            {
                double reference = kernel.ReferenceOfFloat(x[i]);
                span.Add(x[i], Ulp.Distance(y[i], reference));
                scalar.Add(x[i], Ulp.Distance(kernel.Scalar(x[i]), reference));
            }

            _output.WriteLine($"{name} float {region} on {ActivePath.Current}: span {span}; scalar {scalar} over {x.Length} inputs");
            Assert.True(span.Max <= FloatBound, $"{name} float {region} span on {ActivePath.Current}: {span}");
            Assert.True(scalar.Max <= FloatBound, $"{name} float {region} scalar on {ActivePath.Current}: {scalar}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleKernelIsWithinBoundOnItsDomain(string name, double beta)
    {
        FamilyCase<double> kernel = FamilyCatalog.Double(name);
        foreach ((string region, double[] x) in DoubleRegions(beta))
        {
            double[] y = new double[x.Length];
            kernel.Run(x, y);
            var span = new ErrorStats<double>();
            var scalar = new ErrorStats<double>();
            for (int i = 0; i < x.Length; i++)
            {
                DoubleDouble reference = kernel.ReferenceOfDouble(x[i]);
                span.Add(x[i], Ulp.Distance(y[i], reference));
                scalar.Add(x[i], Ulp.Distance(kernel.Scalar(x[i]), reference));
            }

            _output.WriteLine($"{name} double {region} on {ActivePath.Current}: span {span}; scalar {scalar} over {x.Length} inputs");
            Assert.True(span.Max <= DoubleBound, $"{name} double {region} span on {ActivePath.Current}: {span}");
            Assert.True(scalar.Max <= DoubleBound, $"{name} double {region} scalar on {ActivePath.Current}: {scalar}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpecialValuesGiveTheirLimits(string name, double beta)
    {
        _ = beta;
        FamilyCase<float> f = FamilyCatalog.Float(name);
        FamilyCase<double> d = FamilyCatalog.Double(name);
        float[] xf = { -1f, -float.Epsilon, float.NegativeInfinity, float.NaN, 0f, -0f, float.PositiveInfinity, float.MaxValue, float.Epsilon };
        double[] xd = { -1, -double.Epsilon, double.NegativeInfinity, double.NaN, 0, -0.0, double.PositiveInfinity, double.MaxValue, double.Epsilon };
        float[] yf = new float[xf.Length];
        double[] yd = new double[xd.Length];
        f.Run(xf, yf);
        d.Run(xd, yd);
        for (int i = 0; i < xf.Length; i++)
        {
            foreach ((string form, float yi, double di) in new[] { ("span", yf[i], yd[i]), ("scalar", f.Scalar(xf[i]), d.Scalar(xd[i])) })
            {
                string where = $"{name} {form} y = {xd[i]:R} on {ActivePath.Current}: float {yi:R}, double {di:R}";
                switch (i)
                {
                    case < 4: // negative or NaN: NaN
                        Assert.True(float.IsNaN(yi) && double.IsNaN(di), where);
                        break;
                    case < 6: // ±0: the limit of softplus at -infinity
                        Assert.True(float.IsNegativeInfinity(yi) && double.IsNegativeInfinity(di), where);
                        break;
                    case 6:
                        Assert.True(float.IsPositiveInfinity(yi) && double.IsPositiveInfinity(di), where);
                        break;
                    case 7: // the correction is far below an ULP: y itself
                        Assert.True(yi == float.MaxValue && di == double.MaxValue, where);
                        break;
                    default: // the smallest subnormal: log(beta y) / beta, finite and negative
                        Assert.True(yi < 0 && float.IsFinite(yi) && di < 0 && double.IsFinite(di), where);
                        break;
                }
            }
        }
    }

    private static IEnumerable<(string Region, float[] X)> FloatRegions(float beta)
    {
        var random = new Random(20261201);
        int count = Math.Max(TestEnvironment.RandomSamples, 100_000);
        yield return ("(0, 100]", Fill(count, _ => RandomValues.Float(random, 0, 100)));

        // Every float within 2^16 ULPs of the zero, and the region of the middle form around it.
        float root = (float)(Math.Log(2) / beta);
        int rootBits = BitConverter.SingleToInt32Bits(root);
        yield return ("around the zero ln2/beta", Fill(1 << 17, i => BitConverter.Int32BitsToSingle(rootBits - (1 << 16) + i)));
        yield return ("[0.3/beta, 1.5/beta]", Fill(count, _ => RandomValues.Float(random, 0.3f / beta, 1.5f / beta)));

        // Tiny y, subnormals included: random bit patterns up to 2^-20.
        int tinyTop = BitConverter.SingleToInt32Bits(MathF.ScaleB(1, -20));
        yield return ("(0, 2^-20] incl. subnormal", Fill(count, _ => BitConverter.Int32BitsToSingle(random.Next(1, tinyTop))));

        // Large y: the last binades where the correction counts, then up to the largest float.
        yield return ("[10, 120]", Fill(count, _ => RandomValues.Float(random, 10, 120)));
        int hugeBottom = BitConverter.SingleToInt32Bits(100f);
        yield return ("[100, MaxValue]", Fill(count, _ => BitConverter.Int32BitsToSingle(random.Next(hugeBottom, BitConverter.SingleToInt32Bits(float.MaxValue) + 1))));
    }

    private static IEnumerable<(string Region, double[] X)> DoubleRegions(double beta)
    {
        var random = new Random(20261202);
        int count = Math.Max(TestEnvironment.RandomSamples / 4, 50_000);
        yield return ("(0, 100]", Fill(count, _ => RandomValues.Double(random, 0, 100)));

        // Every double within 2^16 ULPs of the zero, doubles at random distances down to 2^-60 from it, and the
        // middle form's range.
        double root = Math.Log(2) / beta;
        long rootBits = BitConverter.DoubleToInt64Bits(root);
        yield return ("around the zero ln2/beta", Fill(1 << 17, i => BitConverter.Int64BitsToDouble(rootBits - (1 << 16) + i)));
        yield return ("ln2/beta + 2^-[0, 60]", Fill(count, i => root + (i % 2 == 0 ? 1 : -1) * Math.ScaleB(random.NextDouble(), -random.Next(0, 60))));
        yield return ("[0.3/beta, 1.5/beta]", Fill(count, _ => RandomValues.Double(random, 0.3 / beta, 1.5 / beta)));

        // Tiny y, subnormals included, and the boundary of the tiny form at beta y = 2^-30.
        long tinyTop = BitConverter.DoubleToInt64Bits(Math.ScaleB(1.0, -20));
        yield return ("(0, 2^-20] incl. subnormal", Fill(count, _ => BitConverter.Int64BitsToDouble(random.NextInt64(1, tinyTop))));
        yield return ("subnormal", Fill(count, _ => BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52))));
        yield return ("beta y near 2^-30", Fill(count, _ => Math.ScaleB(1.0, -30) / beta * (0.5 + random.NextDouble())));

        // Large y: the binades where the correction counts, then up to the largest double.
        yield return ("[10, 120]", Fill(count, _ => RandomValues.Double(random, 10, 120)));
        long hugeBottom = BitConverter.DoubleToInt64Bits(100.0);
        yield return ("[100, MaxValue]", Fill(count, _ => BitConverter.Int64BitsToDouble(random.NextInt64(hugeBottom, BitConverter.DoubleToInt64Bits(double.MaxValue) + 1))));
    }

    private static T[] Fill<T>(int count, Func<int, T> value)
    {
        var x = new T[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = value(i);
        }

        return x;
    }
}
