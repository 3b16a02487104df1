using System;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static FusedActivations.Generator.Differentiation.Nodes;
using static FusedActivations.Generator.Tests.Differentiation.TestFormulas;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// The issue's three formulas in float: the gradient formula the emitter will write (compared as text: it must stay
/// small and readable), and its error against the exact gradient of the same formula (C#'s rounding of the plain
/// arithmetic, exact functions), on the benchmarks' inputs in [-8, 8] with output gradients in [-2, 2].
/// </summary>
public sealed class IssueExampleTests
{
    private const int Points = 20_000;

    private readonly ITestOutputHelper _output;

    public IssueExampleTests(ITestOutputHelper output) => _output = output;

    /// <summary><c>FusedMath.Softplus(raw + bias, 2f) + 1e-6f</c>.</summary>
    private static FormulaSpec ScaleHead => Formula(ElementType.Single, new[] { "raw", "bias" },
        Add(Activation(new SoftplusSpec(2, 20), Add(P(0), P(1))), Lit((float)1e-6)));

    /// <summary><c>FusedMath.Silu(a) * b</c>.</summary>
    private static FormulaSpec SwiGlu => Formula(ElementType.Single, new[] { "a", "b" }, Mul(SiluOf(1, P(0)), P(1)));

    /// <summary><c>FusedMath.Gelu(x + bias)</c>.</summary>
    private static FormulaSpec BiasGelu => Formula(ElementType.Single, new[] { "x", "bias" }, Activation(new GeluSpec(false), Add(P(0), P(1))));

    [Fact]
    public void TheGradientsReadLikeTheirFormulas()
    {
        // Both inputs get the same gradient: one local, written once.
        Assert.Equal(
            "t0 = 2 * (raw + bias)\n" +
            "t1 = t0 > 20 ? grad0 : (grad0 * Sigmoid(t0))\n" +
            "result0 = t1\n" +
            "result1 = t1\n",
            FormulaText.Of(Gradient(ScaleHead)));
        // Smooth rules are one widened factor (computed in double, rounded once in float): silu'(a) = s(a) (1 + a (1 - s(a))), 1 - s exact enough in double,
        // and gelu'(u) = Phi(u) + u phi(u), each argument clamped where the rule is 0 or 1 in double.
        Assert.Equal(
            "result0 = (grad0 * b) * widened(Sigmoid(Clamp(w, -120, 120)) * FusedMultiplyAdd(Clamp(w, -120, 120), 1 - Sigmoid(Clamp(w, -120, 120)), 1))[w := a]\n" +
            "result1 = grad0 * Silu(a, 1)\n",
            FormulaText.Of(Gradient(SwiGlu)));
        Assert.Equal(
            "t0 = grad0 * widened(FusedMultiplyAdd(Clamp(w, -40, 40), NormalPdf(Clamp(w, -40, 40)), NormalCdf(Clamp(w, -40, 40))))[w := x + bias]\n" +
            "result0 = t0\n" +
            "result1 = t0\n",
            FormulaText.Of(Gradient(BiasGelu)));
    }

    [Fact]
    public void ScaleHeadGradientIsWithinItsTwoRoundings()
    {
        FormulaSpec gradient = Gradient(ScaleHead);
        double worst = Measure((raw, bias, grad) =>
        {
            double[] g = FormulaInterpreter.Evaluate(gradient, raw, bias, grad);
            Assert.Equal(g[0], g[1]);
            float u = raw + bias;
            DoubleDouble exact = (float)(2 * u) > 20 ? grad : Reference.Sigmoid(2.0 * u) * grad;
            return (g[0], exact, 0);
        });
        // sigmoid's rounding and the product's (softplus's rule is piecewise, so not widened): at most 2 ULP in theory,
        // 1.33 measured.
        Assert.True(worst <= 1.5, $"{worst} ULP");
    }

    [Fact]
    public void SwiGluGradientsAreWithinTheirRulesBound()
    {
        FormulaSpec gradient = Gradient(SwiGlu);
        double worstA = Measure((a, b, grad) =>
        {
            DoubleDouble slope = ExactDerivative.OfActivation(new SiluSpec(1), ElementType.Single, a);
            double terms = Math.Abs(grad * b) * Reference.Sigmoid((double)a).Hi * (1 + Math.Abs(a * Reference.Sigmoid(-(double)a).Hi));
            return (FormulaInterpreter.Evaluate(gradient, a, b, grad)[0], slope * (grad * (double)b), terms);
        });
        double worstB = Measure((a, b, grad) => (FormulaInterpreter.Evaluate(gradient, a, b, grad)[1], Reference.Silu((double)a) * grad, 0));

        // The issue's bar, 2 ULP. silu' (widened: computed in double, rounded once) times grad0 * b (rounded once), and
        // the product's own rounding: 1.90 ULP measured (1.27 ULP of the terms next to silu's zero crossing near
        // a = -1.28). silu(a) * grad0: 1.45 measured.
        Assert.True(worstA <= 2, $"{worstA} ULP");
        Assert.True(worstB <= 1.5, $"{worstB} ULP");
    }

    [Fact]
    public void BiasGeluGradientIsWithinItsRulesBound()
    {
        FormulaSpec gradient = Gradient(BiasGelu);
        double worst = Measure((x, bias, grad) =>
        {
            float u = x + bias;
            DoubleDouble slope = ExactDerivative.OfActivation(new GeluSpec(false), ElementType.Single, u);
            double terms = Math.Abs(grad) * (ExactFunctions.NormalCdf(u).Hi + Math.Abs(u * ExactFunctions.NormalPdf(u).Hi));
            return (FormulaInterpreter.Evaluate(gradient, x, bias, grad)[0], slope * grad, terms);
        });

        // The issue's bar, 2 ULP: gelu' (widened, rounded once) and the product with grad0: 1.41 ULP measured (0.93 ULP
        // of the terms next to gelu's zero crossing near u = -0.75).
        Assert.True(worst <= 2, $"{worst} ULP");
    }

    /// <summary>
    /// The largest error of <paramref name="gradient"/> (computed, exact, magnitude of the cancelling terms or 0) in float
    /// ULPs; where a third or more of the terms cancels (next to a zero crossing), in ULPs of the terms' magnitude.
    /// </summary>
    private double Measure(Func<float, float, float, (double Computed, DoubleDouble Exact, double Terms)> gradient)
    {
        var random = new Random(3);
        double worst = 0, worstNear = 0;
        for (int i = 0; i < Points; i++)
        {
            float first = RandomValues.Float(random, -8, 8);
            float second = RandomValues.Float(random, -8, 8);
            float grad = RandomValues.Float(random, -2, 2);
            (double computed, DoubleDouble exact, double terms) = gradient(first, second, grad);
            if (Math.Abs(exact.Hi) < 1e-37)
            {
                continue;
            }

            if (terms > 1.5 * Math.Abs(exact.Hi))
            {
                worstNear = Math.Max(worstNear, Math.Abs(computed - exact.Hi) / Ulp.OfFloat(terms));
            }
            else
            {
                worst = Math.Max(worst, Ulp.Distance((float)computed, exact.Hi));
            }
        }

        _output.WriteLine(FormattableString.Invariant($"max {worst:F3} ULP; next to a zero crossing max {worstNear:F3} ULP of the terms' magnitude"));
        return Math.Max(worst, worstNear);
    }
}
