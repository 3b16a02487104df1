namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>
    /// Mish x * tanh(softplus(x)) with the exact softplus (no cut-off), to about 2^-100 relative (results in the
    /// subnormal range to about half an ULP). -infinity gives -0, the limit.
    /// </summary>
    public static DoubleDouble Mish(double x)
    {
        if (double.IsNaN(x) || double.IsPositiveInfinity(x))
        {
            return x;
        }

        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        if (x < -600)
        {
            // softplus(x) = e^x (1 - e^x/2 + ...) and tanh(s) = s (1 - s^2/3 + ...): mish = x e^x to 2^-860 relative.
            // The scale is kept apart so that results far below the double range stay exact until the last step.
            DoubleDouble m = DoubleDoubleMath.ExpScaled(x, out int k);
            return (m * x).ScaleB(k);
        }

        return x * DoubleDoubleMath.Tanh(Softplus(x, 1.0, double.PositiveInfinity));
    }

    /// <summary>Mish for a float argument, rounded to double.</summary>
    public static double Mish(float x) => ToDouble(Mish((double)x));
}
