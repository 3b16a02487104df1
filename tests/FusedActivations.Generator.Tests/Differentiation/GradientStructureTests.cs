using System;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Differentiation;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;
using static FusedActivations.Generator.Differentiation.Nodes;
using static FusedActivations.Generator.Tests.Differentiation.TestFormulas;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// The shape of the gradient formula: its parameters and results, the exact simplifications and only those, shared
/// subformulas kept shared (its size grows linearly with a chain of locals used twice each), and no gradient (null,
/// never an exception) for what has no rule or is not a formula the parser makes.
/// </summary>
public sealed class GradientStructureTests
{
    private static readonly string[] XY = { "x", "y" };

    private static string GradientText(FormulaNode result, params string[] parameters) =>
        FormulaText.Of(Gradient(Formula(ElementType.Double, parameters.Length == 0 ? new[] { "x" } : parameters, result)));

    [Fact]
    public void ParametersAreTheForwardOnesThenOneGradientPerResult()
    {
        FormulaSpec gradient = Gradient(Formula(ElementType.Single, XY, Array.Empty<FormulaNode>(), Mul(P(0), P(1)), Add(P(0), P(1))));
        Assert.Equal(new[] { "x", "y", "grad0", "grad1" }, gradient.Parameters.ToArray());
        Assert.Equal(ElementType.Single, gradient.Element);
        Assert.Equal("(grad0, grad1) * d/d(x, y) [test formula]", gradient.Display);
        Assert.Equal("result0 = (grad0 * y) + grad1\nresult1 = (grad0 * x) + grad1\n", FormulaText.Of(gradient));
    }

    [Fact]
    public void GradientNamesAvoidTheFormulasOwn()
    {
        FormulaSpec gradient = Gradient(Formula(ElementType.Double, new[] { "grad0", "@grad1", "grad0_1" }, Array.Empty<FormulaNode>(), P(0), P(1)));
        Assert.Equal(new[] { "grad0", "@grad1", "grad0_1", "grad0_2", "grad1_1" }, gradient.Parameters.ToArray());
    }

    [Fact]
    public void ScalarParametersGetNoResultAndUnusedOnesGetZero()
    {
        FormulaSpec forward = Formula(ElementType.Double, new[] { "x", "s", "unused" }, Mul(P(0), P(1)));
        FormulaSpec gradient = Gradient(forward, StreamKind.Broadcast, StreamKind.Scalar, StreamKind.Elementwise);
        Assert.Equal("result0 = grad0 * s\nresult1 = 0\n", FormulaText.Of(gradient));
        Assert.Equal("grad0 * d/d(x, unused) [test formula]", gradient.Display);
    }

    [Fact]
    public void OnlyExactSimplifications()
    {
        // x * 1, -(-x), negations moved out of products and into differences: exact in IEEE arithmetic.
        Assert.Equal("result0 = grad0\n", GradientText(P(0)));
        Assert.Equal("result0 = grad0 * 3\n", GradientText(Mul(Lit(3), P(0))));
        Assert.Equal("result0 = grad0 / 3\n", GradientText(Div(P(0), Lit(3))));
        Assert.Equal("result0 = -grad0\n", GradientText(Neg(P(0))));
        Assert.Equal("result0 = grad0\nresult1 = -grad0\n", GradientText(Sub(P(0), P(1)), XY));
        Assert.Equal("result0 = grad0\n", GradientText(Neg(Neg(P(0)))));
        Assert.Equal("result0 = -(grad0 * y)\nresult1 = -(grad0 * x)\n", GradientText(Mul(Neg(P(0)), P(1)), XY));

        // A sum starts from its first term (0 + t would turn -0 into +0); t + t is 2 t.
        Assert.Equal("result0 = (grad0 * y) + grad0\nresult1 = grad0 * x\n", GradientText(Add(Mul(P(0), P(1)), P(0)), XY));
        Assert.Equal("result0 = 2 * (grad0 * x)\n", GradientText(Mul(P(0), P(0))));
        Assert.Equal("result0 = grad0 - grad0\n", GradientText(Sub(P(0), P(0))));

        // Never 0 * x: a gradient times 0 is NaN for an infinite gradient, as the product in the formula is.
        Assert.Equal("result0 = grad0 * 0\n", GradientText(Mul(P(0), Lit(0))));
        FormulaSpec timesZero = Gradient(Formula(ElementType.Double, new[] { "x" }, Mul(P(0), Lit(0))));
        Assert.True(double.IsNaN(FormulaInterpreter.Evaluate(timesZero, 1, double.PositiveInfinity)[0]));
    }

