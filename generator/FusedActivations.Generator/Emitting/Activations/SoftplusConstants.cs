using System;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting.Activations;

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
        double invBetaLo = element.Round(invBeta - invBetaHi);

        // exp(a) / beta underflows to 0 below a = ln(beta) - ln(2) * (smallest subnormal exponent + 1); half a unit of
        // margin keeps the clamped value on the zero side after rounding Clamp.
        double underflow = element.Type == ElementType.Single ? 104.5 : 745.7;
        double clamp = element.Round((underflow - Math.Log(beta)) / beta);

        return new SoftplusConstants(element, beta, threshold, invBetaHi, invBetaLo, FindCutoff(element, beta, threshold), clamp);
    }

    private static double FindCutoff(ElementInfo element, double beta, double threshold)
    {
        if (double.IsPositiveInfinity(threshold))
        {
            return double.PositiveInfinity;
        }

        double max = element.Type == ElementType.Single ? float.MaxValue : double.MaxValue;
        bool Above(double x) => element.Round(beta * x) > threshold;

        if (!Above(max))
        {
            return double.PositiveInfinity;
        }

        if (Above(-max))
        {
            return -max;
        }

        // fl(beta * x) is monotonic in x: start at threshold / beta and step to the exact boundary.
        double c = element.Round(threshold / beta);
        if (double.IsInfinity(c) || double.IsNaN(c))
        {
            c = Math.Sign(threshold) * max;
        }

        while (Above(Next(element, c, down: true)))
        {
            c = Next(element, c, down: true);
        }

        while (!Above(c))
        {
            c = Next(element, c, down: false);
        }

        return c;
    }

    /// <summary>The neighbouring value of the element type.</summary>
    private static double Next(ElementInfo element, double value, bool down)
    {
        if (element.Type == ElementType.Single)
        {
            int bits = BitConverter.ToInt32(BitConverter.GetBytes((float)value), 0);
            if ((float)value == 0)
            {
                return down ? -float.Epsilon : float.Epsilon;
            }

            bits += (value > 0) != down ? 1 : -1;
            return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);
        }

        if (value == 0)
        {
            return down ? -double.Epsilon : double.Epsilon;
        }

        long dbits = BitConverter.DoubleToInt64Bits(value);
        dbits += (value > 0) != down ? 1 : -1;
        return BitConverter.Int64BitsToDouble(dbits);
    }
}
