using System;
using System.Threading;
using FusedActivations.Accuracy.Kernels;
using FusedActivations.TestSupport;

namespace FusedActivations.Accuracy;

/// <summary>
/// The float reference of a run. Activations with a fast double evaluation (<see cref="Activation.FloatFast"/>, within
/// about 2^-27 float ULP of the exact value) use it, and the double-double evaluation only where it can change a result:
/// the fast value f measures a kernel's result r to about 2^-27 ULP, so it serves unless that error could move r across
/// a classification (0.5 or 1 ULP, within <see cref="Margin"/>), or f and the exact value could lie in different binades
/// (f near a power of two, where the ULP doubles) and r is not the float f rounds to. A correctly rounded kernel thus
/// almost never needs the double-double work, which is where an exhaustive run spends its time. The fast formula's
/// bound is not taken on trust: every <see cref="CheckStride"/>-th input (every input with --quick) is also evaluated
/// exactly, and the run stops if the fast value is further than a quarter of the margin from it.
/// </summary>
internal sealed class FloatReference(Activation activation, ActivationParameters parameters, bool checkEveryInput)
{
    /// <summary>Float ULPs around the 0.5 and 1 ULP classifications (and around powers of two) inside which the exact value is computed.</summary>
    public const double Margin = 1.0 / (1 << 18);

    /// <summary>One input in this many has its fast value checked against the exact one (a prime, so it visits every residue).</summary>
    public const int CheckStride = 61;

    private readonly Func<float, ActivationParameters, double>? _fast = activation.FloatFast;
    private readonly Func<float, ActivationParameters, double> _exact = activation.FloatExact;
    private long _checked;
    private long _exactCount;
    private double _maxDeviation;

    /// <summary>Inputs whose fast value was compared with the exact one.</summary>
    public long Checked => Interlocked.Read(ref _checked);

    /// <summary>Inputs evaluated exactly because the fast value was near a boundary (or not finite).</summary>
    public long ExactCount => Interlocked.Read(ref _exactCount);

    /// <summary>The largest distance seen between the fast and the exact value, in float ULPs.</summary>
    public double MaxDeviation => Volatile.Read(ref _maxDeviation);

    public bool HasFast => _fast is not null;

    /// <summary>
    /// Fills <paramref name="reference"/> for <paramref name="x"/> (<paramref name="start"/> numbers the inputs for the
    /// sample) and <paramref name="isExact"/> with whether each value is the exact one; <see cref="Refine"/> makes the
    /// others exact where a kernel's result needs it.
    /// </summary>
    public void Evaluate(ReadOnlySpan<float> x, Span<double> reference, Span<bool> isExact, long start)
    {
        if (_fast is null)
        {
            for (int i = 0; i < x.Length; i++)
            {
                reference[i] = _exact(x[i], parameters);
                isExact[i] = true;
            }

            Interlocked.Add(ref _exactCount, x.Length);
            return;
        }

        long exact = 0, check = 0;
        double deviation = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double fast = _fast(x[i], parameters);
            if (!float.IsFinite(x[i]) || !double.IsFinite(fast))
            {
                reference[i] = _exact(x[i], parameters);
                isExact[i] = true;
                exact++;
                continue;
            }

            reference[i] = fast;
            isExact[i] = false;
            if (checkEveryInput || (start + i) % CheckStride == 0)
            {
                double truth = _exact(x[i], parameters);
                double d = Math.Abs(fast - truth) / Ulp.OfFloat(truth);
                deviation = Math.Max(deviation, d);
                check++;
                if (!(d <= Margin / 4))
                {
                    throw new InvalidOperationException(
                        $"The fast {activation.Name} reference is {d:G3} float ULP from the exact value at x = {x[i]:R} " +
                        $"(0x{BitConverter.SingleToInt32Bits(x[i]):X8}): {fast:R} against {truth:R}; its error bound does not hold.");
                }
            }
        }

        Interlocked.Add(ref _exactCount, exact);
        Interlocked.Add(ref _checked, check);
        double seen;
        while (deviation > (seen = Volatile.Read(ref _maxDeviation)) &&
               Interlocked.CompareExchange(ref _maxDeviation, deviation, seen) != seen)
        {
        }
    }

    /// <summary>
    /// The error of <paramref name="result"/> in float ULPs; replaces a fast <paramref name="reference"/> by the exact
    /// value first where the fast one could misclassify the result (see the class summary).
    /// </summary>
    public double Distance(float result, float x, ref double reference, ref bool isExact, ref long refined)
    {
        double ulps = Ulp.Distance(result, reference);
        if (isExact || double.IsInfinity(ulps) || double.IsNaN(ulps))
        {
            // A NaN or infinite mismatch against a finite fast value stays one against the exact value.
            return ulps;
        }

        bool nearClass = Math.Abs(ulps - 0.5) < Margin || Math.Abs(ulps - 1.0) < Margin;
        if (nearClass || (NearPowerOfTwo(reference) && result != (float)reference))
        {
            reference = _exact(x, parameters);
            isExact = true;
            refined++;
            ulps = Ulp.Distance(result, reference);
        }

        return ulps;
    }

    /// <summary>Adds the exact evaluations <see cref="Distance"/> made in a chunk.</summary>
    public void CountRefined(long refined) => Interlocked.Add(ref _exactCount, refined);

    /// <summary>Whether a normal value lies within the margin of a power of two, where the float ULP changes.</summary>
    private static bool NearPowerOfTwo(double value)
    {
        double a = Math.Abs(value);
        if (!(a >= FloatMinNormal) || double.IsInfinity(a))
        {
            return false;
        }

        double power = Math.ScaleB(1.0, Math.ILogB(a));
        double margin = Margin * Ulp.OfFloat(power);
        return a - power < margin || 2 * power - a < margin;
    }

    private const double FloatMinNormal = 1.1754943508222875E-38; // 2^-126
}
