using System.Collections.Generic;
using System.Collections.Immutable;
using FusedActivations.Generator.Differentiation;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing.Fused;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>The issue's API, exactly as written there, gives the specs its methods stand for.</summary>
public sealed class FusedIssueExampleTests
{
    private static readonly ParameterNode Raw = new(0);
    private static readonly ParameterNode Bias = new(1);

    private static EquatableArray<T> Array<T>(params T[] items)
        where T : System.IEquatable<T> => new(ImmutableArray.Create(items));

    private static readonly FormulaSpec ScaleFormula = new(
        ElementType.Single,
        Array("raw", "bias"),
        EquatableArray<FormulaNode>.Empty,
        Array<FormulaNode>(new BinaryNode(
            BinaryOperator.Add,
            new ActivationNode(new SoftplusSpec(2, 20), new BinaryNode(BinaryOperator.Add, Raw, Bias)),
            new LiteralNode(1e-6f))),
        "FusedMath.Softplus(raw + bias, 2f) + 1e-6f");

    [Fact]
    public void ScaleIsSoftplusOfTheSumPlusEpsilonWithABroadcastBias()
    {
        FusedParseResult result = FusedParserHarness.Parse("Scale", FusedSources.IssueExample);

        Assert.Empty(result.Diagnostics);
        var expected = new FusedMethodSpec(
            "Tests",
            Array(new ContainingTypeSpec("class", "Head")),
            "public static partial",
            "Scale",
            Array(
                new ParameterSpec("", "global::System.ReadOnlySpan<float>", "raw"),
                new ParameterSpec("", "global::System.ReadOnlySpan<float>", "bias"),
                new ParameterSpec("", "global::System.Span<float>", "destination")),
            Array(new InputStream(StreamKind.Elementwise, "raw"), new InputStream(StreamKind.Broadcast, "bias")),
            Array(new OutputStream("destination")),
            ScaleFormula,
            IsGradient: false);
        Assert.Equal(expected, result.Method);
    }

    [Fact]
    public void SwiGluIsSiluOfATimesB()
    {
        FusedParseResult result = FusedParserHarness.Parse("SwiGlu", FusedSources.IssueExample);

        Assert.Empty(result.Diagnostics);
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.Equal(Array(new InputStream(StreamKind.Elementwise, "a"), new InputStream(StreamKind.Elementwise, "b")), method.Inputs);
        Assert.Equal(
            new FormulaSpec(
                ElementType.Single,
                Array("a", "b"),
                EquatableArray<FormulaNode>.Empty,
                Array<FormulaNode>(new BinaryNode(BinaryOperator.Multiply, new ActivationNode(new SiluSpec(1), new ParameterNode(0)), new ParameterNode(1))),
                "FusedMath.Silu(a) * b"),
            method.Formula);
    }

    [Fact]
    public void ScaleBackwardDerivesTheForwardFormulaWithItsStreamKinds()
    {
        // A stand-in for the derivative: it records what it is given.
        var gradient = new FormulaSpec(ElementType.Single, Array("raw", "bias", "gradOutput"), EquatableArray<FormulaNode>.Empty, Array<FormulaNode>(new ParameterNode(2), new ParameterNode(2)), "stand-in");
        var calls = new List<(FormulaSpec Forward, IReadOnlyList<StreamKind> Kinds)>();
        FusedParseResult result = FusedParserHarness.Parse("ScaleBackward", (forward, kinds) => { calls.Add((forward, kinds)); return gradient; }, FusedSources.IssueExample);

        Assert.Empty(result.Diagnostics);
        (FormulaSpec derivedFrom, IReadOnlyList<StreamKind> derivedKinds) = Assert.Single(calls);
        Assert.Equal(ScaleFormula, derivedFrom);
        Assert.Equal(new[] { StreamKind.Elementwise, StreamKind.Broadcast }, derivedKinds);

        var expected = new FusedMethodSpec(
            "Tests",
            Array(new ContainingTypeSpec("class", "Head")),
            "public static partial",
            "ScaleBackward",
            Array(
                new ParameterSpec("", "global::System.ReadOnlySpan<float>", "raw"),
                new ParameterSpec("", "global::System.ReadOnlySpan<float>", "bias"),
                new ParameterSpec("", "global::System.ReadOnlySpan<float>", "gradOutput"),
                new ParameterSpec("", "global::System.Span<float>", "gradRaw"),
                new ParameterSpec("", "global::System.Span<float>", "gradBias")),
            Array(new InputStream(StreamKind.Elementwise, "raw"), new InputStream(StreamKind.Broadcast, "bias"), new InputStream(StreamKind.Elementwise, "gradOutput")),
            Array(new OutputStream("gradRaw", 0), new OutputStream("gradBias", 1)),
            gradient,
            IsGradient: true);
        Assert.Equal(expected, result.Method);
    }

    [Fact]
    public void ScaleBackwardCarriesTheGradientOfScaleWithABroadcastBias()
    {
        FusedParseResult result = FusedParserHarness.Parse("ScaleBackward", FusedSources.IssueExample);

        Assert.Empty(result.Diagnostics);
        FusedMethodSpec method = Assert.IsType<FusedMethodSpec>(result.Method);
        Assert.True(method.IsGradient);
        Assert.Equal(FormulaGradient.Derive(ScaleFormula, new[] { StreamKind.Elementwise, StreamKind.Broadcast }), method.Formula);
    }

    [Fact]
    public void ScaleBackwardReportsThatTheDerivativeIsNotAvailableWhenDerivingGivesNone()
    {
        // Through the stand-in: the parser's side of FA1024 (a null derivative is the diagnostic and a completing
        // declaration), whatever made the derivative fail.
        FusedParseResult result = FusedParserHarness.Parse("ScaleBackward", (_, _) => null, FusedSources.IssueExample);

        Assert.Null(result.Method);
        Assert.Equal("FA1024", Assert.Single(result.Diagnostics).Id);
        Assert.NotNull(result.Stub);
    }
}