    [Fact]
    public void ADerivativeOfTheFormOneOverQDividesTheGradient()
    {
        // The math functions' rules: g / q is one rounding where g * (1 / q) would be two.
        Assert.Equal("result0 = grad0 / x\n", GradientText(Call(MathFunction.Log, P(0))));
        Assert.Equal("result0 = grad0 / (2 * Sqrt(x))\n", GradientText(Call(MathFunction.Sqrt, P(0))));
        Assert.Equal("result0 = grad0 / (1 + x)\n", GradientText(Call(MathFunction.Log1P, P(0))));
    }

    [Fact]
    public void ASmoothActivationsRuleStaysWholeInItsWidenedBody()
    {
        // Not divided out of it, though it is 1 / q: the whole rule is computed in double and rounded once in float
        // formulas (where ExpM1(-(1.5 x)) in float would round 1.5 x, then ExpM1), and the gradient meets it in one
        // product. Double formulas keep the same shape.
        string expected = "result0 = grad0 * widened(-1 / ExpM1(-(1.5 * w)))[w := x]\n";
        Assert.Equal(expected, GradientText(Activation(new InverseSoftplusSpec(1.5), P(0))));
        Assert.Equal(expected, FormulaText.Of(Gradient(Formula(ElementType.Single, new[] { "x" }, Activation(new InverseSoftplusSpec(1.5), P(0))))));
    }

    [Fact]
    public void TheGradientReusesTheForwardLocalsAndDropsUnusedOnes()
    {
        // t = raw + bias (a local of the forward formula), used once; u = exp(raw) unused by the result.
        FormulaSpec forward = Formula(ElementType.Single, new[] { "raw", "bias" },
            new[] { Add(P(0), P(1)), Exp(P(0)) },
            Add(SigmoidOf(L(0)), Lit(1)));
        Assert.Equal(
            "t0 = raw + bias\n" +
            "t1 = grad0 * widened(Sigmoid(w) * Sigmoid(-w))[w := t0]\n" +
            "result0 = t1\n" +
            "result1 = t1\n",
            FormulaText.Of(Gradient(forward)));
    }

    [Fact]
    public void ASubformulaWrittenTwiceIsComputedOnce()
    {
        // exp(x) + exp(x) * y, without a local: the gradient computes exp(x) once.
        string text = GradientText(Add(Exp(P(0)), Mul(Exp(P(0)), P(1))), XY);
        Assert.Equal(1, text.Split("Exp(").Length - 1);
        Assert.Equal("t0 = Exp(x)\nresult0 = (grad0 + (grad0 * y)) * t0\nresult1 = grad0 * t0\n", text);
    }

