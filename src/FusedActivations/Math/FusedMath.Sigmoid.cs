using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes the logistic sigmoid <c>1 / (1 + exp(-x))</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// The sigmoid evaluated in double and rounded once (at most 0.5 ULP plus about 2^-28 ULP). NaN gives NaN,
    /// +infinity gives 1, -infinity gives 0.
    /// </returns>
    public static float Sigmoid(float x) => (float)Sigmoid((double)x);

    /// <summary>Computes the logistic sigmoid <c>1 / (1 + exp(-x))</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>1 / (1 + exp(-x))</c> for x &gt;= 0 and <c>exp(x) / (1 + exp(x))</c> for x &lt; 0, so that <c>exp</c> never
    /// overflows and no infinity is divided by an infinity. The rounding error of <c>1 + t</c> is carried into the
    /// division, so the error is that of <c>exp</c> plus one rounding: within about 1 ULP (the test suite asserts the
    /// measured bound). NaN gives NaN, +infinity gives 1, -infinity gives 0.
    /// </returns>
    public static double Sigmoid(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= 0)
        {
            return QuotientOfOnePlus(1.0, Exp(-x, 0.0));
        }

        double t = Exp(x, 0.0);
        return QuotientOfOnePlus(t, t);
    }

    /// <summary>numerator / (1 + t) for 0 &lt;= t &lt;= 1, with 1 + t kept exactly as a double-double.</summary>
    private static double QuotientOfOnePlus(double numerator, double t)
    {
        double u = 1.0 + t;
        double ul = t - (u - 1.0); // Fast2Sum: exact because 1 >= t.
        double q = numerator / u;
        // One Newton correction of the quotient against the exact denominator u + ul.
        double r = Math.FusedMultiplyAdd(-q, u, numerator) - q * ul;
        return q + r / u;
    }
}
