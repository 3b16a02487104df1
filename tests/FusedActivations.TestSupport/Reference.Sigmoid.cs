namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>The logistic sigmoid 1 / (1 + exp(-x)) to about 2^-100 relative (also where it is subnormal).</summary>
    public static DoubleDouble Sigmoid(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 0)
        {
            return DoubleDouble.One / (DoubleDouble.One + DoubleDoubleMath.Exp(-x));
        }

        // exp(x) / (1 + exp(x)) with the scale kept apart, so that values below the double range stay exact.
        DoubleDouble m = DoubleDoubleMath.ExpScaled(x, out int k);
        if (k < -120)
        {
            return m.ScaleB(k);
        }

        DoubleDouble t = m.ScaleB(k);
        return t / (DoubleDouble.One + t);
    }

    /// <summary>The logistic sigmoid for a float argument, rounded to double.</summary>
    public static double Sigmoid(float x) => ToDouble(Sigmoid((double)x));

    /// <summary>log(sigmoid(x)) = -softplus(-x) (beta 1, no threshold) to about 2^-100 relative.</summary>
    public static DoubleDouble LogSigmoid(double x) => -Softplus(-x, 1.0, double.PositiveInfinity);

    /// <summary>log(sigmoid(x)) for a float argument, rounded to double.</summary>
    public static double LogSigmoid(float x) => ToDouble(LogSigmoid((double)x));
}
