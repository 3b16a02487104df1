namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>1 / sqrt(2 pi) as a double-double.</summary>
    private static readonly DoubleDouble s_inverseSqrt2Pi = DoubleDouble.One / DoubleDoubleMath.Sqrt(2.0 * DoubleDoubleMath.Pi);

    /// <summary>The standard normal distribution function Phi(x) = erfc(-x / sqrt 2) / 2, to about 2^-100 relative (GELU's derivative).</summary>
    public static DoubleDouble NormalCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        DoubleDouble m = DoubleDoubleMath.ErfcScaled(-(s_inverseSqrt2 * x), out int k);
        return (m * 0.5).ScaleB(k);
    }

    /// <summary>The standard normal density phi(x) = e^(-x^2/2) / sqrt(2 pi), with x^2 exact.</summary>
    public static DoubleDouble NormalDensity(double x) =>
        DoubleDoubleMath.Exp(DoubleDouble.FromProduct(x, x) * -0.5) * s_inverseSqrt2Pi;
}
