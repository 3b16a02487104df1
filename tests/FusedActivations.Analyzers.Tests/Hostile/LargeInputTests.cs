using System;
using System.Linq;
using System.Text;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Analyzers.Tests.Hostile;

/// <summary>
/// Issue 10: the analyzer's time must grow linearly with the code. One method with N pairs of
/// <c>var e = Math.Exp(x + K); s += Math.Log(1 + e);</c> took 5.3 s at N = 1,000 and 46.3 s at N = 5,000 because
/// every match rescanned the whole block for writes to its local.
/// </summary>
public class LargeInputTests(ITestOutputHelper output)
{
    /// <summary>One method, <paramref name="pairs"/> exp locals each read by a naive softplus in the next statement.</summary>
    internal static string LocalPairs(int pairs)
    {
        var text = new StringBuilder("using System;\n\nstatic class C\n{\n    static double M(double x)\n    {\n        double s = 0;\n");
        for (int k = 0; k < pairs; k++)
        {
            text.Append("        var e").Append(k).Append(" = Math.Exp(x + ").Append(k).Append(");\n");
            text.Append("        s += Math.Log(1 + e").Append(k).Append(");\n");
        }

        return text.Append("        return s;\n    }\n}\n").ToString();
    }

    /// <summary>
    /// One method with <paramref name="loops"/> naive log-sum-exp loops, each with its own sum (FA2011): every sum's
    /// reads are looked up in the same block.
    /// </summary>
    internal static string SoftmaxLoops(int loops)
    {
        var text = new StringBuilder("using System;\n\nstatic class C\n{\n    static double M(double[] x)\n    {\n        double r = 0;\n");
        for (int k = 0; k < loops; k++)
        {
            text.Append("        double s").Append(k).Append(" = 0;\n");
            text.Append("        foreach (double v in x) s").Append(k).Append(" += Math.Exp(v * ").Append(k + 1).Append(");\n");
            text.Append("        r += Math.Log(s").Append(k).Append(");\n");
        }

        return text.Append("        return r;\n    }\n}\n").ToString();
    }

    /// <summary>
    /// <paramref name="methods"/> methods in 50 classes, each with a naive form of a different kind among ordinary
    /// code: what a large generated or ported numeric code base looks like to the analyzer.
    /// </summary>
    internal static string ManyMethods(int methods)
    {
        string[] bodies =
        {
            "return u + Math.Log(1 + Math.Exp(x * {0}));",
            "var e = Math.Exp(x - {0}); return Math.Log(1 + e) + u;",
            "return u + {0} * (Math.Exp(x) / (1 + Math.Exp(x)));",
            "double t = u; for (int i = 0; i < {0}; i++) t += Math.Log(1 + Math.Exp(y - i)); return t;",
            "return x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x)) + u * {0};",
        };
        var text = new StringBuilder("using System;\n\n");
        for (int m = 0; m < methods; m++)
        {
            if (m % (methods / 50) == 0)
            {
                text.Append(m == 0 ? string.Empty : "}\n").Append("static class C").Append(m).Append("\n{\n");
            }

            text.Append("    static double M").Append(m).Append("(double x, double y)\n    {\n        double u = Math.Sqrt(x * x + y * y) + Math.Max(x, y);\n        ")
                .Append(string.Format(bodies[m % bodies.Length], m % 97 + 1))
                .Append("\n    }\n");
        }

        return text.Append("}\n").ToString();
    }

    [Fact]
    public void SoftmaxLoopsTakeLinearTime()
    {
        AnalyzerTiming.Run(AnalyzerTiming.Compile(SoftmaxLoops(200))); // JIT warm-up
        var times = new TimeSpan[2];
        int index = 0;
        foreach (int loops in new[] { 500, 2_500 })
        {
            AnalyzerTiming.Result result = AnalyzerTiming.Run(AnalyzerTiming.Compile(SoftmaxLoops(loops)));
            Assert.Empty(result.Exceptions);
            Assert.Equal(loops, result.Diagnostics.Count(d => d.Id == "FA2011"));
            times[index++] = result.AnalyzerTime;
            output.WriteLine($"{loops} loops: analyzer {result.AnalyzerTime.TotalSeconds:F3} s, analysis wall {result.WallTime.TotalSeconds:F3} s");
        }

        // Linear: 5x the loops in about 5x the time; quadratic is 25x. Allow 3x (and 0.5 s) for a loaded machine.
        Assert.True(times[1] < (times[0] * 5 * 3) + TimeSpan.FromSeconds(0.5), $"500 loops {times[0].TotalSeconds:F3} s, 2,500 loops {times[1].TotalSeconds:F3} s");
    }

    [Fact]
    public void ExpLocalPairsTakeLinearTime()
    {
        AnalyzerTiming.Run(AnalyzerTiming.Compile(LocalPairs(200))); // JIT warm-up
        var times = new (int Pairs, TimeSpan Analyzer, TimeSpan Wall)[3];
        int index = 0;
        foreach (int pairs in new[] { 1_000, 2_000, 5_000 })
        {
            AnalyzerTiming.Result result = AnalyzerTiming.Run(AnalyzerTiming.Compile(LocalPairs(pairs)));
            Assert.Empty(result.Exceptions);
            Assert.Equal(pairs, result.Diagnostics.Count(d => d.Id == "FA2001"));
            times[index++] = (pairs, result.AnalyzerTime, result.WallTime);
            output.WriteLine($"{pairs} pairs: analyzer {result.AnalyzerTime.TotalSeconds:F3} s, analysis wall {result.WallTime.TotalSeconds:F3} s");
        }

        // Linear: 5x the pairs in about 5x the time. Quadratic is 25x; allow 3x (and 0.5 s) for a loaded machine.
        TimeSpan t1000 = times[0].Analyzer, t5000 = times[2].Analyzer;
        Assert.True(t5000 < (t1000 * 5 * 3) + TimeSpan.FromSeconds(0.5), $"1,000 pairs {t1000.TotalSeconds:F3} s, 5,000 pairs {t5000.TotalSeconds:F3} s");
    }

    [Fact]
    public void FiveThousandNaiveMethodsAreAnalyzedQuickly()
    {
        const int Methods = 5_000;
        Compilation compilation = AnalyzerTiming.Compile(ManyMethods(Methods), out TimeSpan bindTime);
        AnalyzerTiming.Result result = AnalyzerTiming.Run(compilation);
        output.WriteLine($"{Methods} methods: compiler (parse + bind) {bindTime.TotalSeconds:F3} s, analyzer {result.AnalyzerTime.TotalSeconds:F3} s, analysis wall {result.WallTime.TotalSeconds:F3} s, {result.Diagnostics.Length} diagnostics");
        Assert.Empty(result.Exceptions);
        // 4 of the 5 bodies are naive once (the fourth in a loop, the fifth is the guarded stable form).
        Assert.Equal(Methods / 5 * 4, result.Diagnostics.Count(d => d.Id is "FA2001" or "FA2004"));
        // Measured against the compiler's own time for the same file, so that a loaded machine slows both: the
        // analyzer's callbacks took 0.2-0.5x of it here; a per-match rescan of the file or method would be many times.
        Assert.True(result.AnalyzerTime < (bindTime * 2) + TimeSpan.FromSeconds(2), $"analyzer {result.AnalyzerTime}, compiler {bindTime}");
    }
}
