using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;
using Xunit.Abstractions;
using static FusedActivations.Generator.Differentiation.Nodes;
using static FusedActivations.Generator.Tests.Differentiation.TestFormulas;

namespace FusedActivations.Generator.Tests.Differentiation;

public sealed class IssueExampleTests
{
    private readonly ITestOutputHelper _output;

    public IssueExampleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Print()
    {
        var scale = Formula(ElementType.Single, new[] { "raw", "bias" }, Add(Activation(new SoftplusSpec(2, 20), Add(P(0), P(1))), Lit((float)1e-6)));
        _output.WriteLine(FormulaText.Of(Gradient(scale)));
        var swiglu = Formula(ElementType.Single, new[] { "a", "b" }, Mul(SiluOf(1, P(0)), P(1)));
        _output.WriteLine(FormulaText.Of(Gradient(swiglu)));
        var gelu = Formula(ElementType.Single, new[] { "x", "bias" }, Activation(new GeluSpec(false), Add(P(0), P(1))));
        _output.WriteLine(FormulaText.Of(Gradient(gelu)));
        var gelut = Formula(ElementType.Single, new[] { "x" }, Activation(new GeluSpec(true), P(0)));
        _output.WriteLine(FormulaText.Of(Gradient(gelut)));
        var sp = Formula(ElementType.Single, new[] { "x" }, Activation(new SoftplusSpec(0.3, 20), P(0)));
        _output.WriteLine(FormulaText.Of(Gradient(sp)));
        var mish = Formula(ElementType.Double, new[] { "x" }, Activation(new ParameterlessSpec("Mish"), P(0)));
        _output.WriteLine(FormulaText.Of(Gradient(mish)));
        var cond = Formula(ElementType.Double, new[] { "x", "y" }, If(GreaterThan(P(0), Lit(0)), Mul(P(0), P(0)), Exp(Mul(P(0), P(1)))));
        _output.WriteLine(FormulaText.Of(Gradient(cond)));
        var clamp = Formula(ElementType.Double, new[] { "x", "lo", "hi" }, Clamp(Mul(P(0), P(0)), P(1), P(2)));
        _output.WriteLine(FormulaText.Of(Gradient(clamp)));
        var locals = Formula(ElementType.Double, new[] { "x" }, new[] { Exp(P(0)), Mul(L(0), L(0)), Mul(L(1), L(1)) }, Add(L(2), L(1)));
        _output.WriteLine(FormulaText.Of(Gradient(locals)));
    }
}
