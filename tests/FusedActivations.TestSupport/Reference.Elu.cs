namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>ELU: x where x &gt; 0, else alpha * expm1(x), to about 2^-100 relative; -infinity gives -alpha.</summary>
    public static DoubleDouble Elu(double x, double alpha)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return x > 0 ? x : DoubleDoubleMath.ExpM1(x) * alpha;
    }

    /// <summary>ELU with alpha 1.</summary>
    public static DoubleDouble Elu(double x) => Elu(x, 1.0);

    /// <summary>ELU for float arguments, rounded to double.</summary>
    public static double Elu(float x, float alpha) => ToDouble(Elu((double)x, (double)alpha));

    /// <summary>ELU with alpha 1 for a float argument, rounded to double.</summary>
    public static double Elu(float x) => Elu(x, 1f);
}
