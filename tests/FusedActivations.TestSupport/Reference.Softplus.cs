using System;

namespace FusedActivations.TestSupport;

public static partial class Reference
{
    // A float reference near a float rounding boundary is recomputed in double-double. The fast double evaluation is
    // within about 8 double ULP (2^-49 relative, 2^-25 float ULP); boundaries closer than this margin are recomputed.
    private const double FloatAmbiguityMargin = 1.0 / (1 << 20);

    /// <summary>
    /// Softplus with PyTorch's semantics for float: x where the float product <c>(float)(beta * x)</c> exceeds the
    /// threshold, else <c>log(1 + exp(beta x)) / beta</c>, as a double.
    /// </summary>
    /// <remarks>
    /// Evaluated fast in double with the platform's <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> (a different
    /// algorithm from FusedMath's), within 2^-49 relative of the exact value. Where the exact value may lie within
    /// 2^-20 float ULP of a float or of a midpoint between two floats (where the 0.5 and 1 ULP classifications of a
    /// float result could flip), it is recomputed with the double-double reference and rounded to the nearest double.
    /// So classifying a float result as within 0.5 or 1 ULP against this value is always right.
    /// </remarks>
    public static double Softplus(float x, float beta, float threshold)
    {
        if (float.IsNaN(x))
        {
            return double.NaN;
        }

        if ((float)(beta * x) > threshold)
        {
            return x;
        }

        double fast = SoftplusFast(x, beta);
        if (IsNearFloatBoundary(fast))
        {
            return Softplus((double)x, beta, double.PositiveInfinity).Hi;
        }

        return fast;
    }

    /// <summary>Softplus with PyTorch's default beta = 1 and threshold = 20, for float.</summary>
    public static double Softplus(float x) => Softplus(x, 1f, 20f);

    /// <summary>
    /// Softplus with PyTorch's semantics for double: x where <c>beta * x</c> (rounded to double) exceeds the threshold,
    /// else <c>max(x, 0) + log1p(exp(-beta |x|)) / beta</c> with the product kept exactly, to about 2^-100 relative.
    /// </summary>
    public static DoubleDouble Softplus(double x, double beta, double threshold)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (beta * x > threshold)
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? x : 0.0;
        }

        DoubleDouble p = DoubleDouble.FromProduct(beta, Math.Abs(x));
        if (double.IsPositiveInfinity(p.Hi))
        {
            return PositivePart(x);
        }

        return PositivePart(x) + SoftplusTail(p, beta);
    }

    /// <summary>Softplus with PyTorch's default beta = 1 and threshold = 20, for double.</summary>
    public static DoubleDouble Softplus(double x) => Softplus(x, 1.0, 20.0);

    private static double SoftplusFast(float x, float beta)
    {
        // beta * |x| is exact in double; exp within 1 ULP; the compensated log1p within 2; division and sum 1 more.
        double t = Math.Exp(-((double)beta * Math.Abs(x)));
        double u = 1.0 + t;
        double log1p = u == 1.0 ? t : Math.Log(u) - ((u - 1.0) - t) / u;
        return Math.Max((double)x, 0.0) + log1p / beta;
    }

    /// <summary>Whether a value lies within the margin of a float, or of a midpoint between floats, in float ULPs.</summary>
    internal static bool IsNearFloatBoundary(double value)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return false;
        }

        // Position of the value on the grid of half float ULPs of its binade: integers are floats or midpoints.
        double halfUlps = Math.Abs(value) / (0.5 * Ulp.OfFloat(value));
        double fraction = halfUlps - Math.Floor(halfUlps);
        return fraction < FloatAmbiguityMargin || fraction > 1.0 - FloatAmbiguityMargin;
    }
}
