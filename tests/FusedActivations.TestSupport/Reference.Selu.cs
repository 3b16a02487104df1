namespace FusedActivations.TestSupport;

public static partial class Reference
{
    // PyTorch's SELU constants (torch.nn.SELU's documentation), and its folded forms per element type:
    // x > 0 ? x * scale_T : expm1(x) * fl_T(alpha_T * scale_T). Computed here at run time, not copied from the library.
    private static readonly double s_seluAlpha = double.Parse("1.6732632423543772848170429916717", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly double s_seluScale = double.Parse("1.0507009873554804934193349852946", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>PyTorch's SELU scale rounded to double.</summary>
    public static double SeluScale => s_seluScale;

    /// <summary>PyTorch's folded negative coefficient for double: alpha * scale rounded to double.</summary>
    public static double SeluNegativeCoefficient => s_seluAlpha * s_seluScale;

    /// <summary>PyTorch's SELU scale rounded to float.</summary>
    public static float SeluScaleFloat => (float)s_seluScale;

    /// <summary>PyTorch's folded negative coefficient for float: float alpha times float scale, rounded to float.</summary>
    public static float SeluNegativeCoefficientFloat => (float)((double)(float)s_seluAlpha * (float)s_seluScale);

    /// <summary>The exact value of PyTorch's double SELU formula with its constants rounded to double.</summary>
    public static DoubleDouble Selu(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return x > 0 ? DoubleDouble.FromProduct(x, SeluScale) : DoubleDoubleMath.ExpM1(x) * SeluNegativeCoefficient;
    }

    /// <summary>The exact value of PyTorch's float SELU formula with its float constants, rounded to double.</summary>
    public static double Selu(float x)
    {
        if (float.IsNaN(x))
        {
            return double.NaN;
        }

        // A float times a float is exact in double.
        return x > 0 ? (double)x * SeluScaleFloat : ToDouble(DoubleDoubleMath.ExpM1((double)x) * SeluNegativeCoefficientFloat);
    }
}
