using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>Every spelling of every naive form is flagged, with the right rule and the whole expression as location.</summary>
public class AnalyzerSpellingTests
{
    [Theory]
    // Math, literals of 1, order, parentheses
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(Math.Exp(x) + 1)|}")]
    [InlineData("D", "{|FA2001:Math.Log(1.0 + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(1d + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(1f + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(1.0f + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(((1 + (Math.Exp((x))))))|}")]
    // double. and float. static members, LogP1(Exp(z))
    [InlineData("D", "{|FA2001:double.Log(1 + double.Exp(x))|}")]
    [InlineData("D", "{|FA2001:double.LogP1(double.Exp(x))|}")]
    [InlineData("D", "{|FA2001:double.LogP1(Math.Exp(x))|}")]
    [InlineData("F", "{|FA2001:float.Log(1 + float.Exp(x))|}")]
    [InlineData("F", "{|FA2001:float.LogP1(float.Exp(x))|}")]
    // MathF, and float arguments of double Math
    [InlineData("F", "{|FA2001:MathF.Log(1 + MathF.Exp(x))|}")]
    [InlineData("F", "{|FA2001:MathF.Log(1f + MathF.Exp(x))|}")]
    [InlineData("F", "(float){|FA2001:Math.Log(1 + Math.Exp(x))|}")]
    // scaling by beta inside and 1/beta or /beta outside
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(b * x)) / b|}")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(x * b)) / b|}")]
    [InlineData("D", "{|FA2001:(1 / b) * Math.Log(1 + Math.Exp(b * x))|}")]
    [InlineData("D", "{|FA2001:1.0 / b * Math.Log(1 + Math.Exp(b * x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(b * x)) * (1 / b)|}")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(2 * x)) / 2|}")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(2 * x)) * 0.5|}")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(2 * x))|} / 3")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(b * x))|} / a")]
    [InlineData("F", "{|FA2001:MathF.Log(1 + MathF.Exp(b * x)) / b|}")]
    [InlineData("D", "-{|FA2001:Math.Log(1 + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2001:Math.Log(1 + Math.Exp(x + y))|}")]
    // generic math
    [InlineData("G", "{|FA2001:T.Log(T.One + T.Exp(x))|}")]
    [InlineData("G", "{|FA2001:T.Log(T.Exp(x) + T.One)|}")]
    [InlineData("G", "{|FA2001:T.LogP1(T.Exp(x))|}")]
    [InlineData("G", "{|FA2001:T.Log(T.CreateChecked(1) + T.Exp(x))|}")]
    [InlineData("G", "{|FA2001:T.Log(T.MultiplicativeIdentity + T.Exp(x))|}")]
    [InlineData("G", "{|FA2001:T.Log(T.One + T.Exp(b * x)) / b|}")]
    // SIMD vectors, with + and Add, One and Create(1)
    [InlineData("V128F", "{|FA2001:Vector128.Log(Vector128<float>.One + Vector128.Exp(x))|}")]
    [InlineData("V128F", "{|FA2001:Vector128.Log(Vector128.Add(Vector128.Exp(x), Vector128.Create(1f)))|}")]
    [InlineData("V128F", "{|FA2001:Vector128.Log(Vector128.Add(Vector128<float>.One, Vector128.Exp(b * x))) / b|}")]
    [InlineData("V256D", "{|FA2001:Vector256.Log(Vector256<double>.One + Vector256.Exp(x))|}")]
    [InlineData("V512D", "{|FA2001:Vector512.Log(Vector512.Exp(x) + Vector512<double>.One)|}")]
    [InlineData("VT", "{|FA2001:Vector.Log(Vector<double>.One + Vector.Exp(x))|}")]
    public Task NaiveSoftplus(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2002:Math.Log(Math.Exp(x) - 1)|}")]
    [InlineData("D", "{|FA2002:Math.Log(Math.Exp(x) - 1.0)|}")]
    [InlineData("D", "{|FA2002:Math.Log(double.ExpM1(x))|}")]
    [InlineData("D", "{|FA2002:Math.Log(Math.Exp(b * x) - 1) / b|}")]
    [InlineData("F", "{|FA2002:MathF.Log(MathF.Exp(x) - 1)|}")]
    [InlineData("F", "{|FA2002:float.Log(float.ExpM1(x))|}")]
    [InlineData("G", "{|FA2002:T.Log(T.Exp(x) - T.One)|}")]
    [InlineData("V128F", "{|FA2002:Vector128.Log(Vector128.Exp(x) - Vector128<float>.One)|}")]
    public Task NaiveInverseSoftplus(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2003:Math.Log(Math.Exp(a) + Math.Exp(b))|}")]
    [InlineData("D", "{|FA2003:double.Log(double.Exp(a) + double.Exp(b))|}")]
    [InlineData("F", "{|FA2003:MathF.Log(MathF.Exp(a) + MathF.Exp(b))|}")]
    [InlineData("G", "{|FA2003:T.Log(T.Exp(a) + T.Exp(b))|}")]
    [InlineData("V128F", "{|FA2003:Vector128.Log(Vector128.Exp(a) + Vector128.Exp(b))|}")]
    public Task NaiveLogAddExp(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2004:Math.Exp(x) / (1 + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2004:Math.Exp(x) / (Math.Exp(x) + 1.0)|}")]
    [InlineData("D", "{|FA2004:Math.Exp(b * x) / (1 + Math.Exp(b * x))|}")]
    [InlineData("F", "{|FA2004:MathF.Exp(x) / (1f + MathF.Exp(x))|}")]
    [InlineData("G", "{|FA2004:T.Exp(x) / (T.One + T.Exp(x))|}")]
    [InlineData("V128F", "{|FA2004:Vector128.Exp(x) / (Vector128<float>.One + Vector128.Exp(x))|}")]
    [InlineData("V128F", "{|FA2004:Vector128.Divide(Vector128.Exp(x), Vector128.Add(Vector128.Exp(x), Vector128<float>.One))|}")]
    public Task NaiveSigmoid(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2005:Math.Log(1 / (1 + Math.Exp(-x)))|}")]
    [InlineData("D", "{|FA2005:Math.Log(1.0 / (Math.Exp(-x) + 1))|}")]
    [InlineData("D", "{|FA2005:Math.Log(1 / (1 + Math.Exp(x)))|}")]
    [InlineData("D", "{|FA2005:-Math.Log(1 + Math.Exp(-x))|}")]
    [InlineData("F", "{|FA2005:-MathF.Log(1 + MathF.Exp(-x))|}")]
    [InlineData("G", "{|FA2005:-T.Log(T.One + T.Exp(-x))|}")]
    public Task NaiveLogSigmoid(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2006:Math.Log(1 + x)|}")]
    [InlineData("D", "{|FA2006:Math.Log(x + 1)|}")]
    [InlineData("D", "{|FA2006:Math.Log(1 + x * x)|}")]
    [InlineData("D", "{|FA2006:double.LogP1(x)|}")]
    [InlineData("F", "{|FA2006:float.LogP1(x)|}")]
    [InlineData("F", "{|FA2006:MathF.Log(1 + x)|}")]
    [InlineData("G", "{|FA2006:T.LogP1(x)|}")]
    [InlineData("G", "{|FA2006:T.Log(T.One + x)|}")]
    public Task ImpreciseLog1P(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2007:Math.Exp(x) - 1|}")]
    [InlineData("D", "{|FA2007:Math.Exp(b * x) - 1.0|}")]
    [InlineData("D", "{|FA2007:double.ExpM1(x)|}")]
    [InlineData("F", "{|FA2007:float.ExpM1(x)|}")]
    [InlineData("F", "{|FA2007:MathF.Exp(x) - 1f|}")]
    [InlineData("G", "{|FA2007:T.ExpM1(x)|}")]
    [InlineData("G", "{|FA2007:T.Exp(x) - T.One|}")]
    [InlineData("V128F", "{|FA2007:Vector128.Exp(x) - Vector128<float>.One|}")]
    public Task ImpreciseExpM1(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    // (exp(z) - exp(-z)) / (exp(z) + exp(-z)), either term first in the denominator, z or -z written as the negation
    [InlineData("D", "{|FA2008:(Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x))|}")]
    [InlineData("D", "{|FA2008:(Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(-x) + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2008:(Math.Exp(-x) - Math.Exp(x)) / (Math.Exp(-x) + Math.Exp(x))|}")]
    [InlineData("D", "{|FA2008:(Math.Exp(a * x) - Math.Exp(-(a * x))) / (Math.Exp(a * x) + Math.Exp(-(a * x)))|}")]
    [InlineData("D", "{|FA2008:(double.Exp(x) - double.Exp(-x)) / (double.Exp(x) + double.Exp(-x))|}")]
    [InlineData("F", "{|FA2008:(MathF.Exp(x) - MathF.Exp(-x)) / (MathF.Exp(x) + MathF.Exp(-x))|}")]
    [InlineData("G", "{|FA2008:(T.Exp(x) - T.Exp(-x)) / (T.Exp(x) + T.Exp(-x))|}")]
    [InlineData("V128F", "{|FA2008:(Vector128.Exp(x) - Vector128.Exp(-x)) / (Vector128.Exp(x) + Vector128.Exp(-x))|}")]
    // (exp(2x) - 1) / (exp(2x) + 1), 2 on either side, 1 on either side of the denominator
    [InlineData("D", "{|FA2008:(Math.Exp(2 * x) - 1) / (Math.Exp(2 * x) + 1)|}")]
    [InlineData("D", "{|FA2008:(Math.Exp(x * 2) - 1.0) / (1.0 + Math.Exp(x * 2))|}")]
    [InlineData("D", "{|FA2008:(Math.Exp(2 * (x + y)) - 1) / (Math.Exp(2 * (x + y)) + 1)|}")]
    [InlineData("F", "{|FA2008:(MathF.Exp(2f * x) - 1f) / (MathF.Exp(2f * x) + 1f)|}")]
    [InlineData("F", "{|FA2008:(float.Exp(x * 2) - 1) / (1 + float.Exp(x * 2))|}")]
    public Task NaiveTanh(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2009:1 - Math.Tanh(x)|}")]
    [InlineData("D", "{|FA2009:1.0 + Math.Tanh(x)|}")]
    [InlineData("D", "{|FA2009:Math.Tanh(a * x) + 1|}")]
    // the tanh approximation of GELU is reported whole (its fix is FusedMath.GeluTanh): any order, grouping and spelling
    [InlineData("D", "{|FA2009:0.5 * x * (1 + Math.Tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))|}")]
    [InlineData("D", "{|FA2009:x * 0.5 * (1.0 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * Math.Pow(x, 3))))|}")]
    [InlineData("D", "{|FA2009:x * (1 + Math.Tanh(0.7978845608 * (0.044715 * x * x * x + x))) / 2|}")]
    [InlineData("D", "{|FA2009:0.5 * x * (Math.Tanh(0.7978845608 * x + 0.0356774081 * x * x * x) + 1)|}")]
    // a 1 + tanh(u) in any other product is reported alone (other factor, other constants, not one half)
    [InlineData("D", "0.5 * y * ({|FA2009:1 + Math.Tanh(0.7978845608 * (x + 0.044715 * x * x * x))|})")]
    [InlineData("D", "0.5 * x * ({|FA2009:1 + Math.Tanh(0.8 * (x + 0.044715 * x * x * x))|})")]
    [InlineData("D", "0.5 * x * ({|FA2009:1 + Math.Tanh(0.7978845608 * (x + 0.044715 * x * x * y))|})")]
    [InlineData("D", "0.25 * x * ({|FA2009:1 + Math.Tanh(0.7978845608 * (x + 0.044715 * x * x * x))|})")]
    [InlineData("D", "0.5 * x * a * ({|FA2009:1 + Math.Tanh(0.7978845608 * (x + 0.044715 * x * x * x))|})")]
    [InlineData("D", "{|FA2009:1 - double.Tanh(x)|}")]
    [InlineData("F", "{|FA2009:1f - MathF.Tanh(x)|}")]
    [InlineData("F", "{|FA2009:0.5f * x * (1f + MathF.Tanh(0.7978846f * (x + 0.044715f * x * x * x)))|}")]
    [InlineData("F", "{|FA2009:(1 + MathF.Tanh(0.7978846f * (x + 0.044715f * MathF.Pow(x, 3)))) * x * 0.5f|}")]
    [InlineData("G", "{|FA2009:T.One - T.Tanh(x)|}")]
    [InlineData("G", "{|FA2009:T.Tanh(x) + T.One|}")]
    public Task CancellingTanh(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Theory]
    [InlineData("D", "{|FA2010:Math.Log(1 - Math.Exp(x))|}")]
    [InlineData("D", "{|FA2010:Math.Log(1.0 - Math.Exp(-Math.Abs(x)))|}")]
    [InlineData("D", "{|FA2010:double.LogP1(-Math.Exp(x))|}")]
    [InlineData("D", "{|FA2010:Math.Log(1 - Math.Exp(a * x + b))|}")]
    [InlineData("F", "{|FA2010:MathF.Log(1f - MathF.Exp(x))|}")]
    [InlineData("F", "{|FA2010:float.LogP1(-float.Exp(x))|}")]
    [InlineData("G", "{|FA2010:T.Log(T.One - T.Exp(x))|}")]
    [InlineData("V128F", "{|FA2010:Vector128.Log(Vector128<float>.One - Vector128.Exp(x))|}")]
    public Task NaiveLog1MExp(string kind, string expression) => AnalyzerTest.VerifyAsync(Sources.Expression(kind, expression));

    [Fact]
    public Task UsingStaticSystemMath() => AnalyzerTest.VerifyAsync("""
        using static System.Math;
        static class C
        {
            static double Softplus(double x) => {|FA2001:Log(1 + Exp(x))|};
            static double Sigmoid(double x) => {|FA2004:Exp(x) / (1 + Exp(x))|};
            static double Log1p(double x) => {|FA2006:Log(1 + x)|};
        }
        """);

    [Fact]
    public Task ExpStoredInALocalJustBefore() => AnalyzerTest.VerifyAsync("""
        using System;
        static class C
        {
            static double Initialized(double x)
            {
                var e = Math.Exp(x);
                return {|FA2001:Math.Log(1 + e)|};
            }

            static double AssignedOnce(double x)
            {
                double e;
                e = Math.Exp(x);
                return {|FA2001:Math.Log(e + 1)|};
            }

            static float Float(float x)
            {
                float e = MathF.Exp(x);
                float s = {|FA2001:MathF.Log(1 + e)|};
                return s;
            }

            static double InverseSoftplus(double y)
            {
                var e = Math.Exp(y);
                return {|FA2002:Math.Log(e - 1)|};
            }
        }
        """);

    [Fact]
    public Task ExpInALocalThatIsNotTheExpWhenRead_IsOnlyALog1P() => AnalyzerTest.VerifyAsync("""
        using System;
        static class C
        {
            static double WrittenAgain(double x)
            {
                var e = Math.Exp(x);
                e *= 2;
                return {|FA2006:Math.Log(1 + e)|};
            }

            static double NotJustBefore(double x)
            {
                var e = Math.Exp(x);
                Console.WriteLine(e);
                return {|FA2006:Math.Log(1 + e)|};
            }

            static double PassedByRef(double x)
            {
                var e = Math.Exp(x);
                return {|FA2006:Math.Log(1 + Twice(ref e))|};
            }

            static double Twice(ref double v) => v *= 2;
        }
        """);

    [Fact]
    public Task TensorPrimitivesLogP1AndExpM1() => AnalyzerTest.VerifyAsync("""
        using System;
        using System.Numerics.Tensors;
        static class C
        {
            static void M(ReadOnlySpan<float> x, Span<float> y)
            {
                {|FA2006:TensorPrimitives.LogP1(x, y)|};
                {|FA2007:TensorPrimitives.ExpM1(x, y)|};
                TensorPrimitives.Log(x, y);
            }
        }
        """);

    [Fact]
    public Task InsideLambdasLocalFunctionsAndFieldInitializers() => AnalyzerTest.VerifyAsync("""
        using System;
        class C
        {
            private readonly Func<double, double> _f = x => {|FA2001:Math.Log(1 + Math.Exp(x))|};
            private static readonly double S = {|FA2001:Math.Log(1 + Math.Exp(Environment.ProcessorCount))|};

            double M(double x)
            {
                return Local(x);
                static double Local(double v) => {|FA2004:Math.Exp(v) / (1 + Math.Exp(v))|};
            }
        }
        """);
}