    [Fact]
    public void AChainOfLocalsUsedTwiceGrowsLinearly()
    {
        // t0 = x y, t(i+1) = t(i) * sigmoid(t(i)): each local is used twice, so the unfolded gradient doubles per
        // link. Reverse mode over the DAG adds each local's gradient once: the gradient grows by a constant per link.
        int[] links = { 4, 8, 16, 32, 64 };
        int[] sizes = links.Select(n => FormulaText.Size(Gradient(Chain(n)))).ToArray();
        int perLink = (sizes[1] - sizes[0]) / (links[1] - links[0]);
        for (int i = 1; i < sizes.Length; i++)
        {
            Assert.True(sizes[i] - sizes[i - 1] == perLink * (links[i] - links[i - 1]), $"sizes {string.Join(", ", sizes)} for {string.Join(", ", links)} links");
        }

        // Per link: the forward local t(i) s and its sigmoid s = Sigmoid(t(i)) as locals (5 nodes), and the adjoint
        // (g s) + ((g t(i)) widened(Sigmoid(w) * Sigmoid(-w))[w := t(i)]) (16 nodes, 6 of them the widened body).
        Assert.Equal(21, perLink);

        // And it is the right gradient.
        FormulaSpec forward = Chain(8);
        FiniteDifferences.AssertGradient(forward, Gradient(forward), new[] { StreamKind.Elementwise, StreamKind.Elementwise }, new[] { 0.7, -0.4 }, new[] { 1.3 });
    }

    private static FormulaSpec Chain(int links)
    {
        var locals = new FormulaNode[links + 1];
        locals[0] = Mul(P(0), P(1));
        for (int i = 1; i <= links; i++)
        {
            locals[i] = Mul(L(i - 1), SigmoidOf(L(i - 1)));
        }

        return Formula(ElementType.Double, XY, locals, L(links));
    }

    [Fact]
    public void NoRuleGivesNoGradient()
    {
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Single, new[] { "x" }, Activation(new UnknownSpec(), P(0))), new[] { StreamKind.Elementwise }));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Single, new[] { "x" }, Call((MathFunction)99, P(0))), new[] { StreamKind.Elementwise }));

        // Also where the unknown node only feeds a branch: the whole formula has no gradient.
        Assert.Null(FormulaGradient.Derive(
            Formula(ElementType.Single, new[] { "x" }, If(LessThan(P(0), Lit(0)), Activation(new UnknownSpec(), P(0)), P(0))),
            new[] { StreamKind.Elementwise }));
    }

    [Fact]
    public void FormulasTheParserDoesNotMakeGiveNoGradient()
    {
        StreamKind[] one = { StreamKind.Elementwise };
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, P(1)), one));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, L(0)), one));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, new[] { L(0) }, P(0)), one));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, Call(MathFunction.Min, P(0))), one));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, new UnrecognizedNode()), one));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, Add(P(0), null!)), one));
        Assert.Null(FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, new ActivationNode(null!, P(0))), one));
    }

    [Fact]
    public void ADeepFormulaGivesItsGradientOrNoneButNeverAnException()
    {
        // ((x + 1) + 1) + ... at a depth where the stack runs low: null, not a crash of the compiler's process.
        FormulaNode deep = P(0);
        for (int i = 0; i < 300_000; i++)
        {
            deep = Add(deep, Lit(1));
        }

        FormulaSpec? gradient = FormulaGradient.Derive(Formula(ElementType.Double, new[] { "x" }, deep), new[] { StreamKind.Elementwise });
        Assert.True(gradient is null || FormulaText.Of(gradient) == "result0 = grad0\n");

        // A depth a person writes is no problem.
        FormulaNode nested = P(0);
        for (int i = 0; i < 500; i++)
        {
            nested = Add(nested, Lit(1));
        }

        Assert.Equal("result0 = grad0\n", GradientText(nested));
    }

    [Fact]
    public void TheSameFormulaGivesAnEqualGradient()
    {
        // The gradient is part of a model the incremental pipeline compares: it must not depend on object identity.
        FormulaSpec Build() => Formula(ElementType.Single, XY, new[] { Add(P(0), P(1)) }, Mul(Activation(new SoftplusSpec(0.3, 20), L(0)), P(1)));
        Assert.Equal(Gradient(Build()), Gradient(Build()));
    }

    /// <summary>A spec no activation owns (a newer IR than this generator's rules).</summary>
    private sealed record UnknownSpec : ActivationSpec
    {
        public override string Name => "Unknown";
    }

    /// <summary>A node type the derivation does not know.</summary>
    private sealed record UnrecognizedNode : FormulaNode;
}
