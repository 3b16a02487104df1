using System;

namespace FusedActivations.TestSupport;

/// <summary>
/// Error of a computed result in units in the last place (ULP) of the reference value, as a fractional double.
/// </summary>
/// <remarks>
/// The ULP is the spacing of the result type's values in the binade of the reference: 2^(e-23) for float and
/// 2^(e-52) for double with e = floor(log2 |reference|), the subnormal spacing below the normal range, and the
/// spacing of the largest binade above it. A correctly rounded result is within 0.5 ULP. Exact equality (including
/// equal infinities and +0 against -0) and NaN against NaN count as 0; NaN against a number and a finite result
/// against an infinite reference count as +infinity. An infinite result against a finite reference beyond the largest
/// finite value counts as its distance from 2^128 (float) or 2^1024 (double), so correctly rounded overflow is 0.
/// </remarks>
public static class Ulp
{
    private const double FloatOverflow = 340282366920938463463374607431768211456.0; // 2^128
    private const double FloatTopUlp = 20282409603651670423947251286016.0; // 2^104

    /// <summary>The float ULP at the magnitude of <paramref name="reference"/>.</summary>
    public static double OfFloat(double reference)
    {
        if (reference == 0 || !double.IsFinite(reference))
        {
            return reference == 0 ? Math.ScaleB(1.0, -149) : FloatTopUlp;
        }

        int e = Math.Clamp(Math.ILogB(reference), -126, 127);
        return Math.ScaleB(1.0, e - 23);
    }

    /// <summary>The double ULP at the magnitude of <paramref name="reference"/>.</summary>
    public static double OfDouble(double reference)
    {
        if (reference == 0 || !double.IsFinite(reference))
        {
            return reference == 0 ? double.Epsilon : Math.ScaleB(1.0, 971);
        }

        int e = Math.Max(Math.ILogB(reference), -1022);
        return Math.ScaleB(1.0, e - 52);
    }

    /// <summary>The error of a float result in float ULPs of a double reference.</summary>
    public static double Distance(float result, double reference)
    {
        if (TrySpecial(result, reference, out double special))
        {
            return special;
        }

        if (float.IsInfinity(result))
        {
            // Overflow: correct when the reference rounds to infinity (at or beyond 2^128 - 2^103).
            if (Math.Sign(result) != Math.Sign(reference))
            {
                return double.PositiveInfinity;
            }

            return Math.Max(0.0, FloatOverflow - Math.Abs(reference)) / FloatTopUlp;
        }

        return Math.Abs(result - reference) / OfFloat(reference);
    }

    /// <summary>The error of a double result in double ULPs of a double-double reference.</summary>
    public static double Distance(double result, DoubleDouble reference)
    {
        double hi = reference.Hi;
        // An infinite or NaN reference has no tail, so the special rules see the whole value; a finite one with a
        // tail is never exactly equal to a double, which the general formula below measures.
        if ((reference.Lo == 0 || !double.IsFinite(result)) && TrySpecial(result, hi, out double special))
        {
            return special;
        }

        if (double.IsInfinity(result))
        {
            // Overflow: distance from 2^1024, computed at half scale because 2^1024 is not a double.
            if (Math.Sign(result) != Math.Sign(hi))
            {
                return double.PositiveInfinity;
            }

            DoubleDouble half = DoubleDouble.FromSum(0.5 * Math.Abs(hi), 0.5 * Math.Abs(reference.Lo) * Math.Sign(hi));
            double gap = ((DoubleDouble)Math.ScaleB(1.0, 1023) - half).Hi;
            return Math.Max(0.0, gap) / Math.ScaleB(1.0, 970);
        }

        // result - hi is exact when they are close (Sterbenz); the trailing part then adds the reference's tail.
        double difference = (result - hi) - reference.Lo;
        return Math.Abs(difference) / OfDouble(hi);
    }

    /// <summary>The error of a double result in double ULPs of a double reference.</summary>
    public static double Distance(double result, double reference) => Distance(result, (DoubleDouble)reference);

    private static bool TrySpecial(double result, double reference, out double distance)
    {
        bool resultNaN = double.IsNaN(result);
        bool referenceNaN = double.IsNaN(reference);
        if (resultNaN || referenceNaN)
        {
            distance = resultNaN && referenceNaN ? 0.0 : double.PositiveInfinity;
            return true;
        }

        if (result == reference)
        {
            distance = 0.0;
            return true;
        }

        if (double.IsInfinity(reference))
        {
            distance = double.PositiveInfinity;
            return true;
        }

        distance = 0.0;
        return false;
    }
}
