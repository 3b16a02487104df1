namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>ReLU: x where x &gt; 0, NaN for NaN, else +0.</summary>
    public static double Relu(double x) => x > 0 || double.IsNaN(x) ? x : 0.0;

    /// <summary>ReLU for a float argument.</summary>
    public static double Relu(float x) => Relu((double)x);
}
