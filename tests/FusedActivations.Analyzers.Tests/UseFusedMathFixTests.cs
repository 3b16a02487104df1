using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>The exact output of "Use FusedMath.X": types, beta, trivia, usings, locals, Fix All.</summary>
public class UseFusedMathFixTests
{
    private static Task Verify(string source, string fixedSource) => FixTest<UseFusedMathCodeFixProvider>.VerifyAsync(source, fixedSource);

    /// <summary>A static class C with <paramref name="members"/>; the fixed form also has <c>using FusedActivations;</c>.</summary>
    private static string InClass(string members, bool withFusedUsing) =>
        "using System;\nusing System.Numerics;\n" + (withFusedUsing ? "using FusedActivations;\n" : string.Empty) + "\nstatic class C\n{\n" + members + "\n}\n";

    private static Task VerifyMembers(string members, string fixedMembers) => Verify(InClass(members, false), InClass(fixedMembers, true));

    [Fact]
    public Task DoubleSoftplusGetsNoCutOffAndTheUsing() => Verify("""
        using System;

        static class C
        {
            static double M(double x) => {|FA2001:Math.Log(1 + Math.Exp(x))|};
        }
        """, """
        using System;
        using FusedActivations;

        static class C
        {
            static double M(double x) => FusedMath.Softplus(x, 1, double.PositiveInfinity);
        }
        """);

    [Fact]
    public Task TanhBecomesDotNetsOwn() => Verify("""
        using System;

        static class C
        {
            static double D(double x) => {|FA2008:(Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x))|};
            static double E(double x, double y) => /* keep */ {|FA2008:(Math.Exp(2 * (x + y)) - 1) / (Math.Exp(2 * (x + y)) + 1)|};
            static float F(float x) => {|FA2008:(MathF.Exp(2f * x) - 1f) / (MathF.Exp(2f * x) + 1f)|};
            static double G(float x) => {|FA2008:(Math.Exp(-x) - Math.Exp(x)) / (Math.Exp(x) + Math.Exp(-x))|};
        }
        """, """
        using System;

        static class C
        {
            static double D(double x) => Math.Tanh(x);
            static double E(double x, double y) => /* keep */ Math.Tanh(x + y);
            static float F(float x) => MathF.Tanh(x);
            static double G(float x) => Math.Tanh((double)(-x));
        }
        """);

    [Fact]
    public Task OneMinusTanhBecomesTwiceASigmoid() => Verify("""
        using System;

        static class C
        {
            static double D(double x) => {|FA2009:1 - Math.Tanh(x)|};
            static double Gelu(double x) => 0.5 * y(x) * ({|FA2009:1 + Math.Tanh(0.7978845608028654 * (x + 0.044715 * x * x * x))|});
            static double y(double x) => x;
            static float F(float x, float a) => {|FA2009:MathF.Tanh(a * x) + 1f|};
        }
        """, """
        using System;
        using FusedActivations;

        static class C
        {
            static double D(double x) => 2 * FusedMath.Sigmoid(-2 * x);
            static double Gelu(double x) => 0.5 * y(x) * (2 * FusedMath.Sigmoid(2 * (0.7978845608028654 * (x + 0.044715 * x * x * x))));
            static double y(double x) => x;
            static float F(float x, float a) => 2 * FusedMath.Sigmoid(2 * (a * x));
        }
        """);

    [Fact]
    public Task TheTanhFormOfGeluBecomesGeluTanh() => VerifyMembers("""
            static double D(double x) => {|FA2009:0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))|};
            static float F(float[] v, int i) => {|FA2009:v[i] * (1f + MathF.Tanh(0.7978846f * (v[i] + 0.044715f * MathF.Pow(v[i], 3)))) / 2|};
        """, """
            static double D(double x) => FusedMath.GeluTanh(x);
            static float F(float[] v, int i) => FusedMath.GeluTanh(v[i]);
        """);

    [Fact]
    public Task LogOneMinusExpBecomesLog1MExp() => VerifyMembers("""
            static double D(double x) => {|FA2010:Math.Log(1 - Math.Exp(x))|};
            static double P(double x) => {|FA2010:double.LogP1(-Math.Exp(-Math.Abs(x)))|};
            static float F(float x) => {|FA2010:MathF.Log(1f - MathF.Exp(x))|};
        """, """
            static double D(double x) => FusedMath.Log1MExp(x);
            static double P(double x) => FusedMath.Log1MExp(-Math.Abs(x));
            static float F(float x) => FusedMath.Log1MExp(x);
        """);

