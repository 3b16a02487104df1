using System;

namespace FusedActivations.TestSupport;

public static partial class DoubleDoubleMath
{
    /// <summary>pi to about 2^-107 (QD library constant).</summary>
    public static readonly DoubleDouble Pi = new(3.141592653589793116e+00, 1.224646799147353207e-16);

    // Below it erf's series (no cancellation in the sum; 1 - erf loses at most 6.2 bits, erfc(1.75) = 0.0133),
    // above it erfc's continued fraction, which converges faster the larger z.
    private const double ErfcSeriesEnd = 1.75;

    // Depth of the continued fraction: 120 + 1200 / z^2 levels, accurate to below 1e-36 relative from z = 1.75 up
    // (checked with mpmath at z = 1.75, 2, 3, 4, 6, 10).
    private const int ErfcFractionDepth = 120;
    private const double ErfcFractionDepthScale = 1200;

    /// <summary>Square root by one Newton step from the double root: accurate to about 2^-104 relative.</summary>
    public static DoubleDouble Sqrt(DoubleDouble x)
    {
        if (!(x.Hi > 0) || !x.IsFinite)
        {
            return x.Hi == 0 ? DoubleDouble.Zero : (x.Hi > 0 ? x : double.NaN);
        }

        double s = Math.Sqrt(x.Hi);
        return s + (x - DoubleDouble.FromProduct(s, s)) / (2.0 * s);
    }

    /// <summary>The complementary error function erfc(z) = 1 - erf(z), with gradual underflow to 0.</summary>
    public static DoubleDouble Erfc(DoubleDouble z)
    {
        DoubleDouble m = ErfcScaled(z, out int k);
        return m.ScaleB(k);
    }

    /// <summary>
    /// erfc(z) = m * 2^k, with the scale kept apart so that values far below the double range (erfc(27) is about
    /// 10^-319) keep their full precision; accurate to about 2^-100 relative.
    /// </summary>
    /// <remarks>
    /// For |z| &lt; 1.75: erf(z) = (2 / sqrt pi) e^(-z^2) sum over n of 2^n z^(2n+1) / (1 3 5 ... (2n+1)), a series of
    /// positive terms (no cancellation), and erfc = 1 - erf, which loses at most 6.2 of the 106 bits.
    /// For z &gt;= 1.75: erfc(z) = (e^(-z^2) / sqrt pi) / (z + (1/2) / (z + 1 / (z + (3/2) / (z + ...)))), evaluated
    /// backwards from a fixed depth. Negative z use erfc(z) = 2 - erfc(-z).
    /// </remarks>
    public static DoubleDouble ErfcScaled(DoubleDouble z, out int k)
    {
        k = 0;
        if (z.IsNaN)
        {
            return z;
        }

        if (!z.IsFinite)
        {
            return z.Hi > 0 ? DoubleDouble.Zero : (DoubleDouble)2.0;
        }

        if (z.Hi <= -ErfcSeriesEnd)
        {
            return 2.0 - Erfc(-z);
        }

        if (z.Hi < ErfcSeriesEnd)
        {
            return 1.0 - ErfSeries(z);
        }

        if (z.Hi > 1e4)
        {
            // e^(-z^2) < e^-1e8: zero at any precision the callers use.
            return DoubleDouble.Zero;
        }

        DoubleDouble f = z;
        int depth = ErfcFractionDepth + (int)(ErfcFractionDepthScale / (z.Hi * z.Hi));
        for (int n = depth; n >= 1; n--)
        {
            f = z + 0.5 * n / f;
        }

        DoubleDouble e = ExpScaled(-(z * z), out k);
        return e / (Sqrt(Pi) * f);
    }

    /// <summary>erf(z) for |z| &lt; 1.75 by the positive-term series.</summary>
    private static DoubleDouble ErfSeries(DoubleDouble z)
    {
        DoubleDouble z2 = z * z;
        DoubleDouble term = z;
        DoubleDouble sum = DoubleDouble.Zero;
        for (int n = 0; n < 400; n++)
        {
            sum += term;
            if (Math.Abs(term.Hi) <= Math.Abs(sum.Hi) * 1e-34)
            {
                break;
            }

            term = term * z2 * 2.0 / (2 * n + 3);
        }

        return sum * Exp(-z2) * 2.0 / Sqrt(Pi);
    }
}
