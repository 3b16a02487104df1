namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>
    /// Leaky ReLU: x where x &gt; 0, else the exact product slope * x; NaN gives NaN; -infinity gives slope * -infinity,
    /// or the limit 0 for a zero slope.
    /// </summary>
    public static DoubleDouble LeakyRelu(double x, double negativeSlope)
    {
        if (double.IsNaN(x) || x > 0)
        {
            return x;
        }

        if (double.IsNegativeInfinity(x))
        {
            return negativeSlope == 0 ? 0.0 : -negativeSlope * double.PositiveInfinity;
        }

        return DoubleDouble.FromProduct(negativeSlope, x);
    }

    /// <summary>Leaky ReLU for float arguments: the product of two floats is exact in double.</summary>
    public static double LeakyRelu(float x, float negativeSlope) => ToDouble(LeakyRelu((double)x, (double)negativeSlope));
}
