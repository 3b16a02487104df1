using System;
using System.Threading.Tasks;
using FusedActivations.Accuracy.Kernels;
using FusedActivations.TestSupport;

namespace FusedActivations.Accuracy;

/// <summary>Runs double kernels on N random doubles plus the special values against the double-double reference.</summary>
internal static class DoubleCheck
{
    private const int ChunkSize = 1 << 14;

    public static ErrorStats[] Run(IAccuracyKernelDouble[] kernels, long count, double beta, double threshold, int seed)
    {
        var total = new ErrorStats[kernels.Length];
        for (int k = 0; k < kernels.Length; k++)
        {
            total[k] = new ErrorStats();
        }

        long chunks = (count + ChunkSize - 1) / ChunkSize;
        var gate = new object();
        Parallel.For(0L, chunks + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            // Chunk 'chunks' holds the special values; the others draw from a generator seeded per chunk, so the
            // inputs do not depend on scheduling.
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
                var random = new Random(HashCode.Combine(seed, chunk));
                x = new double[(int)Math.Min(ChunkSize, count - chunk * ChunkSize)];
                for (int i = 0; i < x.Length; i++)
                {
                    // Half random bit patterns, half where Softplus varies: beta x in [-750, 40].
                    x[i] = (i & 1) == 0 ? RandomValues.DoubleBits(random) : RandomValues.Double(random, -750.0, 40.0) / beta;
                }
            }

            var reference = new DoubleDouble[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                reference[i] = Reference.Softplus(x[i], beta, threshold);
            }

            var local = new ErrorStats[kernels.Length];
            double[] result = new double[x.Length];
            for (int k = 0; k < kernels.Length; k++)
            {
                local[k] = new ErrorStats();
                kernels[k].Softplus(x, result);
                for (int i = 0; i < x.Length; i++)
                {
                    local[k].Add(Ulp.Distance(result[i], reference[i]), x[i], BitConverter.DoubleToInt64Bits(x[i]), result[i], reference[i].Hi);
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
}