    [Fact]
    public Task FloatSoftplusStaysFloat() => VerifyMembers(
        "    static float M(float x) => {|FA2001:MathF.Log(1f + MathF.Exp(x))|};",
        "    static float M(float x) => FusedMath.Softplus(x);");

    [Fact]
    public Task FloatArgumentOfDoubleMathIsCastSoTheDoubleOverloadIsCalled() => VerifyMembers(
        "    static double M(float x) => {|FA2001:Math.Log(1 + Math.Exp(x))|};",
        "    static double M(float x) => FusedMath.Softplus((double)x, 1, double.PositiveInfinity);");

    [Fact]
    public Task IntegerArgumentIsCast() => VerifyMembers(
        "    static double M(int n) => {|FA2001:Math.Log(1 + Math.Exp(n + 1))|};",
        "    static double M(int n) => FusedMath.Softplus((double)(n + 1), 1, double.PositiveInfinity);");

    [Fact]
    public Task BetaIsFolded() => VerifyMembers("""
            static double D(double x, double b) => {|FA2001:Math.Log(1 + Math.Exp(b * x)) / b|};
            static double E(double x, double b) => {|FA2001:(1 / b) * Math.Log(1 + Math.Exp(x * b))|};
            static float F(float x) => {|FA2001:MathF.Log(1 + MathF.Exp(2f * x)) * 0.5f|};
            static double G(double x) => {|FA2001:Math.Log(1 + Math.Exp(2 * x)) / 2|};
        """, """
            static double D(double x, double b) => FusedMath.Softplus(x, b, double.PositiveInfinity);
            static double E(double x, double b) => FusedMath.Softplus(x, b, double.PositiveInfinity);
            static float F(float x) => FusedMath.Softplus(x, 2f);
            static double G(double x) => FusedMath.Softplus(x, 2, double.PositiveInfinity);
        """);

    [Fact]
    public Task UnmatchedScaleStaysOutside() => VerifyMembers(
        "    static double M(double x, double a) => {|FA2001:Math.Log(1 + Math.Exp(2 * x))|} / a;",
        "    static double M(double x, double a) => FusedMath.Softplus(2 * x, 1, double.PositiveInfinity) / a;");

    [Fact]
    public Task LogP1OfExp() => VerifyMembers(
        "    static float M(float x) => {|FA2001:float.LogP1(float.Exp(x))|};",
        "    static float M(float x) => FusedMath.Softplus(x);");

    [Fact]
    public Task TriviaAroundTheExpressionIsKept() => VerifyMembers("""
            static double M(double x)
            {
                return /* before */ {|FA2001:Math.Log(1 + Math.Exp( x /* inside */ ))|} /* after */; // end
            }
        """, """
            static double M(double x)
            {
                return /* before */ FusedMath.Softplus(x /* inside */, 1, double.PositiveInfinity) /* after */; // end
            }
        """);

    [Fact]
    public Task ExpLocalUsedOnlyHereIsRemoved() => VerifyMembers("""
            static double M(double x)
            {
                var e = Math.Exp(x);
                return {|FA2001:Math.Log(1 + e)|};
            }

            static double N(double x)
            {
                double e;
                e = Math.Exp(x);
                return {|FA2001:Math.Log(e + 1)|};
            }
        """, """
            static double M(double x)
            {
                return FusedMath.Softplus(x, 1, double.PositiveInfinity);
            }

            static double N(double x)
            {
                return FusedMath.Softplus(x, 1, double.PositiveInfinity);
            }
        """);

    [Fact]
    public Task ExpLocalUsedElsewhereIsKept() => VerifyMembers("""
            static double M(double x)
            {
                var e = Math.Exp(x);
                var s = {|FA2001:Math.Log(1 + e)|};
                return s + e;
            }
        """, """
            static double M(double x)
            {
                var e = Math.Exp(x);
                var s = FusedMath.Softplus(x, 1, double.PositiveInfinity);
                return s + e;
            }
        """);

