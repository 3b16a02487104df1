using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// FA2011's fixed code, compiled and run: where the naive sums overflow (or all underflow) the fixed softmax and
/// log-sum-exp give the values of shifted inputs (softmax(x + c) = softmax(x), lse(x + c) = lse(x) + c), and where the
/// naive code is fine the two agree.
/// </summary>
public class SubtractMaximumFixComputesTests
{
    private const string Subject = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        public static class Subject
        {
            public static void Softmax(double[] x, double[] y)
            {
                double sum = 0;
                for (int i = 0; i < x.Length; i++) sum += Math.Exp(x[i]);
                for (int i = 0; i < x.Length; i++) y[i] = Math.Exp(x[i]) / sum;
            }

            public static double[] LogSoftmax(double[] x)
            {
                var e = new double[x.Length];
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    e[i] = Math.Exp(x[i]);
                    sum += e[i];
                }

                double logSum = Math.Log(sum);
                for (int i = 0; i < e.Length; i++) e[i] = x[i] - logSum;
                return e;
            }

            public static double LogSumExp(double[] x) => Math.Log(x.Sum(Math.Exp));

            public static float LogSumExpF(float[] x)
            {
                float s = 0;
                foreach (float v in x) s += MathF.Exp(v);
                return MathF.Log(s);
            }

            public static double[] LinqSoftmax(List<double> x)
            {
                double sum = x.Select(v => Math.Exp(v)).Sum();
                return x.Select(v => Math.Exp(v) / sum).ToArray();
            }
        }
        """;

    private static readonly double[] Logits = { -3, -1.5, 0, 0.5, 2, 7 };

    private static readonly Lazy<Task<Type>> Fixed = new(async () =>
    {
        string fixedSource = await FixRunner.ApplyAllAsync(Subject, new SubtractMaximumCodeFixProvider());
        Assert.Equal(5, fixedSource.Split("NegativeInfinity;").Length - 1); // every sum got its maximum
        return FixRunner.CompileAndLoad(fixedSource).GetType("Subject")!;
    });

    private static T Call<T>(Type type, string name, params object[] arguments) =>
        (T)type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static double[] Shifted(double c) => Logits.Select(x => x + c).ToArray();

    private static double[] Softmax(Type type, double[] x)
    {
        var y = new double[x.Length];
        type.GetMethod("Softmax")!.Invoke(null, new object[] { x, y });
        return y;
    }

    [Fact]
    public async Task AgreesWithTheNaiveCodeWhereThatIsFine()
    {
        Type type = await Fixed.Value;
        double sum = Logits.Sum(Math.Exp);
        double[] softmax = Softmax(type, Logits);
        double[] logSoftmax = Call<double[]>(type, "LogSoftmax", Logits);
        double[] linq = Call<double[]>(type, "LinqSoftmax", Logits.ToList());
        for (int i = 0; i < Logits.Length; i++)
        {
            Assert.True(Ulp.Distance(softmax[i], Math.Exp(Logits[i]) / sum) <= 2, $"softmax[{i}]");
            Assert.True(Ulp.Distance(linq[i], Math.Exp(Logits[i]) / sum) <= 2, $"LINQ softmax[{i}]");
            Assert.True(Math.Abs(logSoftmax[i] - (Logits[i] - Math.Log(sum))) <= 4e-15, $"log-softmax[{i}]");
        }

        Assert.True(Math.Abs(Call<double>(type, "LogSumExp", Logits) - Math.Log(sum)) <= 1e-14);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(-1000)]
    [InlineData(720)]
    public async Task ShiftedInputsGiveTheShiftedValues(double c)
    {
        // The logits are small binary fractions: x + c and x + c - (max + c) are exact, so the fixed softmax of the
        // shifted inputs is bit for bit the fixed softmax of the logits. The naive sums are +inf (c > 0) or 0 (c < 0).
        Assert.True(double.IsInfinity(Shifted(c).Sum(Math.Exp)) || Shifted(c).Sum(Math.Exp) == 0);
        Type type = await Fixed.Value;
        Assert.Equal(Softmax(type, Logits), Softmax(type, Shifted(c)));
        Assert.Equal(Call<double[]>(type, "LinqSoftmax", Logits.ToList()), Call<double[]>(type, "LinqSoftmax", Shifted(c).ToList()));
        double[] logSoftmax = Call<double[]>(type, "LogSoftmax", Logits);
        double[] shifted = Call<double[]>(type, "LogSoftmax", Shifted(c));
        double lse = Call<double>(type, "LogSumExp", Logits);
        Assert.Equal(lse + c, Call<double>(type, "LogSumExp", Shifted(c)), 12);
        for (int i = 0; i < Logits.Length; i++)
        {
            Assert.Equal(logSoftmax[i], shifted[i], 12);
        }

        float[] floats = Shifted(c / 10).Select(x => (float)x).ToArray(); // beyond float's 88.72
        float lseF = Call<float>(type, "LogSumExpF", floats);
        Assert.True(Ulp.Distance(lseF, (double)lse + c / 10) <= 2, $"float log-sum-exp {lseF:R}");
    }

    [Fact]
    public async Task AnEmptyCollectionKeepsItsResult()
    {
        Type type = await Fixed.Value;
        Assert.Equal(double.NegativeInfinity, Call<double>(type, "LogSumExp", Array.Empty<double>())); // log(0), as before
        Assert.Empty(Softmax(type, Array.Empty<double>()));
    }
}
