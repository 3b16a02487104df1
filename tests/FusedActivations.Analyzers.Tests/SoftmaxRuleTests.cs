using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>FA2011: every spelling of a softmax / log-softmax / log-sum-exp sum without the maximum, and the stable forms.</summary>
public class SoftmaxRuleTests
{
    private static string InClass(string members) =>
        "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Numerics;\n\nstatic class C\n{\n" + members + "\n}\n";

    private static Task Verify(string members) => AnalyzerTest.VerifyAsync(InClass(members));

    [Fact]
    public Task ForLoopSoftmax() => Verify("""
            static void Softmax(double[] x, double[] y)
            {
                double sum = 0;
                for (int i = 0; i < x.Length; i++) sum += {|FA2011:Math.Exp(x[i])|};
                {|FA2012:for (int i = 0; i < x.Length; i++)|} y[i] = Math.Exp(x[i]) / sum;
            }
        """);

    [Fact]
    public Task ForeachLogSumExpInFloat() => Verify("""
            static float LogSumExp(float[] x)
            {
                float s = 0f;
                foreach (float v in x)
                {
                    s = s + {|FA2011:MathF.Exp(v)|};
                }

                return MathF.Log(s);
            }
        """);

    [Fact]
    public Task SpanWithTemperatureAndLogSoftmax() => Verify("""
            static void LogSoftmax(ReadOnlySpan<double> x, Span<double> y, double temperature)
            {
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    sum += {|FA2011:Math.Exp(x[i] / temperature)|};
                }

                double log = Math.Log(sum);
                for (int i = 0; i < x.Length; i++) y[i] = x[i] / temperature - log;
            }
        """);

    [Fact]
    public Task ExpsStoredInAnArrayThenSummed() => Verify("""
            static double[] Softmax(double[] x)
            {
                var e = new double[x.Length];
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    e[i] = {|FA2011:Math.Exp(x[i])|};
                    sum += e[i];
                }

                for (int i = 0; i < e.Length; i++) e[i] = e[i] / sum;
                return e;
            }
        """);

    [Fact]
    public Task ExpStoredInALocalThenSummed() => Verify("""
            static double LogSumExp(List<double> x)
            {
                double total = 0;
                foreach (double v in x)
                {
                    double e = {|FA2011:Math.Exp(v)|};
                    total += e;
                }

                return Math.Log(total);
            }
        """);

    [Fact]
    public Task GenericMath() => Verify("""
            static T LogSumExp<T>(T[] x) where T : IFloatingPointIeee754<T>
            {
                T sum = T.Zero;
                for (int i = 0; i < x.Length; i++) sum += {|FA2011:T.Exp(x[i])|};
                return T.Log(sum);
            }
        """);

    [Theory]
    [InlineData("static double M(double[] x) => Math.Log({|FA2011:x.Sum(Math.Exp)|});")]
    [InlineData("static double M(double[] x) => Math.Log({|FA2011:x.Sum(v => Math.Exp(v))|});")]
    [InlineData("static double M(List<double> x) => Math.Log({|FA2011:x.Select(Math.Exp).Sum()|});")]
    [InlineData("static double M(double[] x, double t) => Math.Log({|FA2011:x.Select(v => Math.Exp(v / t)).Sum()|});")]
    [InlineData("static float M(float[] x) => MathF.Log({|FA2011:x.Sum(v => MathF.Exp(v))|});")]
    [InlineData("static double M(double[] x, double a) => Math.Exp(a) / {|FA2011:x.Sum(v => Math.Exp(v))|};")]
    public Task Linq(string member) => Verify(member);

    [Fact]
    public Task LinqSumKeptInALocal() => Verify("""
            static double[] Softmax(double[] x)
            {
                double sum = {|FA2011:x.Sum(v => Math.Exp(v))|};
                return x.Select(v => Math.Exp(v) / sum).ToArray();
            }
        """);

    [Theory]
    // The stable form: the maximum (or any non-constant) subtracted.
    [InlineData("double m = x.Max(); double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i] - m); return Math.Log(s) + m;")]
    [InlineData("double m = x.Max(); double s = 0; foreach (double v in x) s += Math.Exp((v - m) / 2); return m + Math.Log(s);")]
    [InlineData("double m = x.Max(); return m + Math.Log(x.Sum(v => Math.Exp(v - m)));")]
    [InlineData("double m = x.Max(); return m + Math.Log(x.Select(v => Math.Exp(v - m)).Sum());")]
    // Exps that cannot overflow.
    [InlineData("double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(-Math.Abs(x[i])); return Math.Log(s);")]
    [InlineData("double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(2.0); return Math.Log(s);")]
    // Not over the loop's elements.
    [InlineData("double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[0]); return Math.Log(s);")]
    // A sum of exps that is neither divided by nor logged is not a softmax.
    [InlineData("double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]); return s;")]
    [InlineData("return x.Sum(v => Math.Exp(v));")]
    // A sum of something else.
    [InlineData("double s = 0; for (int i = 0; i < x.Length; i++) s += x[i] * x[i]; return Math.Log(s);")]
    [InlineData("return Math.Log(x.Sum(v => v * v));")]
    public Task StableAndOtherFormsAreLeftAlone(string body) => Verify("static double M(double[] x) { " + body + " }");
}