    [Fact]
    public Task InverseSoftplus() => VerifyMembers("""
            static double D(double y) => {|FA2002:Math.Log(Math.Exp(y) - 1)|};
            static double E(double y, double b) => {|FA2002:Math.Log(Math.Exp(b * y) - 1) / b|};
            static float F(float y) => {|FA2002:MathF.Log(float.ExpM1(y))|};
        """, """
            static double D(double y) => FusedMath.InverseSoftplus(y);
            static double E(double y, double b) => FusedMath.InverseSoftplus(y, b);
            static float F(float y) => FusedMath.InverseSoftplus(y);
        """);

    [Fact]
    public Task LogAddExp() => VerifyMembers("""
            static double D(double a, double b) => {|FA2003:Math.Log(Math.Exp(a) + Math.Exp(b))|};
            static float F(float a, float b) => {|FA2003:MathF.Log(MathF.Exp(a - 1) + MathF.Exp(b))|};
        """, """
            static double D(double a, double b) => FusedMath.LogAddExp(a, b);
            static float F(float a, float b) => FusedMath.LogAddExp(a - 1, b);
        """);

    [Fact]
    public Task Sigmoid() => VerifyMembers("""
            static double D(double x) => {|FA2004:Math.Exp(x) / (1 + Math.Exp(x))|};
            static float F(float x) => 2 * ({|FA2004:MathF.Exp(x) / (MathF.Exp(x) + 1)|});
        """, """
            static double D(double x) => FusedMath.Sigmoid(x);
            static float F(float x) => 2 * (FusedMath.Sigmoid(x));
        """);

    [Fact]
    public Task LogSigmoid() => VerifyMembers("""
            static double D(double x) => {|FA2005:Math.Log(1 / (1 + Math.Exp(-x)))|};
            static double E(double x) => {|FA2005:-Math.Log(1 + Math.Exp(-x))|};
            static double G(double x, double y) => {|FA2005:Math.Log(1 / (1 + Math.Exp(x + y)))|};
            static float F(float x) => {|FA2005:-MathF.Log(1 + MathF.Exp(-x))|};
        """, """
            static double D(double x) => FusedMath.LogSigmoid(x);
            static double E(double x) => FusedMath.LogSigmoid(x);
            static double G(double x, double y) => FusedMath.LogSigmoid(-(x + y));
            static float F(float x) => FusedMath.LogSigmoid(x);
        """);

    [Fact]
    public Task Log1P() => VerifyMembers("""
            static double D(double x) => {|FA2006:Math.Log(1 + x)|};
            static double E(double x) => {|FA2006:double.LogP1(x * x)|};
            static float F(float x) => {|FA2006:MathF.Log(x + 1)|};
        """, """
            static double D(double x) => FusedMath.Log1P(x);
            static double E(double x) => FusedMath.Log1P(x * x);
            static float F(float x) => FusedMath.Log1P(x);
        """);

    [Fact]
    public Task ExpM1() => VerifyMembers("""
            static double D(double x) => {|FA2007:Math.Exp(x) - 1|};
            static double E(double x) => {|FA2007:double.ExpM1(x)|};
            static float F(float x) => 3 * ({|FA2007:MathF.Exp(x / 2) - 1f|});
        """, """
            static double D(double x) => FusedMath.ExpM1(x);
            static double E(double x) => FusedMath.ExpM1(x);
            static float F(float x) => 3 * (FusedMath.ExpM1(x / 2));
        """);

    [Fact]
    public Task NestedDiagnosticsAreFixedInsideOut() => VerifyMembers(
        "    static double M(double x) => {|FA2006:Math.Log(1 + ({|FA2007:Math.Exp(x) - 1|}))|};",
        "    static double M(double x) => FusedMath.Log1P(FusedMath.ExpM1(x));");

    [Fact]
    public Task ExistingUsingIsNotDuplicated() => Verify("""
        using FusedActivations;
        using System;

        static class C
        {
            static double M(double x) => {|FA2006:Math.Log(1 + x)|};
        }
        """, """
        using FusedActivations;
        using System;

        static class C
        {
            static double M(double x) => FusedMath.Log1P(x);
        }
        """);

    [Fact]
    public Task InsideTheLibraryNamespaceNoUsingIsAdded() => Verify("""
        using System;

        namespace FusedActivations.Models
        {
            static class C
            {
                static double M(double x) => {|FA2006:Math.Log(1 + x)|};
            }
        }
        """, """
        using System;

        namespace FusedActivations.Models
        {
            static class C
            {
                static double M(double x) => FusedMath.Log1P(x);
            }
        }
        """);

