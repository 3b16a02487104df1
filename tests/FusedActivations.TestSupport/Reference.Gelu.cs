namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>1 / sqrt 2 as a double-double.</summary>
    private static readonly DoubleDouble s_inverseSqrt2 = DoubleDouble.One / DoubleDoubleMath.Sqrt(2.0);

    /// <summary>sqrt(2 / pi) as a double-double: the real constant, not its double rounding.</summary>
    private static readonly DoubleDouble s_sqrtTwoOverPi = DoubleDoubleMath.Sqrt(2.0 / DoubleDoubleMath.Pi);

    /// <summary>0.044715 as a double-double (the real number: the double 0.044715 plus its rounding error).</summary>
    private static readonly DoubleDouble s_geluTanhCubic = new(0.044715, 2.1960211427085595e-18);

    /// <summary>
    /// GELU (x / 2) erfc(-x / sqrt 2) to about 2^-100 relative, also where it is subnormal (x down to about -38.5).
    /// </summary>
    public static DoubleDouble Gelu(double x)
    {
        if (double.IsNaN(x) || x == 0)
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            // The limits: x itself at +infinity, -0 at -infinity.
            return x > 0 ? x : -0.0;
        }

        // Multiply by x / 2 before the final scaling, so that results below the double range stay exact.
        DoubleDouble m = DoubleDoubleMath.ErfcScaled(-(s_inverseSqrt2 * x), out int k);
        return (m * (0.5 * x)).ScaleB(k);
    }

    /// <summary>GELU for a float argument, rounded to double.</summary>
    public static double Gelu(float x) => ToDouble(Gelu((double)x));

    /// <summary>
    /// PyTorch's tanh approximation of GELU, 0.5 x (1 + tanh(u)) with u = sqrt(2/pi) (x + 0.044715 x^3) and both
    /// constants exact reals, evaluated as x sigmoid(2u) (the same value) to about 2^-100 relative.
    /// </summary>
    public static DoubleDouble GeluTanh(double x)
    {
        if (double.IsNaN(x) || x == 0)
        {
            return x;
        }

        if (double.IsInfinity(x) || System.Math.Abs(x) > 1e5)
        {
            // |2u| > 10^13: sigmoid(2u) is 1 or below e^-10^13 to any precision a double can express.
            return x > 0 ? x : -0.0;
        }

        DoubleDouble x2 = DoubleDouble.FromProduct(x, x);
        DoubleDouble twoU = 2.0 * s_sqrtTwoOverPi * (x + s_geluTanhCubic * x2 * x);
        if (twoU.Hi >= 0)
        {
            return x / (DoubleDouble.One + DoubleDoubleMath.Exp(-twoU));
        }

        // x e^(2u) / (1 + e^(2u)) with the scale kept apart (the result may be far below the double range).
        DoubleDouble m = DoubleDoubleMath.ExpScaled(twoU, out int k);
        if (k < -120)
        {
            return (m * x).ScaleB(k);
        }

        DoubleDouble t = m.ScaleB(k);
        return t * x / (DoubleDouble.One + t);
    }

    /// <summary>The tanh approximation of GELU for a float argument, rounded to double.</summary>
    public static double GeluTanh(float x) => ToDouble(GeluTanh((double)x));
}
