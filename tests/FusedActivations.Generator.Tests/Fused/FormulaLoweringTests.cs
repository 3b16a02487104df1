using System;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;
using static FusedActivations.Generator.Tests.Fused.FormulaAssert;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>Each construct a formula may use becomes the node that stands for it, as C# binds it.</summary>
public sealed class FormulaLoweringTests
{
    [Fact]
    public void OperatorsKeepCSharpsPrecedenceAndAssociativity()
    {
        Assert.Equal(
            Sub(Sub(X, Div(Mul(Y, Z), X)), Y),
            FloatResult("static float G(float x, float y, float z) => x - y * z / x - y;", 3));
    }

    [Fact]
    public void ParenthesesGroup()
    {
        Assert.Equal(Mul(Add(X, Y), Sub(X, Y)), FloatResult("static float G(float x, float y) => (x + y) * (x - y);", 2));
    }

    [Fact]
    public void UnaryMinusNegatesAndUnaryPlusIsNothing()
    {
        Assert.Equal(Add(new NegateNode(X), X), FloatResult("static float G(float x) => -x + +x;"));
    }

    [Fact]
    public void ANegativeLiteralIsOneConstant()
    {
        Assert.Equal(Mul(Lit(-2.5), X), FloatResult("static float G(float x) => -2.5f * x;"));
    }

    [Theory]
    [InlineData("<", nameof(Comparison.LessThan))]
    [InlineData("<=", nameof(Comparison.LessThanOrEqual))]
    [InlineData(">", nameof(Comparison.GreaterThan))]
    [InlineData(">=", nameof(Comparison.GreaterThanOrEqual))]
    [InlineData("==", nameof(Comparison.Equal))]
    [InlineData("!=", nameof(Comparison.NotEqual))]
    public void AConditionalIsOneComparisonAndTwoBranches(string op, string comparisonName)
    {
        Comparison comparison = Enum.Parse<Comparison>(comparisonName);
        Assert.Equal(
            new ConditionalNode(comparison, X, Lit(0), X, Mul(Lit(0.01f), X)),
            FloatResult($"static float G(float x) => x {op} 0 ? x : 0.01f * x;"));
    }

    [Fact]
    public void ConditionalsNest()
    {
        Assert.Equal(
            new ConditionalNode(Comparison.LessThan, X, Lit(-1), Lit(-1), new ConditionalNode(Comparison.GreaterThan, X, Y, Y, X)),
            FloatResult("static float G(float x, float y) => x < -1 ? -1 : (x > y ? y : x);", 2));
    }

    [Theory]
    [InlineData("MathF.Abs(x)", nameof(MathFunction.Abs), 1)]
    [InlineData("Math.Abs(x)", nameof(MathFunction.Abs), 1)]
    [InlineData("MathF.Min(x, y)", nameof(MathFunction.Min), 2)]
    [InlineData("Math.Min(x, y)", nameof(MathFunction.Min), 2)]
    [InlineData("MathF.Max(x, y)", nameof(MathFunction.Max), 2)]
    [InlineData("Math.Max(x, y)", nameof(MathFunction.Max), 2)]
    [InlineData("Math.Clamp(x, y, z)", nameof(MathFunction.Clamp), 3)]
    [InlineData("MathF.Exp(x)", nameof(MathFunction.Exp), 1)]
    [InlineData("MathF.Log(x)", nameof(MathFunction.Log), 1)]
    [InlineData("MathF.Sqrt(x)", nameof(MathFunction.Sqrt), 1)]
    [InlineData("MathF.FusedMultiplyAdd(x, y, z)", nameof(MathFunction.FusedMultiplyAdd), 3)]
    [InlineData("FusedMath.Log1P(x)", nameof(MathFunction.Log1P), 1)]
    [InlineData("FusedMath.ExpM1(x)", nameof(MathFunction.ExpM1), 1)]
    public void FloatMathFunctions(string call, string functionName, int arity)
    {
        MathFunction function = Enum.Parse<MathFunction>(functionName);
        FormulaNode[] arguments = new FormulaNode[] { X, Y, Z }[..arity];
        Assert.Equal(Math(function, arguments), FloatResult($"static float G(float x, float y, float z) => {call};", 3));
    }

    [Theory]
    [InlineData("Math.Abs(x)", nameof(MathFunction.Abs), 1)]
    [InlineData("Math.Min(x, y)", nameof(MathFunction.Min), 2)]
    [InlineData("Math.Max(x, y)", nameof(MathFunction.Max), 2)]
    [InlineData("Math.Clamp(x, y, z)", nameof(MathFunction.Clamp), 3)]
    [InlineData("Math.Exp(x)", nameof(MathFunction.Exp), 1)]
    [InlineData("Math.Log(x)", nameof(MathFunction.Log), 1)]
    [InlineData("Math.Sqrt(x)", nameof(MathFunction.Sqrt), 1)]
    [InlineData("Math.FusedMultiplyAdd(x, y, z)", nameof(MathFunction.FusedMultiplyAdd), 3)]
    [InlineData("FusedMath.Log1P(x)", nameof(MathFunction.Log1P), 1)]
    [InlineData("FusedMath.ExpM1(x)", nameof(MathFunction.ExpM1), 1)]
    public void DoubleMathFunctions(string call, string functionName, int arity)
    {
        MathFunction function = Enum.Parse<MathFunction>(functionName);
        FormulaNode[] arguments = new FormulaNode[] { X, Y, Z }[..arity];
        Assert.Equal(Math(function, arguments), DoubleResult($"static double G(double x, double y, double z) => {call};", 3));
    }

