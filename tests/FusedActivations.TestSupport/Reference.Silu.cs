using System;

namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>
    /// Swish-beta x * sigmoid(beta x) with beta x taken exactly, to about 2^-100 relative (results in the subnormal
    /// range to about half an ULP: the double-double cannot hold more there). -infinity gives -0, the limit.
    /// </summary>
    public static DoubleDouble Silu(double x, double beta)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        DoubleDouble p = DoubleDouble.FromProduct(beta, x);
        if (!p.IsFinite)
        {
            // beta x = ±infinity (x infinite, or the product overflows): sigmoid is 1 or 0.
            return x > 0 ? x : -0.0;
        }

        if (p.Hi >= 0)
        {
            return x * (DoubleDouble.One / (DoubleDouble.One + DoubleDoubleMath.Exp(-p)));
        }

        // sigmoid(p) = e^p / (1 + e^p), with e^p = m 2^k kept apart from its scale so tiny values stay exact.
        DoubleDouble m = DoubleDoubleMath.ExpScaled(p, out int k);
        if (k < -120)
        {
            // sigmoid = e^p (1 - e^p + ...) = e^p to 2^-120 relative. x = mx 2^ex so that x m cannot overflow.
            int ex = Math.ILogB(x);
            return (m * Math.ScaleB(x, -ex)).ScaleB(k + ex);
        }

        DoubleDouble t = m.ScaleB(k);
        return x * t / (DoubleDouble.One + t);
    }

    /// <summary>SiLU, x * sigmoid(x) (beta 1).</summary>
    public static DoubleDouble Silu(double x) => Silu(x, 1.0);

    /// <summary>Swish-beta for float arguments (beta x exact in double), rounded to double.</summary>
    public static double Silu(float x, float beta) => ToDouble(Silu((double)x, (double)beta));

    /// <summary>SiLU for a float argument, rounded to double.</summary>
    public static double Silu(float x) => Silu(x, 1f);
}
