using System;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Activations.Softplus;

/// <summary>
/// The Softplus constants that depend on beta and the threshold, folded at compile time for one element type.
/// Everything is computed in double and rounded once to the element type, so the generated literals are exact.
/// </summary>
internal sealed class SoftplusConstants
{
    private SoftplusConstants(ElementInfo element, double beta, double threshold, double invBetaHi, double invBetaLo, double cutoff, double clamp)
    {
        Element = element;
        Beta = beta;
        Threshold = threshold;
        InvBetaHi = invBetaHi;
        InvBetaLo = invBetaLo;
        Cutoff = cutoff;
        Clamp = clamp;
    }

    public ElementInfo Element { get; }

    /// <summary>beta rounded to the element type: PyTorch computes <c>x * beta</c> in the tensor's type too.</summary>
    public double Beta { get; }

    /// <summary>The threshold rounded to the element type (+infinity: no linear cut-off).</summary>
    public double Threshold { get; }

    /// <summary>1/beta rounded to the element type.</summary>
    public double InvBetaHi { get; }

    /// <summary>1/beta - InvBetaHi, rounded: 0 when beta is a power of two.</summary>
    public double InvBetaLo { get; }

    /// <summary>
    /// The smallest x of the element type with <c>fl(beta * x) &gt; threshold</c>: comparing x with it is exactly
    /// PyTorch's rule <c>x * beta &gt; threshold</c>, without the multiplication. +infinity when no x qualifies.
    /// </summary>
    public double Cutoff { get; }

    /// <summary>
    /// |x| beyond which <c>exp(-beta |x|) / beta</c> rounds to 0: the kernel clamps x to [-Clamp, Clamp] before the
    /// exponential, which keeps every intermediate finite (for x = ±infinity too) without changing any result.
    /// </summary>
    public double Clamp { get; }

    /// <summary>True when beta is a power of two: beta * x and (1/beta) * y are then exact and their error terms vanish.</summary>
    public bool BetaIsPowerOfTwo => InvBetaLo == 0 && ElementInfo.IsPowerOfTwo(Beta);

    public static SoftplusConstants Fold(SoftplusSpec spec, ElementInfo element)
    {
        double beta = element.Round(spec.Beta);
        double threshold = element.Round(spec.Threshold);
        double invBeta = 1.0 / beta;
        double invBetaHi = element.Round(invBeta);
        // 1/beta - invBetaHi from the exact 1 - beta * invBetaHi (invBeta - invBetaHi would always be 0 in double).
        double invBetaLo = element.Round(ExactFolding.ReciprocalTail(beta, invBetaHi));

        // exp(a) / beta underflows to 0 below a = ln(beta) - ln(2) * (smallest subnormal exponent + 1); half a unit of
        // margin keeps the clamped value on the zero side after rounding Clamp.
        double underflow = element.Type == ElementType.Single ? 104.5 : 745.7;
        double clamp = element.Round((underflow - Math.Log(beta)) / beta);

        return new SoftplusConstants(element, beta, threshold, invBetaHi, invBetaLo, FindCutoff(element, beta, threshold), clamp);
    }

    /// <summary>
    /// The smallest x of the element type with <c>fl(beta * x) &gt; threshold</c>, +infinity when there is none.
    /// </summary>
    /// <remarks>
    /// fl(beta * x) is non-decreasing in x (beta &gt; 0 and rounding is monotonic), so the answer is found by bisection
    /// over the ordered bit patterns of the finite values: at most 64 steps whatever beta and the threshold are
    /// (a walk one value at a time from -MaxValue, as for Threshold = -infinity with beta &gt; 1, would never end).
    /// </remarks>
    internal static double FindCutoff(ElementInfo element, double beta, double threshold)
    {
        double max = element.Type == ElementType.Single ? float.MaxValue : double.MaxValue;
        bool Above(double x) => element.Round(beta * x) > threshold;

        if (!Above(max))
        {
            // Also a NaN threshold or beta, and threshold +infinity: no x qualifies.
            return double.PositiveInfinity;
        }

        if (Above(-max))
        {
            return -max;
        }

        // Invariant: !Above(Value(below)) and Above(Value(above)), below < above.
        long below = Ordinal(element, -max);
        long above = Ordinal(element, max);
        while (unchecked((ulong)(above - below)) > 1)
        {
            // The distance can exceed long.MaxValue (from -MaxValue to MaxValue), but not ulong.MaxValue.
            long middle = unchecked(below + (long)((ulong)(above - below) >> 1));
            if (Above(Value(element, middle)))
            {
                above = middle;
            }
            else
            {
                below = middle;
            }
        }

        return Value(element, above);
    }

    /// <summary>
    /// The position of a finite value of the element type in the ordered sequence of its values: 0 for ±0, n for the
    /// n-th value above 0 and -n for its negation. Consecutive values have consecutive ordinals.
    /// </summary>
    internal static long Ordinal(ElementInfo element, double value)
    {
        double magnitude = Math.Abs(value);
        long bits = element.Type == ElementType.Single
            ? BitConverter.ToInt32(BitConverter.GetBytes((float)magnitude), 0)
            : BitConverter.DoubleToInt64Bits(magnitude);
        return value < 0 ? -bits : bits;
    }

    /// <summary>The value of the element type at <paramref name="ordinal"/> (see <see cref="Ordinal"/>); +0 at 0.</summary>
    internal static double Value(ElementInfo element, long ordinal)
    {
        long bits = Math.Abs(ordinal);
        double magnitude = element.Type == ElementType.Single
            ? BitConverter.ToSingle(BitConverter.GetBytes((int)bits), 0)
            : BitConverter.Int64BitsToDouble(bits);
        return ordinal < 0 ? -magnitude : magnitude;
    }
}
