using System;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;
using static FusedActivations.Generator.Differentiation.Nodes;
using static FusedActivations.Generator.Tests.Differentiation.TestFormulas;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// The values a rule gives exactly, at kinks, thresholds, ±infinity and NaN: PyTorch's conventions (relu'(0) = 0,
/// leaky_relu'(0) = slope, softplus' = 1 only beyond the threshold, elu_backward with is_result = false, hardswish's
/// thresholds), the limits where PyTorch's formulas give NaN, and the selection of 0 by a rule that is 0 on a side.
/// </summary>
public sealed class ConventionTests
{
    private static readonly ElementType[] Types = { ElementType.Single, ElementType.Double };

    /// <summary>d/dx of <c>f(x)</c> with grad0 = <paramref name="grad"/>, as the kernel computes it.</summary>
    private static double Slope(ElementType element, FormulaNode f, double x, double grad = 1) =>
        FormulaInterpreter.Evaluate(Gradient(Formula(element, new[] { "x" }, f)), x, grad)[0];

    private static double Slope(ElementType element, ActivationSpec spec, double x, double grad = 1) => Slope(element, Activation(spec, P(0)), x, grad);

    private static void AssertSame(double expected, double actual) =>
        Assert.True(expected.Equals(actual) && double.IsNegative(expected) == double.IsNegative(actual), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void ReluIsZeroAtTheKinkAndPassesNaN()
    {
        foreach (ElementType e in Types)
        {
            var relu = new ParameterlessSpec("Relu");
            AssertSame(0, Slope(e, relu, 0));
            AssertSame(0, Slope(e, relu, -0.0));
            AssertSame(0, Slope(e, relu, -1e-30));
            AssertSame(1, Slope(e, relu, 1e-30));
            AssertSame(0, Slope(e, relu, double.NegativeInfinity));
            AssertSame(1, Slope(e, relu, double.PositiveInfinity));

            // PyTorch's threshold_backward: NaN <= 0 is false, so the gradient passes.
            AssertSame(1, Slope(e, relu, double.NaN));

            // Selected, not multiplied: an infinite or NaN gradient gives 0 where relu' is 0 (PyTorch too).
            AssertSame(0, Slope(e, relu, -2, double.PositiveInfinity));
            AssertSame(0, Slope(e, relu, -2, double.NaN));
            AssertSame(double.PositiveInfinity, Slope(e, relu, 2, double.PositiveInfinity));
        }
    }

    [Fact]
    public void LeakyReluIsTheSlopeAtTheKink()
    {
        AssertSame((float)0.01, Slope(ElementType.Single, new LeakyReluSpec(0.01), 0));
        AssertSame(0.01, Slope(ElementType.Double, new LeakyReluSpec(0.01), 0));
        AssertSame(0.01, Slope(ElementType.Double, new LeakyReluSpec(0.01), double.NaN));
        AssertSame(1, Slope(ElementType.Double, new LeakyReluSpec(0.01), 1e-300));
        AssertSame(-0.3, Slope(ElementType.Double, new LeakyReluSpec(-0.3), -5));

        // A zero slope selects 0: an infinite gradient does not become NaN there.
        AssertSame(0, Slope(ElementType.Double, new LeakyReluSpec(0), -5, double.PositiveInfinity));
    }

    [Fact]
    public void SoftplusIsOneOnlyBeyondTheThreshold()
    {
        // beta 2, threshold 5: the cut-off is fl(2x) > 5; at x = 2.5 exactly it is sigmoid(5) still.
        var softplus = new SoftplusSpec(2, 5);
        foreach (ElementType e in Types)
        {
            double sigmoid5 = TestSupport.Reference.Sigmoid(5.0).Hi;
            AssertSame(e == ElementType.Single ? (float)sigmoid5 : sigmoid5, Slope(e, softplus, 2.5));
            double justAbove = e == ElementType.Single ? MathF.BitIncrement(2.5f) : Math.BitIncrement(2.5);
            AssertSame(1, Slope(e, softplus, justAbove));
            AssertSame(1, Slope(e, softplus, double.PositiveInfinity));
            AssertSame(0, Slope(e, softplus, double.NegativeInfinity));
            Assert.True(double.IsNaN(Slope(e, softplus, double.NaN)));
        }

        // The product is rounded to the element type before the test, as in the forward kernel's cut-off: with beta
        // 0.1 (0.100000001 as a float), fl(0.1f * 50) is 5 and the float after 50 is the first beyond threshold 5.
        float tenth = 0.1f;
        float next = MathF.BitIncrement(50f);
        Assert.False(tenth * 50f > 5f);
        Assert.True(tenth * next > 5f);
        AssertSame(1, Slope(ElementType.Single, new SoftplusSpec(0.1, 5), next));
        Assert.True(Slope(ElementType.Single, new SoftplusSpec(0.1, 5), 50) < 1);

        // No threshold: sigmoid(beta x) everywhere, 1 at +infinity (PyTorch's e^z / (e^z + 1) is NaN there), also for
        // a beta that is not a power of two (the rounding correction stays finite).
        foreach (double beta in new[] { 1, 0.3 })
        {
            AssertSame(1, Slope(ElementType.Double, new SoftplusSpec(beta, double.PositiveInfinity), double.PositiveInfinity));
            AssertSame(0, Slope(ElementType.Double, new SoftplusSpec(beta, double.PositiveInfinity), double.NegativeInfinity));
            AssertSame(0.5, Slope(ElementType.Double, new SoftplusSpec(beta, double.PositiveInfinity), 0));
        }
    }

    [Fact]
    public void EluAndSeluFollowEluBackwardWithIsResultFalse()
    {
        AssertSame(2.5, Slope(ElementType.Double, new EluSpec(2.5), 0));
        AssertSame(2.5, Slope(ElementType.Double, new EluSpec(2.5), -0.0));
        AssertSame(1, Slope(ElementType.Double, new EluSpec(2.5), 1e-300));
        AssertSame((float)0.3, Slope(ElementType.Single, new EluSpec(0.3), 0));
        AssertSame(1, Slope(ElementType.Double, new EluSpec(2.5), double.NaN));
        AssertSame(0, Slope(ElementType.Double, new EluSpec(2.5), double.NegativeInfinity));
        AssertSame(1, Slope(ElementType.Double, new EluSpec(2.5), double.PositiveInfinity));

        // SELU: alpha scale at 0 with PyTorch's folding per type, scale above.
        var selu = new ParameterlessSpec("Selu");
        AssertSame(TestSupport.Reference.SeluNegativeCoefficientFloat, Slope(ElementType.Single, selu, 0));
        AssertSame(TestSupport.Reference.SeluNegativeCoefficient, Slope(ElementType.Double, selu, 0));
        AssertSame(TestSupport.Reference.SeluScaleFloat, Slope(ElementType.Single, selu, 1));
        AssertSame(TestSupport.Reference.SeluScale, Slope(ElementType.Double, selu, double.NaN));
    }

    [Fact]
    public void HardSwishHasPyTorchsThresholds()
    {
        var hardSwish = new ParameterlessSpec("HardSwish");
        foreach (ElementType e in Types)
        {
            AssertSame(-0.5, Slope(e, hardSwish, -3));
            AssertSame(1.5, Slope(e, hardSwish, 3));
            AssertSame(0, Slope(e, hardSwish, -3.0001));
            AssertSame(1, Slope(e, hardSwish, 3.0001));
            AssertSame(0, Slope(e, hardSwish, -1.5));
            AssertSame(0.5, Slope(e, hardSwish, 0));
            AssertSame(1, Slope(e, hardSwish, double.NaN));
            AssertSame(0, Slope(e, hardSwish, double.NegativeInfinity));
            AssertSame(0, Slope(e, hardSwish, -4, double.PositiveInfinity));
        }
    }

    [Fact]
    public void SmoothActivationsGiveTheirLimitsAtInfinityAndNaNForNaN()
    {
        var cases = new (ActivationSpec Spec, double AtMinusInfinity, double AtPlusInfinity)[]
        {
            (new ParameterlessSpec("Sigmoid"), 0, 0),
            (new ParameterlessSpec("Tanh"), 0, 0),
            (new ParameterlessSpec("LogSigmoid"), 1, 0),
            (new SiluSpec(1), -0.0, 1),
            (new SiluSpec(1.7), -0.0, 1),
            (new ParameterlessSpec("Mish"), 0, 1),
            (new GeluSpec(false), 0, 1),
            (new GeluSpec(true), 0, 1),
        };
        foreach (ElementType e in Types)
        {
            foreach ((ActivationSpec spec, double atMinus, double atPlus) in cases)
            {
                Assert.Equal(atMinus, Slope(e, spec, double.NegativeInfinity));
                Assert.Equal(atPlus, Slope(e, spec, double.PositiveInfinity));
                Assert.True(double.IsNaN(Slope(e, spec, double.NaN)), spec.ToString());
            }
        }
    }

    [Fact]
    public void SmoothActivationsHaveTheirSlopeAtZero()
    {
        foreach (ElementType e in Types)
        {
            AssertSame(0.25, Slope(e, new ParameterlessSpec("Sigmoid"), 0));
            AssertSame(1, Slope(e, new ParameterlessSpec("Tanh"), 0));
            AssertSame(0.5, Slope(e, new ParameterlessSpec("LogSigmoid"), 0));
            AssertSame(0.5, Slope(e, new SiluSpec(1), 0));
            AssertSame(0.5, Slope(e, new SiluSpec(1.7), 0));
            AssertSame(0.5, Slope(e, new GeluSpec(false), 0));
            AssertSame(0.5, Slope(e, new GeluSpec(true), 0));
            AssertSame(0.5, Slope(e, new GeluSpec(true), -0.0));
            AssertSame(0.5, Slope(e, new GeluSpec(true), 1e-30));
        }
    }

    [Fact]
    public void InverseSoftplusIsOneAtInfinityAndInfiniteAtZero()
    {
        foreach (ElementType e in Types)
        {
            foreach (double beta in new[] { 1, 0.7 })
            {
                AssertSame(1, Slope(e, new InverseSoftplusSpec(beta), double.PositiveInfinity));
                AssertSame(double.PositiveInfinity, Slope(e, new InverseSoftplusSpec(beta), 0));
                Assert.True(double.IsNaN(Slope(e, new InverseSoftplusSpec(beta), double.NaN)));
            }
        }
    }

    [Fact]
    public void AbsIsTheSignWithZeroAtZero()
    {
        foreach (ElementType e in Types)
        {
            AssertSame(0, Slope(e, Abs(P(0)), 0));
            AssertSame(0, Slope(e, Abs(P(0)), -0.0));
            AssertSame(1, Slope(e, Abs(P(0)), 1e-30));
            AssertSame(-1, Slope(e, Abs(P(0)), -1e-30));
            AssertSame(-1, Slope(e, Abs(P(0)), double.NegativeInfinity));
            AssertSame(0, Slope(e, Abs(P(0)), double.NaN));
        }
    }

    [Fact]
    public void MinAndMaxGiveTiesToTheFirstArgument()
    {
        foreach (ElementType e in Types)
        {
            FormulaSpec max = Gradient(Formula(e, new[] { "a", "b" }, Call(MathFunction.Max, P(0), P(1))));
            Assert.Equal(new[] { 1.0, 0.0 }, FormulaInterpreter.Evaluate(max, 2, 2, 1));
            Assert.Equal(new[] { 0.0, 1.0 }, FormulaInterpreter.Evaluate(max, 1, 2, 1));
            Assert.Equal(new[] { 1.0, 0.0 }, FormulaInterpreter.Evaluate(max, 3, 2, 1));
            Assert.Equal(new[] { 1.0, 0.0 }, FormulaInterpreter.Evaluate(max, double.NaN, 2, 1));

            FormulaSpec min = Gradient(Formula(e, new[] { "a", "b" }, Min(P(0), P(1))));
            Assert.Equal(new[] { 1.0, 0.0 }, FormulaInterpreter.Evaluate(min, 2, 2, 1));
            Assert.Equal(new[] { 0.0, 1.0 }, FormulaInterpreter.Evaluate(min, 3, 2, 1));
            Assert.Equal(new[] { 1.0, 0.0 }, FormulaInterpreter.Evaluate(min, 1, 2, 1));
        }
    }

    [Fact]
    public void ClampKeepsTheGradientOnItsBoundsInclusive()
    {
        foreach (ElementType e in Types)
        {
            FormulaSpec clamp = Gradient(Formula(e, new[] { "x", "lo", "hi" }, Clamp(P(0), P(1), P(2))));
            Assert.Equal(new[] { 1.0, 0.0, 0.0 }, FormulaInterpreter.Evaluate(clamp, -1, -1, 1, 1));
            Assert.Equal(new[] { 1.0, 0.0, 0.0 }, FormulaInterpreter.Evaluate(clamp, 1, -1, 1, 1));
            Assert.Equal(new[] { 1.0, 0.0, 0.0 }, FormulaInterpreter.Evaluate(clamp, 0.5, -1, 1, 1));
            Assert.Equal(new[] { 0.0, 1.0, 0.0 }, FormulaInterpreter.Evaluate(clamp, -2, -1, 1, 1));
            Assert.Equal(new[] { 0.0, 0.0, 1.0 }, FormulaInterpreter.Evaluate(clamp, 2, -1, 1, 1));

            // NaN is returned as is, so it keeps the gradient.
            Assert.Equal(new[] { 1.0, 0.0, 0.0 }, FormulaInterpreter.Evaluate(clamp, double.NaN, -1, 1, 1));
        }
    }

    [Fact]
    public void AConditionalsGradientFlowsThroughThePickedBranchOnly()
    {
        foreach (ElementType e in Types)
        {
            // x > 0 ? x : e^x - 1 at x = 100: the other branch's e^x is infinite in float, its slope too, and yet
            // the gradient is exactly 1 (PyTorch's torch.where backward gives NaN: 0 * infinity).
            FormulaSpec elu = Gradient(Formula(e, new[] { "x" }, If(GreaterThan(P(0), Lit(0)), P(0), Sub(Exp(P(0)), Lit(1)))));
            AssertSame(1, FormulaInterpreter.Evaluate(elu, 100, 1)[0]);
            AssertSame(1, FormulaInterpreter.Evaluate(elu, 1000, 1)[0]);
            Assert.Equal(Math.Exp(-2), FormulaInterpreter.Evaluate(elu, -2, 1)[0], e == ElementType.Single ? 1e-7 : 1e-16);

            // Also when the branch not taken uses a local twice: the local's gradient is summed under that branch.
            FormulaSpec shared = Gradient(Formula(e, new[] { "x" }, new[] { Exp(P(0)) }, If(GreaterThan(P(0), Lit(0)), P(0), Mul(L(0), L(0)))));
            Assert.Equal("t0 = Exp(x)\nresult0 = x > 0 ? grad0 : ((2 * (grad0 * t0)) * t0)\n", FormulaText.Of(shared));
            AssertSame(1, FormulaInterpreter.Evaluate(shared, 1000, 1)[0]);

            // The comparison has no gradient: y only picks.
            FormulaSpec pick = Gradient(Formula(e, new[] { "x", "y" }, If(LessThan(P(1), Lit(0)), Mul(P(0), Lit(3)), P(0))));
            Assert.Equal(new[] { 3.0, 0.0 }, FormulaInterpreter.Evaluate(pick, 1, -1, 1));
            Assert.Equal(new[] { 1.0, 0.0 }, FormulaInterpreter.Evaluate(pick, 1, 1, 1));
        }
    }

    [Fact]
    public void ExpM1sDerivativeKeepsItsPrecisionFarBelowZero()
    {
        // e^x by Exp, not expm1(x) + 1 (PyTorch's form), which is 0 or garbage below about -17 in float.
        double slope = Slope(ElementType.Single, ExpM1(P(0)), -30);
        Assert.Equal((double)(float)Math.Exp(-30), slope);
    }
}
