using System;

namespace FusedActivations.TestSupport;

/// <summary>
/// High-precision reference values for the functions of <c>FusedMath</c> and the generated kernels.
/// </summary>
/// <remarks>
/// Double references return a <see cref="DoubleDouble"/> accurate to about 2^-100 relative (computed by
/// <see cref="DoubleDoubleMath"/>, independently of the runtime library's algorithms). Float references return the
/// double nearest the exact value (the leading part of the double-double), which is far more precise than any float
/// result needs: the ULP measurement of a float against it is exact to about 2^-29 ULP.
/// </remarks>
public static partial class Reference
{
    /// <summary>The exact value rounded to double, for a float argument.</summary>
    private static double ToDouble(DoubleDouble value) => value.Hi;

    /// <summary>max(x, 0) as a double-double, with -0 mapped to +0 like the stable formula.</summary>
    private static DoubleDouble PositivePart(double x) => x > 0 ? x : 0.0;

    /// <summary>log1p(exp(-p)) / beta for p = beta * |x| given exactly as a double-double, p &gt;= 0.</summary>
    private static DoubleDouble SoftplusTail(DoubleDouble p, double beta)
    {
        if (!(p.Hi <= 1e6))
        {
            // exp(-p) / beta < e^-1e6 / 2^-1074: zero at any precision a double can express.
            return DoubleDouble.Zero;
        }

        DoubleDouble m = DoubleDoubleMath.ExpScaled(-p, out int k);
        if (k < -120)
        {
            // t = m 2^k < 2^-119: log1p(t) = t (1 - t/2 + ...) = t to 2^-120 relative. Divide before scaling so that
            // values far below the double range (small beta) keep their precision until the final scaling.
            return (m / beta).ScaleB(k);
        }

        return DoubleDoubleMath.Log1P(m.ScaleB(k)) / beta;
    }
}
