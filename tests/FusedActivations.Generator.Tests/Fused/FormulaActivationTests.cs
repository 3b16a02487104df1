using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;
using static FusedActivations.Generator.Tests.Fused.FormulaAssert;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// Every <c>FusedMath</c> activation, with each of its overloads, becomes the spec its attribute would give: the
/// overloads without a parameter take the attribute's default.
/// </summary>
public sealed class FormulaActivationTests
{
    /// <summary>Each call (float formula) and the spec it must give.</summary>
    private static readonly (string Call, ActivationSpec Spec)[] Calls =
    {
        ("FusedMath.Softplus(x)", new SoftplusSpec(1, 20)),
        ("FusedMath.Softplus(x, 2f)", new SoftplusSpec(2, 20)),
        ("FusedMath.Softplus(x, 0.5f, 10f)", new SoftplusSpec(0.5, 10)),
        ("FusedMath.Softplus(x, 2, float.PositiveInfinity)", new SoftplusSpec(2, double.PositiveInfinity)),
        ("FusedMath.Silu(x)", new SiluSpec(1)),
        ("FusedMath.Silu(x, 1.5f)", new SiluSpec(1.5)),
        ("FusedMath.InverseSoftplus(x)", new InverseSoftplusSpec(1)),
        ("FusedMath.InverseSoftplus(x, 4f)", new InverseSoftplusSpec(4)),
        ("FusedMath.Elu(x)", new EluSpec(1)),
        ("FusedMath.Elu(x, 0.5f)", new EluSpec(0.5)),
        ("FusedMath.LeakyRelu(x)", new LeakyReluSpec(0.01)),
        ("FusedMath.LeakyRelu(x, 0.2f)", new LeakyReluSpec(0.2f)),
        ("FusedMath.LeakyRelu(x, -0.5f)", new LeakyReluSpec(-0.5)),
        ("FusedMath.Gelu(x)", new GeluSpec(false)),
        ("FusedMath.GeluTanh(x)", new GeluSpec(true)),
        ("FusedMath.Sigmoid(x)", new ParameterlessSpec("Sigmoid")),
        ("FusedMath.Tanh(x)", new ParameterlessSpec("Tanh")),
        ("FusedMath.Mish(x)", new ParameterlessSpec("Mish")),
        ("FusedMath.Selu(x)", new ParameterlessSpec("Selu")),
        ("FusedMath.LogSigmoid(x)", new ParameterlessSpec("LogSigmoid")),
        ("FusedMath.Relu(x)", new ParameterlessSpec("Relu")),
        ("FusedMath.HardSwish(x)", new ParameterlessSpec("HardSwish")),
    };

    public static IEnumerable<object[]> CallIndices() => Enumerable.Range(0, Calls.Length).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(CallIndices))]
    public void FloatActivation(int index)
    {
        (string call, ActivationSpec spec) = Calls[index];
        Assert.Equal(Act(spec, X), FloatResult($"static float G(float x) => {call};"));
    }

    [Theory]
    [MemberData(nameof(CallIndices))]
    public void DoubleActivation(int index)
    {
        (string call, ActivationSpec spec) = Calls[index];
        string doubleCall = call.Replace("f,", ",").Replace("f)", ")").Replace("float.", "double.");
        ActivationSpec expected = spec is LeakyReluSpec { NegativeSlope: var slope } && slope == 0.2f ? new LeakyReluSpec(0.2) : spec;
        Assert.Equal(Act(expected, X), DoubleResult($"static double G(double x) => {doubleCall};"));
    }

    [Fact]
    public void EveryPublicFusedMathFunctionOfOneArgumentAndItsParametersIsCovered()
    {
        // Guards the table against a FusedMath activation added later and forgotten here: every public function but
        // LogAddExp (two arguments, not an activation) and Log1MExp (the scalar function of the FA2010 fix, not an
        // activation; a formula calling it gets FA1019) must be callable from a formula, with each overload.
        string[] names = typeof(FusedMath).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.ReturnType == typeof(float))
            .Select(method => method.Name)
            .Distinct()
            .Where(name => name is not (nameof(FusedMath.LogAddExp) or nameof(FusedMath.Log1MExp)))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        string[] covered = Calls.Select(call => call.Call.Split('(')[0].Substring("FusedMath.".Length))
            .Append(nameof(FusedMath.Log1P))
            .Append(nameof(FusedMath.ExpM1))
            .Distinct()
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(names, covered);

        int maxArguments = typeof(FusedMath).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.Name != nameof(FusedMath.LogAddExp))
            .GroupBy(method => method.Name)
            .Select(group => group.Max(method => method.GetParameters().Length))
            .Max();
        Assert.Equal(3, maxArguments); // Softplus(x, beta, threshold), covered above.
    }

    [Fact]
    public void AnActivationsArgumentIsAFormula()
    {
        Assert.Equal(
            Mul(Act(new SoftplusSpec(2, 20), Add(X, Y)), Lit(0.5f)),
            FloatResult("static float G(float x, float y) => FusedMath.Softplus(x + y, 2f) * 0.5f;", 2));
    }

    [Fact]
    public void ActivationParametersMayBeConstantsAndConstantExpressions()
    {
        Assert.Equal(
            Act(new SoftplusSpec(4, 20), X),
            FloatResult("const float Sharpness = 2f; static float G(float x) => FusedMath.Softplus(x, Sharpness * 2);"));
    }
}
