using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;
using static FusedActivations.Generator.Differentiation.Nodes;
using static FusedActivations.Generator.Tests.Differentiation.TestFormulas;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// Gradients of formulas that combine the rules (chain rule, products, quotients, conditionals, Min/Max/Clamp, locals,
/// several results, run-time scalars) against finite differences (<see cref="FiniteDifferences"/>) at random points
/// away from the formulas' kinks.
/// </summary>
public sealed class CompositeGradientTests
{
    private static readonly ActivationSpec[] Activations =
    {
        new SoftplusSpec(1, 20), new SoftplusSpec(0.3, double.PositiveInfinity), new ParameterlessSpec("Sigmoid"),
        new ParameterlessSpec("Tanh"), new SiluSpec(1), new SiluSpec(1.7), new ParameterlessSpec("Mish"), new EluSpec(1.3),
        new ParameterlessSpec("Selu"), new ParameterlessSpec("LogSigmoid"), new ParameterlessSpec("Relu"), new LeakyReluSpec(0.2),
        new ParameterlessSpec("HardSwish"), new InverseSoftplusSpec(1.5), new GeluSpec(false), new GeluSpec(true),
    };

    /// <summary>Checks <paramref name="forward"/>'s gradient at 200 random points of [-3, 3]^n where <paramref name="valid"/> holds.</summary>
    private static void Check(FormulaSpec forward, Func<double[], bool>? valid = null, StreamKind[]? kinds = null, int seed = 1)
    {
        kinds ??= Enumerable.Repeat(StreamKind.Elementwise, forward.Parameters.Count).ToArray();
        FormulaSpec gradient = Gradient(forward, kinds);
        var random = new Random(seed);
        int checkedPoints = 0;
        for (int attempt = 0; attempt < 2000 && checkedPoints < 200; attempt++)
        {
            double[] point = Enumerable.Range(0, forward.Parameters.Count).Select(_ => (random.NextDouble() * 6) - 3).ToArray();
            if (valid is not null && !valid(point))
            {
                continue;
            }

            double[] seeds = Enumerable.Range(0, forward.Results.Count).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
            FiniteDifferences.AssertGradient(forward, gradient, kinds, point, seeds);
            checkedPoints++;
        }

        Assert.Equal(200, checkedPoints);
    }

    private static bool Away(double value, double kink) => Math.Abs(value - kink) > 1e-3;

    public static TheoryData<int> ActivationIndices() => new(Enumerable.Range(0, Activations.Length));

    [Theory]
    [MemberData(nameof(ActivationIndices))]
    public void EveryActivationInsideAndOutsideArithmetic(int index)
    {
        // act(2x - y) * y + x / (1 + y^2): the chain rule into both operands, a product and a quotient around it.
        ActivationSpec spec = Activations[index];
        FormulaNode inner = Sub(Mul(Lit(2), P(0)), P(1));
        if (spec is InverseSoftplusSpec)
        {
            // Its domain is y > 0.
            inner = Add(Mul(P(0), P(0)), Lit(0.25));
        }

        var forward = Formula(ElementType.Double, new[] { "x", "y" }, Add(Mul(Activation(spec, inner), P(1)), Div(P(0), Add(Lit(1), Mul(P(1), P(1))))));
        Check(forward, p => Away((2 * p[0]) - p[1], 0) && Away((2 * p[0]) - p[1], 3) && Away((2 * p[0]) - p[1], -3) && Away((2 * p[0]) - p[1], 20), seed: index);
    }

    [Fact]
    public void IssueFormulas()
    {
        Check(Formula(ElementType.Double, new[] { "raw", "bias" }, Add(Activation(new SoftplusSpec(2, 20), Add(P(0), P(1))), Lit(1e-6))));
        Check(Formula(ElementType.Double, new[] { "a", "b" }, Mul(SiluOf(1, P(0)), P(1))));
        Check(Formula(ElementType.Double, new[] { "x", "bias" }, Activation(new GeluSpec(false), Add(P(0), P(1)))));
    }

    [Fact]
    public void QuotientsDifferencesAndNegations()
    {
        Check(Formula(ElementType.Double, new[] { "a", "b" }, Div(Add(P(0), P(1)), Sub(P(0), Mul(Lit(3), P(1))))), p => Math.Abs(p[0] - (3 * p[1])) > 0.1);
        Check(Formula(ElementType.Double, new[] { "a", "b" }, Neg(Sub(Div(Lit(2), P(0)), Mul(P(1), Neg(P(0)))))), p => Math.Abs(p[0]) > 0.1);
    }

    [Fact]
    public void MathFunctions()
    {
        // Each function once, on arguments inside its domain.
        FormulaNode a = P(0), b = P(1), c = P(2);
        FormulaNode positive = Add(Mul(a, a), Lit(0.5));
        var forward = Formula(ElementType.Double, new[] { "a", "b", "c" }, Add(
            Add(Mul(Fma(a, b, c), Call(MathFunction.Log1P, Mul(b, b))), Call(MathFunction.Sqrt, positive)),
            Sub(Mul(Call(MathFunction.Log, positive), Exp(Mul(Lit(0.5), b))), Mul(ExpM1(c), Abs(Sub(a, b))))));
        Check(forward, p => Away(p[0], p[1]));
        Check(Formula(ElementType.Double, new[] { "x" }, Mul(NormalCdf(P(0)), NormalPdf(Mul(Lit(2), P(0))))));
    }

    [Fact]
    public void ConditionalsMinMaxAndClamp()
    {
        FormulaNode x = P(0), y = P(1);
        Check(Formula(ElementType.Double, new[] { "x", "y" }, If(GreaterThan(x, y), Mul(x, y), Exp(Sub(x, y)))), p => Away(p[0], p[1]));
        Check(Formula(ElementType.Double, new[] { "x", "y" }, Mul(Call(MathFunction.Max, x, Mul(y, y)), Min(x, Exp(y)))),
            p => Away(p[0], p[1] * p[1]) && Away(p[0], Math.Exp(p[1])));
        Check(Formula(ElementType.Double, new[] { "x", "lo", "hi" }, Clamp(Mul(x, y), P(1), P(2))),
            p => Away(p[0] * p[1], p[1]) && Away(p[0] * p[1], p[2]));

        // Nested conditionals over the same comparison and a variable used in both branches.
        Check(Formula(ElementType.Double, new[] { "x", "y" }, If(LessThan(x, Lit(0)), If(LessThan(y, x), Mul(x, x), Mul(x, y)), Add(x, SigmoidOf(Mul(x, y))))),
            p => Away(p[0], 0) && Away(p[0], p[1]));
    }

    [Fact]
    public void LocalsAndSeveralResults()
    {
        // t0 = x y; t1 = sigmoid(t0) + x; results (t1 * t0, t1 - y, exp(t0)): each local feeds several places.
        FormulaNode x = P(0), y = P(1);
        var forward = Formula(ElementType.Double, new[] { "x", "y" },
            new[] { Mul(x, y), Add(SigmoidOf(L(0)), x) },
            Mul(L(1), L(0)), Sub(L(1), y), Exp(L(0)));
        Check(forward);
    }

    [Fact]
    public void RunTimeScalarsGetNoGradientButStillScaleTheOthers()
    {
        var forward = Formula(ElementType.Double, new[] { "x", "s", "bias" }, Mul(Activation(new SoftplusSpec(1, 20), Mul(P(0), P(1))), P(2)));
        var kinds = new[] { StreamKind.Elementwise, StreamKind.Scalar, StreamKind.Broadcast };
        Assert.Equal(2, Gradient(forward, kinds).Results.Count);
        Check(forward, kinds: kinds);
    }
}
