using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Kernels.Tests.Fused;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Kernels.Tests.Parallel;

/// <summary>
/// <c>Parallel = true</c> on <c>[Fused]</c> and <c>[FusedGradient]</c> (issue 14): elementwise outputs bit-identical to
/// the single-threaded kernels of the same formulas (<see cref="FusedKernels"/>) for lengths around the chunk
/// boundaries of this machine, broadcast rows of every width, in place and out of place, float and double, on whichever
/// path this run takes. Sums over rows (gradients of broadcast inputs) are added per chunk and then chunk by chunk, in
/// double: they may differ from the single-threaded sums by the final rounding (one ULP of the element type) plus the
/// double rounding of a regrouped sum (rows x 2^-53 x the sum of |terms|), which is what these tests allow and no more.
/// </summary>
public sealed class ParallelFusedTests
{
    private static int MinimumFloats => ParallelKernels.MinimumChunkBytes / sizeof(float);

    /// <summary>(channels, rows): short rows (blocks of rows), long rows, one row per chunk, around the split and chunk boundaries.</summary>
    public static IEnumerable<object[]> Shapes()
    {
        var shapes = new SortedSet<(int Channels, int Rows)>();
        foreach (int channels in new[] { 1, 3, 1000, 70_000 })
        {
            foreach (int length in new[] { (2 * MinimumFloats) - 1, 2 * MinimumFloats, (3 * MinimumFloats) + 5, 5 * MinimumFloats })
            {
                int chunk = ParallelKernels.RowChunkLength(length, channels, sizeof(float), Environment.ProcessorCount);
                foreach (int candidate in new[] { length, chunk + channels, (2 * chunk) - channels })
                {
                    int rows = candidate / channels;
                    if (rows >= 1)
                    {
                        shapes.Add((channels, rows));
                    }
                }
            }
        }

        return shapes.Select(s => new object[] { s.Channels, s.Rows });
    }

