using System;
using System.Linq;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// Checks a gradient formula against central finite differences of its forward formula, both evaluated in double
/// (<see cref="FormulaInterpreter"/>): for each parameter that gets a gradient, <c>d/dx_i sum_k seed_k F_k</c> by
/// <c>D(h) = (S(x + h) - S(x - h)) / 2h</c> with one Richardson step <c>(4 D(h) - D(2h)) / 3</c>, h = 2^-20 max(1, |x_i|).
/// The forward sum S is computed with a relative error of a few 2^-53, which the difference turns into about
/// 2^-53 |S| / h, near 10^-9 |S|; the truncation error is about h^4 |S^(5)|, below 10^-20 for these formulas. So the
/// tolerance is 10^-7 of |S| + |gradient|: a hundred times the error, a ten-millionth of a wrong rule's.
/// </summary>
internal static class FiniteDifferences
{
    public const double Tolerance = 1e-7;

    /// <summary>Asserts the gradient of <paramref name="forward"/> at <paramref name="point"/> with output gradients <paramref name="seeds"/>.</summary>
    public static void AssertGradient(FormulaSpec forward, FormulaSpec gradient, StreamKind[] kinds, double[] point, double[] seeds)
    {
        Assert.Equal(ElementType.Double, forward.Element);
        double[] computed = FormulaInterpreter.Evaluate(gradient, point.Concat(seeds).ToArray());
        int result = 0;
        for (int i = 0; i < point.Length; i++)
        {
            if (kinds[i] == StreamKind.Scalar)
            {
                continue;
            }

            double h = Math.ScaleB(1.0, Math.ILogB(Math.Max(1, Math.Abs(point[i]))) - 20);
            double expected = ((4 * Central(forward, point, seeds, i, h)) - Central(forward, point, seeds, i, 2 * h)) / 3;
            double magnitude = Math.Abs(Sum(forward, point, seeds)) + Math.Abs(expected);
            Assert.True(
                Math.Abs(computed[result] - expected) <= Tolerance * magnitude,
                $"d/d{forward.Parameters[i]} at ({string.Join(", ", point)}): gradient {computed[result]:R}, finite differences {expected:R}\n{FormulaText.Of(gradient)}");
            result++;
        }

        Assert.Equal(result, computed.Length);
    }

    private static double Central(FormulaSpec forward, double[] point, double[] seeds, int i, double h)
    {
        double[] plus = (double[])point.Clone();
        double[] minus = (double[])point.Clone();
        plus[i] += h;
        minus[i] -= h;
        return (Sum(forward, plus, seeds) - Sum(forward, minus, seeds)) / (plus[i] - minus[i]);
    }

    private static double Sum(FormulaSpec forward, double[] point, double[] seeds)
    {
        double[] values = FormulaInterpreter.Evaluate(forward, point);
        double sum = 0;
        for (int k = 0; k < values.Length; k++)
        {
            sum += seeds[k] * values[k];
        }

        return sum;
    }
}
