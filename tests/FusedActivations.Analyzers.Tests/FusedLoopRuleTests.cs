using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>FA2012: map loops the [Fused] formula language can compute, and the loops it leaves alone.</summary>
public class FusedLoopRuleTests
{
    private static string InClass(string members) =>
        "using System;\nusing System.Collections.Generic;\nusing FusedActivations;\n\nstatic class C\n{\n" + members + "\n}\n";

    private static Task Verify(string members) => AnalyzerTest.VerifyAsync(InClass(members));

    [Theory]
    [InlineData("float[] a, float[] b, float[] y, float c", "y.Length", "y[i] = FusedMath.Silu(a[i]) * b[i] + c;")]
    [InlineData("double[] x, double[] y", "x.Length", "y[i] = FusedMath.Sigmoid(x[i]);")]
    [InlineData("ReadOnlySpan<double> x, ReadOnlySpan<double> bias, Span<double> y, int n", "n", "y[i] = FusedMath.Softplus(x[i] + bias[i], 2.0) + 1e-6;")]
    [InlineData("Span<double> v, ReadOnlySpan<double> b", "v.Length", "v[i] = v[i] > 0 ? Math.Tanh(v[i] + b[i]) : -Math.Exp(v[i]);")]
    [InlineData("float[] x, float[] y", "x.Length", "y[i] = MathF.Sqrt(MathF.FusedMultiplyAdd(x[i], x[i], 1f));")]
    [InlineData("double[] x, double[] y, double lo, double hi", "x.Length", "y[i] = Math.Clamp(FusedMath.GeluTanh(x[i]), lo, hi);")]
    [InlineData("double[] x, double[] y", "x.Length", "y[i] = FusedMath.Log1P(Math.Abs(x[i])) * Math.PI;")]
    public Task MapLoopsAreReported(string parameters, string bound, string statement) => Verify(
        "    static void M(" + parameters + ")\n    {\n        {|FA2012:for (int i = 0; i < " + bound + "; i++)|}\n            " + statement + "\n    }");

    [Fact]
    public Task FieldsAndLocalConstantsAreInputs() => Verify("""
            static readonly double Scale = 0.5;
            const double Shift = 1;

            static void M(double[] x, double[] y)
            {
                const double k = -2;
                {|FA2012:for (int i = 0; i < x.Length; ++i)|}
                {
                    y[i] = FusedMath.Elu(x[i] * k + Shift) * Scale;
                }
            }
        """);

    [Theory]
    // Arithmetic alone: TensorPrimitives already does it.
    [InlineData("double[] x, double[] y", "y[i] = x[i] * 2 + 1;")]
    // Functions outside the formula language.
    [InlineData("double[] x, double[] y", "y[i] = Math.Sin(x[i]);")]
    [InlineData("double[] x, double[] y", "y[i] = FusedMath.Log1MExp(-Math.Abs(x[i]));")]
    [InlineData("double[] x, double[] y", "y[i] = Helper(x[i]);")]
    // Not elementwise: another index, the counter as a value, a list.
    [InlineData("double[] x, double[] y", "y[i] = Math.Exp(x[i + 1 < x.Length ? i + 1 : i]);")]
    [InlineData("double[] x, double[] y", "y[i] = Math.Exp(x[i] * i);")]
    [InlineData("List<double> x, double[] y", "y[i] = Math.Exp(x[i]);")]
    // Other element types, conversions, int arithmetic.
    [InlineData("float[] x, double[] y", "y[i] = Math.Exp(x[i]);")]
    [InlineData("double[] x, float[] y", "y[i] = (float)Math.Exp(x[i]);")]
    [InlineData("double[] x, double[] y, int n", "y[i] = Math.Exp(x[i]) * n;")]
    // A naive form inside: its own rule and fix come first.
    [InlineData("double[] x, double[] y", "y[i] = {|FA2001:Math.Log(1 + Math.Exp(x[i]))|} * 2;")]
    public Task OtherLoopsAreLeftAlone(string parameters, string statement) => Verify(
        "    static double Helper(double v) => v;\n    static void M(" + parameters + ")\n    {\n        for (int i = 0; i < y.Length; i++)\n            " + statement + "\n    }");

    [Fact]
    public Task TwoStatementsAndGenericTypesAreLeftAlone() => AnalyzerTest.VerifyAsync("""
        using System;
        using FusedActivations;

        static class C
        {
            static void M(double[] x, double[] y, double[] z)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = Math.Exp(x[i]);
                    z[i] = Math.Tanh(x[i]);
                }
            }
        }

        static class G<T>
        {
            static void M(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = Math.Exp(x[i]);
            }
        }
        """);
}
