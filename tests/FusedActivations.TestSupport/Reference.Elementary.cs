namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>log(1 + x) to about 2^-100 relative; -1 gives -infinity, x &lt; -1 gives NaN.</summary>
    public static DoubleDouble Log1P(double x) => DoubleDoubleMath.Log1P(x);

    /// <summary>log(1 + x) for a float argument, rounded to double.</summary>
    public static double Log1P(float x) => ToDouble(DoubleDoubleMath.Log1P((double)x));

    /// <summary>exp(x) - 1 to about 2^-100 relative; -infinity gives -1, overflow gives +infinity.</summary>
    public static DoubleDouble ExpM1(double x) => DoubleDoubleMath.ExpM1(x);

    /// <summary>exp(x) - 1 for a float argument, rounded to double.</summary>
    public static double ExpM1(float x) => ToDouble(DoubleDoubleMath.ExpM1((double)x));
}
