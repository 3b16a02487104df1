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

public static partial class Reference
{
    /// <summary>
    /// log(1 - exp(x)) to about 2^-100 relative, from the form without cancellation on each side of -ln 2 (log of
    /// -expm1(x) above, log1p of -exp(x) below); 0 gives -infinity, x &gt; 0 and NaN give NaN, -infinity gives -0.
    /// </summary>
    public static DoubleDouble Log1MExp(double x)
    {
        if (!(x < 0))
        {
            return double.IsNaN(x) || x > 0 ? double.NaN : double.NegativeInfinity;
        }

        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        return x > -0.6931471805599453
            ? DoubleDoubleMath.Log(-DoubleDoubleMath.ExpM1(x))
            : DoubleDoubleMath.Log1P(-DoubleDoubleMath.Exp(x));
    }

    /// <summary>log(1 - exp(x)) for a float argument, rounded to double.</summary>
    public static double Log1MExp(float x) => ToDouble(Log1MExp((double)x));
}
