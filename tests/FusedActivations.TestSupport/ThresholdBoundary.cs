using System;

namespace FusedActivations.TestSupport;

/// <summary>
/// The two neighbouring inputs around Softplus's linear cut-off: <see cref="Below"/> is the largest x whose rounded
/// product <c>beta * x</c> is at most the threshold (formula), <see cref="Above"/> the smallest x whose product exceeds
/// it (result x).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <param name="Below">The largest input that still takes the formula.</param>
/// <param name="Above">The smallest input that returns itself.</param>
public readonly record struct ThresholdBoundary<T>(T Below, T Above)
{
}

/// <summary>Finds the inputs on each side of the cut-off <c>fl(beta * x) &gt; threshold</c>.</summary>
public static class ThresholdBoundaries
{
    /// <summary>
    /// The float inputs on each side of where the float product <c>beta * x</c> crosses <paramref name="threshold"/>,
    /// or null when no finite input crosses it (threshold +infinity, or beyond beta * float.MaxValue).
    /// </summary>
    public static ThresholdBoundary<float>? ForFloat(float beta, float threshold = 20f)
    {
        static bool Cut(float x, float beta, float threshold) => (float)(beta * x) > threshold;

        if (Cut(-float.MaxValue, beta, threshold) || !Cut(float.MaxValue, beta, threshold))
        {
            return null;
        }

        // Start at the rounded quotient, which is within a few ULP of the crossing, and walk to it.
        float x = Math.Clamp(threshold / beta, -float.MaxValue, float.MaxValue);
        while (Cut(x, beta, threshold))
        {
            x = MathF.BitDecrement(x);
        }

        while (!Cut(MathF.BitIncrement(x), beta, threshold))
        {
            x = MathF.BitIncrement(x);
        }

        return new ThresholdBoundary<float>(x, MathF.BitIncrement(x));
    }

    /// <summary>The double inputs on each side of where <c>beta * x</c> (rounded to double) crosses the threshold.</summary>
    public static ThresholdBoundary<double>? ForDouble(double beta, double threshold = 20.0)
    {
        static bool Cut(double x, double beta, double threshold) => beta * x > threshold;

        if (Cut(-double.MaxValue, beta, threshold) || !Cut(double.MaxValue, beta, threshold))
        {
            return null;
        }

        double x = Math.Clamp(threshold / beta, -double.MaxValue, double.MaxValue);
        while (Cut(x, beta, threshold))
        {
            x = Math.BitDecrement(x);
        }

        while (!Cut(Math.BitIncrement(x), beta, threshold))
        {
            x = Math.BitIncrement(x);
        }

        return new ThresholdBoundary<double>(x, Math.BitIncrement(x));
    }
}
