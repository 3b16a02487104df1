using System;
using System.Threading;
using System.Threading.Tasks;
using FusedActivations.Accuracy.Kernels;

namespace FusedActivations.Accuracy;

/// <summary>
/// Runs float kernels over the inputs in parallel chunks (one worker per core) against the activation's float reference
/// (<see cref="FloatReference"/>), computed once per input for all kernels.
/// </summary>
internal static class FloatCheck
{
    private const int ChunkSize = 1 << 16;

    public static ErrorStats[] Run(IAccuracyKernel[] kernels, FloatInputs inputs, Activation activation, ActivationParameters parameters, FloatReference reference, Action<double> progress)
    {
        var total = new ErrorStats[kernels.Length];
        for (int k = 0; k < kernels.Length; k++)
        {
            total[k] = new ErrorStats();
        }

        long chunks = (inputs.Count + ChunkSize - 1) / ChunkSize;
        long done = 0;
        var gate = new object();
        Parallel.For(0L, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Worker(kernels.Length),
            (chunk, _, worker) =>
            {
                long start = chunk * ChunkSize;
                int length = (int)Math.Min(ChunkSize, inputs.Count - start);
                worker.Process(kernels, inputs, start, length, activation, parameters, reference);
                long finished = Interlocked.Increment(ref done);
                if (finished % 1024 == 0)
                {
                    progress((double)finished / chunks);
                }

                return worker;
            },
            worker =>
            {
                lock (gate)
                {
                    for (int k = 0; k < kernels.Length; k++)
                    {
                        total[k].Merge(worker.Stats[k]);
                    }
                }
            });
        return total;
    }

    /// <summary>One thread's buffers and partial statistics; one reference evaluation serves every kernel.</summary>
    private sealed class Worker(int kernelCount)
    {
        private readonly float[] _x = new float[ChunkSize];
        private readonly double[] _reference = new double[ChunkSize];
        private readonly double[] _referenceNoCut = new double[ChunkSize];
        private readonly bool[] _isExact = new bool[ChunkSize];
        private readonly bool[] _noCutIsExact = new bool[ChunkSize];
        private readonly float[] _result = new float[ChunkSize];

        public ErrorStats[] Stats { get; } = CreateStats(kernelCount);

        private static ErrorStats[] CreateStats(int count)
        {
            var stats = new ErrorStats[count];
            for (int i = 0; i < count; i++)
            {
                stats[i] = new ErrorStats();
            }

            return stats;
        }

        public void Process(IAccuracyKernel[] kernels, FloatInputs inputs, long start, int length, Activation activation,
            ActivationParameters parameters, FloatReference floatReference)
        {
            Span<float> x = _x.AsSpan(0, length);
            for (int i = 0; i < length; i++)
            {
                x[i] = BitConverter.Int32BitsToSingle((int)inputs.Bits(start + i));
            }

            floatReference.Evaluate(x, _reference.AsSpan(0, length), _isExact.AsSpan(0, length), start);

            // Softplus: kernels without a cut-off (HasThreshold false) are judged against threshold +inf: the same
            // reference when the run's threshold is +inf, else one that differs only where the float threshold rule,
            // (float)(beta * x) > threshold, returns x.
            double[] referenceNoCut = _reference;
            if (activation.AboveFloatThreshold is { } above && !double.IsPositiveInfinity(parameters.Threshold) && Array.Exists(kernels, k => !k.HasThreshold))
            {
                referenceNoCut = _referenceNoCut;
                ActivationParameters noCut = parameters with { Threshold = double.PositiveInfinity };
                for (int i = 0; i < length; i++)
                {
                    referenceNoCut[i] = above(x[i], parameters) ? activation.FloatExact(x[i], noCut) : _reference[i];
                    _noCutIsExact[i] = true;
                }
            }

            for (int k = 0; k < kernels.Length; k++)
            {
                Span<float> result = _result.AsSpan(0, length);
                kernels[k].Evaluate(x, result);
                ErrorStats stats = Stats[k];
                bool cut = kernels[k].HasThreshold || referenceNoCut == _reference;
                double[] reference = cut ? _reference : referenceNoCut;
                bool[] isExact = cut ? _isExact : _noCutIsExact;
                long refined = 0;
                for (int i = 0; i < length; i++)
                {
                    double ulps = floatReference.Distance(result[i], x[i], ref reference[i], ref isExact[i], ref refined);
                    stats.Add(ulps, x[i], (uint)BitConverter.SingleToInt32Bits(x[i]), result[i], reference[i]);
                }

                floatReference.CountRefined(refined);
            }
        }
    }
}
