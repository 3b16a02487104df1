using System;

namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>
    /// Hard Swish x * min(max(x + 3, 0), 6) / 6, exactly to about 2^-104 relative (results in the subnormal range to
    /// about half an ULP): 0 for x &lt;= -3, x for x &gt;= 3, x (x + 3) / 6 between.
    /// </summary>
    public static DoubleDouble HardSwish(double x)
    {
        if (double.IsNaN(x) || x >= 3)
        {
            return x;
        }

        if (x <= -3)
        {
            return 0.0;
        }

        // Scale tiny x up by 2^200 (exact) so that the product keeps its trailing part, and back down at the end.
        int scale = Math.Abs(x) < Math.ScaleB(1.0, -800) ? 200 : 0;
        DoubleDouble product = DoubleDouble.FromSum(x, 3.0) * Math.ScaleB(x, scale);
        return (product / 6.0).ScaleB(-scale);
    }

    /// <summary>Hard Swish for a float argument, rounded to double.</summary>
    public static double HardSwish(float x) => ToDouble(HardSwish((double)x));
}