    [Fact]
    public void TheseShapesSplitOnThisMachine()
    {
        // On more than one core the shapes above must include calls that split, or the tests below would test nothing.
        bool splits = Shapes().Any(s => ParallelKernels.Splits<float>((int)s[0] * (int)s[1], (int)s[0], 1));
        Assert.Equal(Environment.ProcessorCount > 1, splits);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScaleAndItsGradientMatchTheSingleThreadedKernels(int channels, int rows)
    {
        int length = channels * rows;
        float[] raw = RandomValues.Floats(channels, length, -30, 30);
        float[] bias = RandomValues.Floats(channels + 1, channels, -3, 3);
        float[] gradOutput = RandomValues.Floats(channels + 2, length, -1, 1);

        float[] serial = new float[length], parallel = new float[length];
        KernelTrace.Reset();
        FusedKernels.Scale(raw, bias, serial);
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);
        ParallelFusedMethods.Scale(raw, bias, parallel);
        ParallelAssert.BitIdentical(serial, parallel);

        float[] gradRaw = new float[length], gradBias = new float[channels];
        float[] parallelGradRaw = new float[length], parallelGradBias = new float[channels];
        FusedKernels.ScaleBackward(raw, bias, gradOutput, gradRaw, gradBias);
        ParallelFusedMethods.ScaleBackward(raw, bias, gradOutput, parallelGradRaw, parallelGradBias);
        ParallelAssert.BitIdentical(gradRaw, parallelGradRaw);

        // d/dbias and d/draw of softplus(raw + bias) are the same terms: gradRaw holds each row's term of the sum.
        for (int c = 0; c < channels; c++)
        {
            double bound = Ulp.OfFloat(gradBias[c]) + (rows * Math.ScaleB(ColumnMagnitude(gradRaw, channels, c), -53));
            Assert.True(Math.Abs(parallelGradBias[c] - gradBias[c]) <= bound, $"gradBias[{c}]: parallel {parallelGradBias[c]:R}, single-threaded {gradBias[c]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TwoOutputsWithABroadcastAndAScalarAreBitIdentical(int channels, int rows)
    {
        int length = channels * rows;
        float[] a = RandomValues.Floats(channels + 3, length, -8, 8);
        float[] b = RandomValues.Floats(channels + 4, channels, -2, 2);
        float[] ratio = new float[length], rest = new float[length];
        float[] parallelRatio = new float[length], parallelRest = new float[length];
        FusedKernels.Mix(a, b, 0.75f, ratio, rest);
        ParallelFusedMethods.Mix(a, b, 0.75f, parallelRatio, parallelRest);
        ParallelAssert.BitIdentical(ratio, parallelRatio);
        ParallelAssert.BitIdentical(rest, parallelRest);

        // In place: the first output is the elementwise input.
        float[] inPlace = (float[])a.Clone();
        ParallelFusedMethods.Mix(inPlace, b, 0.75f, inPlace, parallelRest);
        ParallelAssert.BitIdentical(ratio, inPlace);
        ParallelAssert.BitIdentical(rest, parallelRest);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(131_071)]
    [InlineData(131_072)]
    [InlineData(400_003)]
    public void ElementwiseFloatAndDoubleAreBitIdenticalInPlaceAndOutOfPlace(int length)
    {
        float[] a = RandomValues.Floats(length, length, -12, 12);
        float[] b = RandomValues.Floats(length + 1, length, -4, 4);
        float[] serial = new float[length];
        FusedKernels.SwiGlu(a, b, serial);
        float[] inPlace = (float[])a.Clone();
        ParallelFusedMethods.SwiGlu(inPlace, b, inPlace);
        ParallelAssert.BitIdentical(serial, inPlace);

        double[] x = a.Select(v => (double)v).ToArray();
        double[] y = b.Select(v => (double)v * 0.7).ToArray();
        double[] serialDouble = new double[length], parallelDouble = new double[length];
        FusedKernels.MixDouble(x, y, -1.5, serialDouble);
        ParallelFusedMethods.MixDouble(x, y, -1.5, parallelDouble);
        ParallelAssert.BitIdentical(serialDouble, parallelDouble);

        float[] temperatureGrad = RandomValues.Floats(length + 2, length, -1, 1), logGrad = RandomValues.Floats(length + 3, length, -1, 1);
        float[] gradX = new float[length], gradG = new float[length];
        float[] parallelGradX = new float[length], parallelGradG = new float[length];
        FusedKernels.GateBackward(a, b, 1.5f, temperatureGrad, logGrad, gradX, gradG);
        ParallelFusedMethods.GateBackward(a, b, 1.5f, temperatureGrad, logGrad, parallelGradX, parallelGradG);
        ParallelAssert.BitIdentical(gradX, parallelGradX);
        ParallelAssert.BitIdentical(gradG, parallelGradG);
    }

    [Theory]
    [InlineData(1, 300_000)]
    [InlineData(96, 3_001)]
    [InlineData(50_000, 7)]
    public void DoubleBroadcastGradientSumsDifferOnlyByTheirGrouping(int channels, int rows)
    {
        int length = channels * rows;
        double[] x = RandomValues.Floats(channels + 5, length, -6, 6).Select(v => (double)v).ToArray();
        double[] bias = RandomValues.Floats(channels + 6, channels, -1, 1).Select(v => (double)v).ToArray();
        double[] gradOutput = RandomValues.Floats(channels + 7, length, -1, 1).Select(v => (double)v).ToArray();
        double[] gradX = new double[length], gradBias = new double[channels];
        double[] parallelGradX = new double[length], parallelGradBias = new double[channels];
        FusedKernels.BiasGeluDoubleBackward(x, bias, gradOutput, gradX, gradBias);
        ParallelFusedMethods.BiasGeluDoubleBackward(x, bias, gradOutput, parallelGradX, parallelGradBias);
        ParallelAssert.BitIdentical(gradX, parallelGradX);
        for (int c = 0; c < channels; c++)
        {
            double bound = rows * Math.ScaleB(ColumnMagnitude(gradX, channels, c), -52);
            Assert.True(Math.Abs(parallelGradBias[c] - gradBias[c]) <= bound, $"gradBias[{c}]: parallel {parallelGradBias[c]:R}, single-threaded {gradBias[c]:R}");
        }
    }

    [Fact]
    public void ArgumentsAreCheckedBeforeAnythingIsWritten()
    {
        int length = 4 * MinimumFloats;
        float[] raw = RandomValues.Floats(1, length, -3, 3);
        float[] bias = RandomValues.Floats(2, 3, -1, 1);
        float[] destination = Enumerable.Repeat(5f, length).ToArray();

        // 4 * 65,536 is not a multiple of 3 channels.
        ArgumentException broadcast = Assert.Throws<ArgumentException>(() => ParallelFusedMethods.Scale(raw, bias, destination));
        Assert.Equal("bias", broadcast.ParamName);
        Assert.All(destination, v => Assert.Equal(5f, v));

        float[] gradOutput = RandomValues.Floats(3, length, -1, 1);
        float[] gradRaw = Enumerable.Repeat(5f, length).ToArray();
        float[] shortGradBias = new float[1];
        ArgumentException gradient = Assert.Throws<ArgumentException>(() => ParallelFusedMethods.ScaleBackward(raw, bias.AsSpan(0, 2), gradOutput, gradRaw, shortGradBias));
        Assert.Equal("gradBias", gradient.ParamName);
        Assert.All(gradRaw, v => Assert.Equal(5f, v));
    }

    /// <summary>The sum of |terms| of channel <paramref name="channel"/> (rows of <paramref name="channels"/>): the scale of a regrouped sum's rounding.</summary>
    private static double ColumnMagnitude<T>(T[] terms, int channels, int channel)
        where T : System.Numerics.INumber<T>
    {
        double magnitude = 0;
        for (int i = channel; i < terms.Length; i += channels)
        {
            magnitude += double.CreateChecked(T.Abs(terms[i]));
        }

        return magnitude;
    }
}
