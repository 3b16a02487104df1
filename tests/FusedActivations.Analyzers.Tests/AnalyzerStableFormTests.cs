using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>No diagnostic on the stable forms, on constants, on our own library, or on what is merely similar.</summary>
public class AnalyzerStableFormTests
{
    [Theory]
    // the bounded piece of the stable formula, with and without beta
    [InlineData("D", "Math.Log(1 + Math.Exp(-Math.Abs(x)))")]
    [InlineData("D", "Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)))")]
    [InlineData("D", "Math.Max(x, 0.0) + Math.Log(Math.Exp(-Math.Abs(x)) + 1)")]
    [InlineData("D", "Math.Max(x, 0) + Math.Log(1 + Math.Exp(-b * Math.Abs(x))) / b")]
    [InlineData("D", "Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(b * x))) / b")]
    [InlineData("D", "Math.Max(x, 0) + Math.Log(1 + Math.Exp(b * -Math.Abs(x))) / b")]
    [InlineData("D", "Math.Max(x, 0) + double.LogP1(double.Exp(-double.Abs(x)))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(Math.Min(x, 0)))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(Math.Min(0, x)))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(x - Math.Abs(x)))")]
    [InlineData("D", "-Math.Log(1 + Math.Exp(-Math.Abs(x)))")]
    [InlineData("D", "Math.Log(1 / (1 + Math.Exp(-Math.Abs(x))))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(-(x * x)))")]
    [InlineData("F", "MathF.Log(1 + MathF.Exp(-MathF.Abs(x)))")]
    [InlineData("F", "MathF.Max(x, 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x)))")]
    [InlineData("G", "T.Max(x, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(x)))")]
    [InlineData("V128F", "Vector128.Max(x, Vector128<float>.Zero) + Vector128.Log(Vector128<float>.One + Vector128.Exp(-Vector128.Abs(x)))")]
    // branches that test the sign first
    [InlineData("D", "x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x))")]
    [InlineData("D", "x <= 0 ? Math.Log(1 + Math.Exp(x)) : x + Math.Log(1 + Math.Exp(-x))")]
    [InlineData("D", "0 < x ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x))")]
    [InlineData("D", "x < 0 ? Math.Exp(x) / (1 + Math.Exp(x)) : 1 / (1 + Math.Exp(-x))")]
    [InlineData("D", "!(x > 0) ? Math.Log(1 + Math.Exp(x)) : x")]
    [InlineData("D", "x > 0 && y > 0 ? Math.Log(1 + Math.Exp(-x)) + Math.Log(1 + Math.Exp(-y)) : 0")]
    [InlineData("D", "x > 0 ? x + Math.Log(1 + Math.Exp(-2 * x)) / 2 : Math.Log(1 + Math.Exp(2 * x)) / 2")]
    // the stable sigmoid
    [InlineData("D", "1 / (1 + Math.Exp(-x))")]
    [InlineData("F", "1f / (1f + MathF.Exp(-x))")]
    // constants the compiler evaluates
    [InlineData("D", "Math.Log(1 + Math.Exp(2.0))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(Math.PI))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(-3))")]
    [InlineData("D", "Math.Log(Math.Exp(2.0) - 1)")]
    [InlineData("D", "Math.Log(Math.Exp(1.0) + Math.Exp(2.0))")]
    [InlineData("D", "Math.Exp(3.0) / (1 + Math.Exp(3.0))")]
    [InlineData("D", "Math.Log(1 + 1e-3)")]
    [InlineData("D", "Math.Exp(1.0) - 1")]
    [InlineData("D", "double.LogP1(0.5)")]
    [InlineData("D", "double.ExpM1(0.5)")]
    // our own library
    [InlineData("D", "FusedMath.Softplus(x)")]
    [InlineData("D", "FusedMath.Softplus(x, b, double.PositiveInfinity)")]
    [InlineData("D", "FusedMath.Log1P(x) + FusedMath.ExpM1(y)")]
    [InlineData("D", "FusedMath.Log1P(FusedMath.ExpM1(x))")]
    [InlineData("D", "FusedMath.LogAddExp(a, b) + FusedMath.Sigmoid(x) + FusedMath.LogSigmoid(y) + FusedMath.InverseSoftplus(y)")]
    // merely similar
    [InlineData("D", "Math.Log(2 + Math.Exp(x))")]
    [InlineData("D", "Math.Log(1 + Math.Exp(x), 2)")]
    [InlineData("D", "Math.Log10(1 + Math.Exp(x))")]
    [InlineData("D", "Math.Log(Math.Exp(x) - 2)")]
    [InlineData("D", "Math.Log(Math.Exp(x) * Math.Exp(y))")]
    [InlineData("D", "Math.Exp(x) / (1 + Math.Exp(y))")]
    [InlineData("D", "Math.Exp(x) / (2 + Math.Exp(x))")]
    [InlineData("D", "Math.Exp(x) - 2")]
    [InlineData("D", "1 - Math.Exp(x)")]
    [InlineData("D", "Math.Log(x) + Math.Exp(y)")]
    [InlineData("D", "Math.Log(2 * x)")]
    // tanh: .NET's own, the stable hand-written form, exponents that do not match, constants
    [InlineData("D", "Math.Tanh(x)")]
    [InlineData("F", "MathF.Tanh(x) + FusedMath.Tanh(y)")]
    [InlineData("D", "Math.Sign(x) * (1 - Math.Exp(-2 * Math.Abs(x))) / (1 + Math.Exp(-2 * Math.Abs(x)))")]
    [InlineData("D", "(Math.Exp(x) - Math.Exp(-y)) / (Math.Exp(x) + Math.Exp(-y))")]
    [InlineData("D", "(Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-y))")]
    [InlineData("D", "(Math.Exp(x) - Math.Exp(-x)) / 2")]
    [InlineData("D", "(Math.Exp(x) + Math.Exp(-x)) / (Math.Exp(x) - Math.Exp(-x))")]
    [InlineData("D", "(Math.Exp(2.0) - Math.Exp(-2.0)) / (Math.Exp(2.0) + Math.Exp(-2.0))")]
    // 1 ± tanh(u) where the sign of u keeps it away from 0, constants, other sums
    [InlineData("D", "1 + Math.Tanh(Math.Abs(x))")]
    [InlineData("D", "1 - Math.Tanh(-Math.Abs(x))")]
    [InlineData("D", "x > 0 ? 1 + Math.Tanh(x) : 2 / (1 + Math.Exp(-2 * x))")]
    [InlineData("D", "1 - Math.Tanh(0.5)")]
    [InlineData("D", "2 - Math.Tanh(x)")]
    [InlineData("D", "Math.Tanh(x) - 1")]
    [InlineData("D", "x - Math.Tanh(x)")]
    [InlineData("D", "2 * FusedMath.Sigmoid(-2 * x) + FusedMath.GeluTanh(y)")]
    // log(1 - exp(x)): the library's and Mächler's form with accurate pieces, constants, other differences
    [InlineData("D", "FusedMath.Log1MExp(x)")]
    [InlineData("D", "x > -0.6931 ? Math.Log(-FusedMath.ExpM1(x)) : FusedMath.Log1P(-Math.Exp(x))")]
    [InlineData("D", "Math.Log(1 - Math.Exp(-2.0))")]
    [InlineData("D", "Math.Log(2 - Math.Exp(x))")]
    [InlineData("D", "Math.Log(Math.Exp(x) - Math.Exp(y))")]
    public Task NoDiagnostic(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Fact]
    public Task InverseSoftplusIsNotAlsoReportedAsExpM1() => AnalyzerTest.VerifyAsync(Sources.Expression("D",
        "{|FA2002:Math.Log(Math.Exp(x) - 1)|} + {|FA2002:Math.Log(double.ExpM1(y))|}"));

