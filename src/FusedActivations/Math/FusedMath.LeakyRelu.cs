using System;

namespace FusedActivations;

public static partial class FusedMath
{
    /// <summary>PyTorch's default Leaky ReLU negative slope.</summary>
    internal const double DefaultNegativeSlope = 0.01;

    /// <summary>Computes Leaky ReLU with PyTorch's default negative slope 0.01 (rounded to float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>See <see cref="LeakyRelu(float, float)"/>.</returns>
    public static float LeakyRelu(float x) => LeakyReluUnchecked(x, (float)DefaultNegativeSlope);

    /// <summary>Computes Leaky ReLU: <c>x</c> where x &gt; 0, else <c>negativeSlope * x</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="negativeSlope">The slope for x &lt;= 0; must be finite (any sign).</param>
    /// <returns>
    /// <c>x</c> where x &gt; 0, else the product rounded once (correctly rounded, 0.5 ULP at most). NaN gives NaN,
    /// +infinity gives +infinity, -infinity gives <c>-infinity * negativeSlope</c>, or the limit 0 (signed as
    /// <c>negativeSlope * -1</c>) for a zero slope, where PyTorch gives NaN.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public static float LeakyRelu(float x, float negativeSlope)
    {
        ValidateNegativeSlope(negativeSlope);
        return LeakyReluUnchecked(x, negativeSlope);
    }

    /// <summary>Computes Leaky ReLU with PyTorch's default negative slope 0.01.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>See <see cref="LeakyRelu(double, double)"/>.</returns>
    public static double LeakyRelu(double x) => LeakyReluUnchecked(x, DefaultNegativeSlope);

    /// <summary>Computes Leaky ReLU: <c>x</c> where x &gt; 0, else <c>negativeSlope * x</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="negativeSlope">The slope for x &lt;= 0; must be finite (any sign).</param>
    /// <returns>
    /// <c>x</c> where x &gt; 0, else the product rounded once (correctly rounded, 0.5 ULP at most). NaN gives NaN,
    /// +infinity gives +infinity, -infinity gives <c>-infinity * negativeSlope</c>, or the limit 0 (signed as
    /// <c>negativeSlope * -1</c>) for a zero slope, where PyTorch gives NaN.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public static double LeakyRelu(double x, double negativeSlope)
    {
        ValidateNegativeSlope(negativeSlope);
        return LeakyReluUnchecked(x, negativeSlope);
    }

    // A zero slope times -infinity would be NaN; the function is 0 on all of x <= 0, so the limit is 0: clamping x to
    // the finite range changes nothing else (any finite x times 0 is a signed 0).
    private static float LeakyReluUnchecked(float x, float negativeSlope) =>
        x > 0 ? x : negativeSlope * (negativeSlope == 0 ? MathF.Max(x, -float.MaxValue) : x);

    private static double LeakyReluUnchecked(double x, double negativeSlope) =>
        x > 0 ? x : negativeSlope * (negativeSlope == 0 ? Math.Max(x, -double.MaxValue) : x);
}
