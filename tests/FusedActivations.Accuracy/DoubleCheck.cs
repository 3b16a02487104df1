using System;
using System.Threading.Tasks;
using FusedActivations.Accuracy.Kernels;
using FusedActivations.TestSupport;

namespace FusedActivations.Accuracy;

/// <summary>Runs double kernels on N random doubles plus the special values against the double-double reference.</summary>
internal static class DoubleCheck
{
    private const int ChunkSize = 1 << 14;

    public static ErrorStats[] Run(IAccuracyKernelDouble[] kernels, long count, Activation activation, ActivationParameters parameters, int seed)
    {
        var total = new ErrorStats[kernels.Length];
        for (int k = 0; k < kernels.Length; k++)
        {
            total[k] = new ErrorStats();
        }

        long chunks = (count + ChunkSize - 1) / ChunkSize;
        (double min, double max) = activation.Range;
        double scale = activation.RangeScalesWithParameter ? parameters.Parameter : 1.0;
        var gate = new object();
        Parallel.For(0L, chunks + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            // Chunk 'chunks' holds the special values; the others draw from a generator seeded per chunk, so the
            // inputs do not depend on scheduling, nor on the process (see ChunkSeed).
            double[] x;
            if (chunk == chunks)
            {
                x = new double[SpecialValues.Doubles.Count];
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = SpecialValues.Doubles[i];
                }
            }
            else
            {
                var random = new Random(ChunkSeed(seed, chunk));
                x = new double[(int)Math.Min(ChunkSize, count - chunk * ChunkSize)];
                for (int i = 0; i < x.Length; i++)
                {
                    // Half random bit patterns, half where the activation varies (Softplus, SiLU: beta x in the range).
                    x[i] = (i & 1) == 0 ? RandomValues.DoubleBits(random) : RandomValues.Double(random, min, max) / scale;
                }
            }

            var reference = new DoubleDouble[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                reference[i] = activation.DoubleExact(x[i], parameters);
            }

            // Softplus: kernels without a cut-off (HasThreshold false) are judged against threshold +inf.
            DoubleDouble[] referenceNoCut = reference;
            if (!double.IsPositiveInfinity(parameters.Threshold) && Array.Exists(kernels, k => !k.HasThreshold))
            {
                referenceNoCut = new DoubleDouble[x.Length];
                ActivationParameters noCut = parameters with { Threshold = double.PositiveInfinity };
                for (int i = 0; i < x.Length; i++)
                {
                    referenceNoCut[i] = activation.DoubleExact(x[i], noCut);
                }
            }

            var local = new ErrorStats[kernels.Length];
            double[] result = new double[x.Length];
            for (int k = 0; k < kernels.Length; k++)
            {
                local[k] = new ErrorStats();
                kernels[k].Evaluate(x, result);
                DoubleDouble[] expected = kernels[k].HasThreshold ? reference : referenceNoCut;
                for (int i = 0; i < x.Length; i++)
                {
                    local[k].Add(Ulp.Distance(result[i], expected[i]), x[i], BitConverter.DoubleToInt64Bits(x[i]), result[i], expected[i].Hi);
                }
            }

            lock (gate)
            {
                for (int k = 0; k < kernels.Length; k++)
                {
                    total[k].Merge(local[k]);
                }
            }
        });
        return total;
    }

    /// <summary>
    /// The seed of one chunk's generator: a fixed mix of the run's seed and the chunk number (SplitMix64's finalizer).
    /// Not <see cref="HashCode.Combine{T1, T2}(T1, T2)"/>, which is randomized per process, so that the same --seed gives
    /// the same inputs in every run.
    /// </summary>
    private static int ChunkSeed(int seed, long chunk)
    {
        ulong z = (((ulong)(uint)seed << 32) | (uint)chunk) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}