    [Fact]
    public Task TanhIsNotAlsoReportedAsExpM1() => AnalyzerTest.VerifyAsync(Sources.Expression("D",
        "{|FA2008:(Math.Exp(2 * x) - 1) / (Math.Exp(2 * x) + 1)|} + ({|FA2007:Math.Exp(2 * y) - 1|})"));

    [Fact]
    public Task TanhOfANonPositiveDoubledExponentIsLeftToExpM1() => AnalyzerTest.VerifyAsync(Sources.Expression("D",
        "({|FA2007:Math.Exp(2 * -Math.Abs(x)) - 1|}) / (Math.Exp(2 * -Math.Abs(x)) + 1)"));

    [Fact]
    public Task StableSoftplusIsNotReportedAsLog1P() => AnalyzerTest.VerifyAsync(Sources.Expression("D",
        "Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x))) + {|FA2006:Math.Log(1 + y)|}"));

    [Fact]
    public async Task GeneratedCodeIsSkipped()
    {
        const string Naive = """
            static class G{0}
            {{
                static double M(double x) => System.Math.Log(1 + System.Math.Exp(x));
            }}
            """;
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("Header.cs", "// <auto-generated/>\n" + string.Format(Naive, 1)));
        test.TestState.Sources.Add(("Named.g.cs", string.Format(Naive, 2)));
        test.TestState.Sources.Add(("Designer.designer.cs", string.Format(Naive, 3)));
        test.TestState.Sources.Add(("User.cs", string.Format(Naive, 4).Replace("System.Math.Log(1 + System.Math.Exp(x))", "{|FA2001:System.Math.Log(1 + System.Math.Exp(x))|}")));
        await test.RunAsync();
    }

    [Fact]
    public async Task MultipleRulesInOneMethodAreReportedIndependently()
    {
        var test = new AnalyzerTest
        {
            TestCode = Sources.Usings + """
                static class C
                {
                    static double M(double x, double y, double a, double b)
                    {
                        double s = {|FA2001:Math.Log(1 + Math.Exp(x))|};
                        double i = {|FA2002:Math.Log(Math.Exp(y) - 1)|};
                        double l = {|FA2003:Math.Log(Math.Exp(a) + Math.Exp(b))|};
                        double g = {|FA2004:Math.Exp(x) / (1 + Math.Exp(x))|};
                        double ls = {|FA2005:-Math.Log(1 + Math.Exp(-x))|};
                        double p = {|FA2006:Math.Log(1 + y)|};
                        double m = {|FA2007:Math.Exp(y) - 1|};
                        return s + i + l + g + ls + p + m;
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task SeverityCanBeChangedInEditorConfig()
    {
        var test = new AnalyzerTest { TestCode = Sources.Expression("D", "Math.Log(1 + Math.Exp(x)) + Math.Log(1 + y)") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.FA2001.severity = none
            dotnet_diagnostic.FA2006.severity = warning
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FA2006", DiagnosticSeverity.Warning).WithSpan(8, 92, 8, 107).WithArguments("Math.Log(1 + y)", "1.1e-16"));
        await test.RunAsync();
    }
}