    [Theory]
    [InlineData("float", "MathF.Tanh(x)")]
    [InlineData("float", "FusedMath.Tanh(x)")]
    [InlineData("double", "Math.Tanh(x)")]
    [InlineData("double", "FusedMath.Tanh(x)")]
    public void TanhIsTheTanhActivation(string t, string call)
    {
        string formula = $"static {t} G({t} x) => {call};";
        FormulaNode result = t == "float" ? FloatResult(formula) : DoubleResult(formula);
        Assert.Equal(Act(new ParameterlessSpec("Tanh"), X), result);
    }

    [Fact]
    public void AFunctionsArgumentsAreFormulasThemselves()
    {
        Assert.Equal(
            Math(MathFunction.Max, Math(MathFunction.Exp, Mul(Lit(2), X)), Lit(0)),
            FloatResult("static float G(float x) => MathF.Max(MathF.Exp(2 * x), 0);"));
    }

    [Fact]
    public void NamedArgumentsAreTakenInParameterOrder()
    {
        Assert.Equal(
            Act(new SoftplusSpec(2, 10), X),
            FloatResult("static float G(float x) => FusedMath.Softplus(threshold: 10f, beta: 2f, x: x);"));
    }

    [Fact]
    public void IntegerLiteralsAreConvertedAsCSharpConvertsThem()
    {
        // 16777217 is not a float: C# rounds it to 16777216 in a float formula, and keeps it in a double one.
        Assert.Equal(Mul(X, Lit(16777216)), FloatResult("static float G(float x) => x * 16777217;"));
        Assert.Equal(Mul(X, Lit(16777217)), DoubleResult("static double G(double x) => x * 16777217;"));
    }

    [Fact]
    public void FloatLiteralsKeepTheirFloatValue()
    {
        Assert.Equal(Add(X, Lit(0.1f)), FloatResult("static float G(float x) => x + 0.1f;"));
        Assert.NotEqual(0.1, (double)0.1f);
    }

    [Fact]
    public void DoubleLiteralsKeepTheirDoubleValue()
    {
        Assert.Equal(Add(X, Lit(0.1)), DoubleResult("static double G(double x) => x + 0.1;"));
    }

    [Fact]
    public void AFloatConstantInADoubleFormulaIsWidenedExactlyAsCSharpWidensIt()
    {
        Assert.Equal(Add(X, Lit((double)0.1f)), DoubleResult("static double G(double x) => x + 0.1f;"));
    }

    [Fact]
    public void SpecialValuesAreConstantsToo()
    {
        Assert.Equal(
            Math(MathFunction.Min, Math(MathFunction.Max, X, Lit(float.MinValue)), Lit(float.PositiveInfinity)),
            FloatResult("static float G(float x) => MathF.Min(MathF.Max(x, float.MinValue), float.PositiveInfinity);"));
        LiteralNode nan = Assert.IsType<LiteralNode>(Assert.IsType<BinaryNode>(FloatResult("static float G(float x) => x + float.NaN;")).Right);
        Assert.True(double.IsNaN(nan.Value));
    }

    [Fact]
    public void ConstantExpressionsAreFoldedAsTheCompilerFoldsThem()
    {
        const float Third = 1f / 3f;
        const float Scaled = Third * 3f - 1f;
        Assert.Equal(
            Add(Mul(X, Lit(Third)), Lit(Scaled)),
            FloatResult("""
                const float Third = 1f / 3f;
                const float Scaled = Third * 3f - 1f;
                static float G(float x) => x * Third + Scaled;
                """));
    }

    [Fact]
    public void ACastOfADoubleConstantIsAFloatConstant()
    {
        Assert.Equal(Mul(X, Lit((float)System.Math.PI)), FloatResult("static float G(float x) => x * (float)Math.PI;"));
        Assert.Equal(Mul(X, Lit(MathF.PI)), FloatResult("static float G(float x) => x * MathF.PI;"));
    }

    [Fact]
    public void ConstantsOfOtherTypesAreFolded()
    {
        Assert.Equal(Mul(X, Lit(8)), FloatResult("static float G(float x) => x * (1 << 3);"));
        Assert.Equal(Mul(X, Lit(0.5f)), FloatResult("public const float Half = 0.5f; static float G(float x) => x * Head.Half;"));
    }

    [Fact]
    public void AConstLocalIsFoldedWhereItIsUsed()
    {
        FormulaSpec spec = Valid("F", FusedSources.Float("static float G(float x) { const float k = 3f; return k * x; }"));
        Assert.Empty(spec.Locals);
        Assert.Equal(Array<FormulaNode>(Mul(Lit(3), X)), spec.Results);
    }

    [Fact]
    public void AnIdentityCastIsNothing()
    {
        Assert.Equal(Add(X, X), FloatResult("static float G(float x) => (float)x + x;"));
    }
}
