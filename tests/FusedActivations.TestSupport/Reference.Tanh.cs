namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>tanh x to about 2^-100 relative; ±infinity gives ±1.</summary>
    public static DoubleDouble Tanh(double x) => DoubleDoubleMath.Tanh(x);

    /// <summary>tanh x for a float argument, rounded to double.</summary>
    public static double Tanh(float x) => ToDouble(Tanh((double)x));
}
