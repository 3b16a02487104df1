using System;

namespace FusedActivations.Accuracy;

/// <summary>ULP error statistics of one kernel over a set of inputs; merged across threads.</summary>
internal sealed class ErrorStats
{
    public double Max { get; private set; } = -1;
    public double MaxInput { get; private set; }
    public long MaxInputBits { get; private set; }
    public double MaxResult { get; private set; }
    public double MaxReference { get; private set; }
    public long Count { get; private set; }

    /// <summary>Sum of finite errors, for the mean; inputs with infinite error are counted apart.</summary>
    public double Sum { get; private set; }
    public long AboveHalf { get; private set; }
    public long AboveOne { get; private set; }
    public long Infinite { get; private set; }

    public double Mean => Count - Infinite == 0 ? 0 : Sum / (Count - Infinite);

    public void Add(double ulps, double input, long inputBits, double result, double reference)
    {
        Count++;
        if (double.IsInfinity(ulps))
        {
            Infinite++;
        }
        else
        {
            Sum += ulps;
        }

        if (ulps > 0.5)
        {
            AboveHalf++;
            if (ulps > 1.0)
            {
                AboveOne++;
            }
        }

        if (ulps > Max || (ulps == Max && inputBits < MaxInputBits))
        {
            // Ties keep the smallest bit pattern, so the report does not depend on thread scheduling.
            Max = ulps;
            MaxInput = input;
            MaxInputBits = inputBits;
            MaxResult = result;
            MaxReference = reference;
        }
    }

    public void Merge(ErrorStats other)
    {
        Count += other.Count;
        Sum += other.Sum;
        AboveHalf += other.AboveHalf;
        AboveOne += other.AboveOne;
        Infinite += other.Infinite;
        if (other.Max > Max || (other.Max == Max && other.MaxInputBits < MaxInputBits))
        {
            Max = other.Max;
            MaxInput = other.MaxInput;
            MaxInputBits = other.MaxInputBits;
            MaxResult = other.MaxResult;
            MaxReference = other.MaxReference;
        }
    }
}
