using System;

namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>
    /// log(exp(a) + exp(b)) to about 2^-100 relative to max(|a|, |b|, |result|), with numpy's special values: NaN if
    /// either is NaN, a + ln 2 for a == b (so equal infinities give that infinity), else max + log1p(exp(-|a - b|)).
    /// </summary>
    public static DoubleDouble LogAddExp(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.NaN;
        }

        if (a == b)
        {
            return double.IsInfinity(a) ? a : a + DoubleDouble.Ln2;
        }

        double max = Math.Max(a, b);
        double min = Math.Min(a, b);
        if (double.IsInfinity(max) || double.IsInfinity(min))
        {
            return max;
        }

        // The difference is exact as a double-double, so the tail depends on nothing rounded.
        DoubleDouble d = DoubleDouble.FromSum(max, -min);
        return max + SoftplusTail(d, 1.0);
    }

    /// <summary>log(exp(a) + exp(b)) for float arguments, rounded to double.</summary>
    public static double LogAddExp(float a, float b) => ToDouble(LogAddExp((double)a, (double)b));
}
