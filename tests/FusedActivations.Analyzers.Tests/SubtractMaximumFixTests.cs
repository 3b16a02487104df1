using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>The exact output of FA2011's "Subtract the maximum before exp", and where it is not offered.</summary>
public class SubtractMaximumFixTests
{
    private static string InClass(string members) =>
        "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\nstatic class C\n{\n" + members + "\n}\n";

    private static Task Verify(string members, string fixedMembers) =>
        FixTest<SubtractMaximumCodeFixProvider>.VerifyAsync(InClass(members), InClass(fixedMembers));

    [Fact]
    public Task ForLoopSoftmax() => Verify("""
            static void Softmax(double[] x, double[] y)
            {
                double sum = 0;
                for (int i = 0; i < x.Length; i++) sum += {|FA2011:Math.Exp(x[i])|};
                {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = Math.Exp(x[i]) / sum;
            }
        """, """
            static void Softmax(double[] x, double[] y)
            {
                double max = double.NegativeInfinity;
                for (int i = 0; i < x.Length; i++)
                {
                    max = Math.Max(max, x[i]);
                }

                double sum = 0;
                for (int i = 0; i < x.Length; i++) sum += Math.Exp(x[i] - max);
                {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = Math.Exp(x[i] - max) / sum;
            }
        """);

    [Fact]
    public Task ForeachLogSumExpInFloatWithATemperature() => Verify("""
            static float LogSumExp(float[] x, float t)
            {
                float s = 0f;
                foreach (float v in x)
                {
                    s = s + {|FA2011:MathF.Exp(v / t)|};
                }

                return MathF.Log(s);
            }
        """, """
            static float LogSumExp(float[] x, float t)
            {
                float max = float.NegativeInfinity;
                foreach (float v in x)
                {
                    max = Math.Max(max, v / t);
                }

                float s = 0f;
                foreach (float v in x)
                {
                    s = s + MathF.Exp(v / t - max);
                }

                return max + MathF.Log(s);
            }
        """);

    [Fact]
    public Task LogSoftmaxWithExpsStoredInAnArray() => Verify("""
            static double[] LogSoftmax(double[] x)
            {
                var e = new double[x.Length];
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    e[i] = {|FA2011:Math.Exp(x[i])|};
                    sum += e[i];
                }

                double logSum = Math.Log(sum);
                for (int i = 0; i < e.Length; i++) e[i] = x[i] - logSum;
                return e;
            }
        """, """
            static double[] LogSoftmax(double[] x)
            {
                var e = new double[x.Length];
                double max = double.NegativeInfinity;
                for (int i = 0; i < x.Length; i++)
                {
                    max = Math.Max(max, x[i]);
                }

                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    e[i] = Math.Exp(x[i] - max);
                    sum += e[i];
                }

                double logSum = max + Math.Log(sum);
                for (int i = 0; i < e.Length; i++) e[i] = x[i] - logSum;
                return e;
            }
        """);

    [Fact]
    public Task ExpressionBodiedLinqGetsABlockBody() => Verify("""
            static double LogSumExp(double[] x) => Math.Log({|FA2011:x.Sum(Math.Exp)|});
        """, """
            static double LogSumExp(double[] x)
            {
                double max = double.NegativeInfinity;
                foreach (var value in x)
                {
                    max = Math.Max(max, value);
                }

                return max + Math.Log(x.Sum(value => Math.Exp(value - max)));
            }
        """);

    [Fact]
    public Task LinqSoftmaxKeptInALocal() => Verify("""
            static double[] Softmax(List<double> x)
            {
                double sum = {|FA2011:x.Select(v => Math.Exp(v)).Sum()|};
                return x.Select(v => Math.Exp(v) / sum).ToArray();
            }
        """, """
            static double[] Softmax(List<double> x)
            {
                double max = double.NegativeInfinity;
                foreach (var v in x)
                {
                    max = Math.Max(max, v);
                }

                double sum = x.Select(v => Math.Exp(v - max)).Sum();
                return x.Select(v => Math.Exp(v - max) / sum).ToArray();
            }
        """);

    [Fact]
    public Task NameMaxTakenGetsAnother() => Verify("""
            static double LogSumExp(double[] x, double max)
            {
                double s = 0;
                foreach (double v in x) s += {|FA2011:Math.Exp(v)|};
                return Math.Log(s) + max;
            }
        """, """
            static double LogSumExp(double[] x, double max)
            {
                double max2 = double.NegativeInfinity;
                foreach (double v in x)
                {
                    max2 = Math.Max(max2, v);
                }

                double s = 0;
                foreach (double v in x) s += Math.Exp(v - max2);
                return max2 + Math.Log(s) + max;
            }
        """);

    [Theory]
    // The sum is also returned: shifting it would change that value.
    [InlineData("double s = 0; foreach (double v in x) s += {|FA2011:Math.Exp(v)|}; y[0] = Math.Log(s); return s;")]
    // The sum does not start at 0, or is added to twice.
    [InlineData("double s = 1; foreach (double v in x) s += {|FA2011:Math.Exp(v)|}; return Math.Log(s);")]
    [InlineData("double s = 0; foreach (double v in x) s += {|FA2011:Math.Exp(v)|}; s += y[0]; return Math.Log(s);")]
    // A divided numerator that is neither an exp nor a stored exp.
    [InlineData("double s = 0; foreach (double v in x) s += {|FA2011:Math.Exp(v)|}; return y[0] / s;")]
    // LINQ over a call: its source would be enumerated twice.
    [InlineData("return Math.Log({|FA2011:x.Where(v => v > 0).Sum(Math.Exp)|});")]
    public async Task NotOfferedWhereItWouldChangeOtherValues(string body)
    {
        string source = InClass("static double M(double[] x, double[] y) { " + body + " }");
        var test = new FixTest<SubtractMaximumCodeFixProvider> { TestCode = source, FixedCode = source };
        await test.RunAsync();
    }
}
