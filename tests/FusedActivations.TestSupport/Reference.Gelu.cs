namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>1 / sqrt 2 as a double-double.</summary>
    private static readonly DoubleDouble s_inverseSqrt2 = DoubleDouble.One / DoubleDoubleMath.Sqrt(2.0);

    /// <summary>PyTorch's kBeta = M_SQRT2 * M_2_SQRTPI * 0.5 (sqrt(2/pi)), evaluated in double as its kernel does.</summary>
    private const double GeluTanhBeta = 1.4142135623730951 * 1.1283791670955126 * 0.5;

    /// <summary>PyTorch's kKappa = 0.044715.</summary>
    private const double GeluTanhKappa = 0.044715;

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
    /// PyTorch's tanh approximation of GELU, 0.5 x (1 + tanh(u)) with u = kBeta (x + kKappa x^3), the exact value of the
    /// formula with its constants rounded to double as PyTorch's double kernel has them (kBeta = M_SQRT2 * M_2_SQRTPI *
    /// 0.5 evaluated in double, kKappa = 0.044715), evaluated as x sigmoid(2u) (the same value) to about 2^-100 relative.
    /// </summary>
    public static DoubleDouble GeluTanh(double x) => GeluTanh(x, GeluTanhBeta, GeluTanhKappa);

    /// <summary>
    /// The tanh approximation of GELU for a float argument with the constants rounded to float, as PyTorch's float
    /// kernel has them (kBeta rounded from its double value), rounded to double.
    /// </summary>
    public static double GeluTanh(float x) => ToDouble(GeluTanh(x, (float)GeluTanhBeta, (float)GeluTanhKappa));

    /// <summary>x sigmoid(2u), u = beta (x + kappa x^3), with beta and kappa exact as given.</summary>
    private static DoubleDouble GeluTanh(double x, double beta, double kappa)
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
        DoubleDouble twoU = (x + x2 * x * kappa) * (2.0 * beta);
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
}
