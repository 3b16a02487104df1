using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // Below 2^-500, x^2 / 6 is below 2^-500 relative to x / 2 and the exact products below could underflow.
    private const double HardSwishTiny = 3.054936363499605e-151; // 2^-500

    /// <summary>Computes Hard Swish, <c>x * min(max(x + 3, 0), 6) / 6</c> (PyTorch's <c>F.hardswish</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// The exact value rounded essentially once (the double evaluation of <see cref="HardSwish(double)"/>, rounded to
    /// float): at most 0.5 ULP plus about 2^-28 ULP. NaN gives NaN, x &lt;= -3 gives -0 (also -infinity, the limit,
    /// where PyTorch's formula gives NaN), x &gt;= 3 gives x.
    /// </returns>
    public static float HardSwish(float x) => (float)HardSwish((double)x);

    /// <summary>Computes Hard Swish, <c>x * min(max(x + 3, 0), 6) / 6</c> (PyTorch's <c>F.hardswish</c>).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// On (-3, 3), <c>x (x + 3) / 6</c> with the sum and the product formed exactly (TwoSum, fused multiply-add) and
    /// the quotient corrected by its exact remainder, so the exact value is rounded essentially once: measured at
    /// most 0.5 ULP. For |x| &lt; 2^-500, <c>x / 2</c> (the x^2 / 6 term is far below the last bit). NaN gives NaN,
    /// x &lt;= -3 gives -0 (also -infinity, the limit, where PyTorch's formula gives NaN), x &gt;= 3 gives x.
    /// </returns>
    public static double HardSwish(double x)
    {
        double s = TwoSum(x, 3.0, out double sl);
        double y = x * s;
        double yl = Math.FusedMultiplyAdd(x, s, -y) + x * sl;
        // y - 6q is exact (the remainder of a correctly rounded quotient), so q + r is the quotient of y + yl.
        double q = y / 6.0;
        double r = (Math.FusedMultiplyAdd(-q, 6.0, y) + yl) / 6.0;
        double middle = Math.Abs(x) < HardSwishTiny ? x * 0.5 : q + r;
        // NaN fails both comparisons and keeps the NaN of the middle branch.
        return x >= 3.0 ? x : x <= -3.0 ? -0.0 : middle;
    }
}