    [Fact]
    public Task AnotherFusedMathInScopeGetsTheGlobalName() => Verify("""
        using System;

        namespace App
        {
            static class FusedMath { }

            static class C
            {
                static double M(double x) => {|FA2006:Math.Log(1 + x)|};
            }
        }
        """, """
        using System;

        namespace App
        {
            static class FusedMath { }

            static class C
            {
                static double M(double x) => global::FusedActivations.FusedMath.Log1P(x);
            }
        }
        """);

    [Fact]
    public Task FileWithoutUsingsKeepsItsHeaderOnTop() => Verify("""
        // Copyright header.

        static class C
        {
            static double M(double x) => {|FA2006:System.Math.Log(1 + x)|};
        }
        """, """
        // Copyright header.

        using FusedActivations;

        static class C
        {
            static double M(double x) => FusedMath.Log1P(x);
        }
        """);

    [Fact]
    public Task UsingGoesAfterSystemDirectivesInOrder() => Verify("""
        using System;
        using System.Linq;
        using Zeta;

        namespace Zeta { }

        static class C
        {
            static double M(double[] x) => {|FA2006:Math.Log(1 + x.Sum())|};
        }
        """, """
        using System;
        using System.Linq;
        using FusedActivations;
        using Zeta;

        namespace Zeta { }

        static class C
        {
            static double M(double[] x) => FusedMath.Log1P(x.Sum());
        }
        """);

    [Fact]
    public async Task FixAllInDocumentProjectAndSolution()
    {
        // The framework applies the fix one diagnostic at a time and then Fix All in document, project and solution;
        // each must give these files.
        var test = new FixTest<UseFusedMathCodeFixProvider>();
        test.TestState.Sources.Add(("A.cs", InClass("""
                static double S(double x) => {|FA2001:Math.Log(1 + Math.Exp(x))|} + {|FA2001:Math.Log(1 + Math.Exp(2 * x)) / 2|};
                static double P(double x) => {|FA2006:Math.Log(1 + x)|} * ({|FA2007:Math.Exp(x) - 1|});
            """, false)));
        test.TestState.Sources.Add(("B.cs", "using System;\n\nstatic class D\n{\n    static float G(float x) => {|FA2004:MathF.Exp(x) / (1 + MathF.Exp(x))|};\n}\n"));
        test.FixedState.Sources.Add(("A.cs", InClass("""
                static double S(double x) => FusedMath.Softplus(x, 1, double.PositiveInfinity) + FusedMath.Softplus(x, 2, double.PositiveInfinity);
                static double P(double x) => FusedMath.Log1P(x) * (FusedMath.ExpM1(x));
            """, true)));
        test.FixedState.Sources.Add(("B.cs", "using System;\nusing FusedActivations;\n\nstatic class D\n{\n    static float G(float x) => FusedMath.Sigmoid(x);\n}\n"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("G", "{|FA2001:T.Log(T.One + T.Exp(x))|}")]
    [InlineData("V128F", "{|FA2001:Vector128.Log(Vector128<float>.One + Vector128.Exp(x))|}")]
    [InlineData("G", "{|FA2006:T.LogP1(x)|}")]
    public Task NoScalarFixForGenericOrVectorCode(string kind, string expression)
    {
        string source = Sources.Expression(kind, expression);
        return Verify(source, source);
    }

    [Fact]
    public Task NoFixForTensorPrimitives()
    {
        string source = """
            using System;
            using System.Numerics.Tensors;
            static class C
            {
                static void M(ReadOnlySpan<double> x, Span<double> y) => {|FA2006:TensorPrimitives.LogP1(x, y)|};
            }
            """;
        return Verify(source, source);
    }

    [Fact]
    public async Task NoFixWithoutTheRuntimeLibrary()
    {
        // The analyzer still warns; a fix would not compile without FusedActivations.dll.
        string source = """
            static class C
            {
                static double M(double x) => {|FA2001:System.Math.Log(1 + System.Math.Exp(x))|};
            }
            """;
        var test = new FixTest<UseFusedMathCodeFixProvider> { TestCode = source, FixedCode = source };
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            foreach (var reference in solution.GetProject(projectId)!.MetadataReferences)
            {
                if (reference.Display?.EndsWith("FusedActivations.dll", System.StringComparison.Ordinal) == true)
                {
                    solution = solution.RemoveMetadataReference(projectId, reference);
                }
            }

            return solution;
        });
        await test.RunAsync();
    }
}
