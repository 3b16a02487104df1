using System;

namespace FusedActivations.Accuracy;

/// <summary>
/// Fast double evaluations of the float references (see <see cref="Activation.FloatFast"/>), written with the platform's
/// <see cref="Math.Exp"/>, <see cref="Math.Log(double)"/> and <see cref="Math.Tanh"/> (glibc's, within 1 to 2 double ULP):
/// a different algorithm from FusedMath's, and within a few double ULP (about 2^-50 relative, 2^-27 float ULP) of the
/// exact value for finite float arguments. The bound is checked on a sample of every run (<see cref="FloatReference"/>).
/// </summary>
internal static class FastDouble
{
    /// <summary>1 / (1 + e^-x), with e^x / (1 + e^x) for x &lt; 0 so that small results keep their relative precision.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>
    /// e^x - 1 by Kahan's formula (u - 1) x / log u with u = e^x rounded: the rounding of u cancels between numerator
    /// and denominator, so small x keep their relative precision.
    /// </summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + e^x) = max(x, 0) + log1p(e^-|x|), with the compensated log1p of <c>Reference.Softplus</c>.</summary>
    public static double Softplus(double x)
    {
        double t = Math.Exp(-Math.Abs(x));
        double u = 1.0 + t;
        double log1p = u == 1.0 ? t : Math.Log(u) - ((u - 1.0) - t) / u;
        return Math.Max(x, 0.0) + log1p;
    }
}
