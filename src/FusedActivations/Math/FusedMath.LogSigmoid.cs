namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>Computes <c>log(sigmoid(x)) = -softplus(-x)</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>-(max(-x, 0) + log1p(exp(-|x|)))</c> evaluated in double and rounded once (at most 0.5 ULP plus about
    /// 2^-28 ULP). NaN gives NaN, +infinity gives -0, -infinity gives -infinity.
    /// </returns>
    public static float LogSigmoid(float x) => (float)LogSigmoid((double)x);

    /// <summary>Computes <c>log(sigmoid(x)) = -softplus(-x)</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>-softplus(-x)</c> with the stable Softplus (beta 1, no threshold), so it neither overflows for very negative
    /// x nor loses the tiny value <c>-exp(-x)</c> for very positive x: measured at most 1.0 ULP (below 0.9 except for results under
    /// about 2^-969). NaN gives NaN, +infinity gives -0, -infinity gives -infinity.
    /// </returns>
    public static double LogSigmoid(double x) => double.IsNaN(x) ? x : -SoftplusStable(-x, 1.0);
}
