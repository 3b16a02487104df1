#!/usr/bin/env python3
"""Writes a large body of realistic numeric C# (a project of N files) to measure the FA2xxx analyzers' build cost.

Usage: generate_corpus.py OUT_DIR [FILES] [NAIVE_RATE]   (default 2000 files of about 68 lines, rate 1/40)

The code mixes what numeric .NET code does: loops over arrays and spans, Math/MathF calls of every kind, LINQ,
generic math, small classes and records, string formatting; about one method in forty contains a naive form the
analyzers report (so reporting is measured too; NAIVE_RATE 0 measures matching alone). The project references the
runtime library, so FA2012 (map loops a [Fused] kernel can compute) looks at every loop too. Deterministic (fixed seed). The output is not checked in.
"""
import os
import random
import sys

TEMPLATES = [
    # stable or unrelated numeric code: the analyzers must look at every call and report nothing
    """    public static double Dot{n}(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {{
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }}""",
    """    public static void Axpy{n}(double alpha, double[] x, double[] y)
    {{
        for (int i = 0; i < x.Length; i++) y[i] += alpha * x[i] + {c};
    }}""",
    """    public static double Norm{n}(IReadOnlyList<double> v) => Math.Sqrt(v.Sum(e => e * e)) / Math.Max(1, v.Count);""",
    # GELU (tanh) in its stable spelling, 0.5 x (1 + tanh u) = x / (1 + exp(-2u)); the 1 + tanh form is FA2009's, below.
    """    public static float Gelu{n}(float x) => x / (1f + MathF.Exp(-1.5957692f * (x + 0.044715f * x * x * x)));""",
    """    public static double Sigmoid{n}(double x) => 1.0 / (1.0 + Math.Exp(-x));""",
    """    public static double StableSoftplus{n}(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));""",
    """    public static void Softmax{n}(ReadOnlySpan<float> x, Span<float> y)
    {{
        float max = float.NegativeInfinity;
        foreach (float v in x) max = MathF.Max(max, v);
        float sum = 0;
        for (int i = 0; i < x.Length; i++) {{ y[i] = MathF.Exp(x[i] - max); sum += y[i]; }}
        for (int i = 0; i < y.Length; i++) y[i] /= sum;
    }}""",
    """    public static double LogSumExp{n}(double[] x)
    {{
        double max = x.Max();
        double sum = 0;
        foreach (double v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }}""",
    """    public static (double Mean, double Variance) Moments{n}(double[] data)
    {{
        double mean = data.Average();
        double variance = data.Select(d => (d - mean) * (d - mean)).Sum() / Math.Max(1, data.Length - 1);
        return (mean, variance);
    }}""",
    """    public static T Clamp{n}<T>(T value, T low, T high) where T : INumber<T> => T.Min(T.Max(value, low), high);""",
    """    public static T Lerp{n}<T>(T a, T b, T t) where T : IFloatingPointIeee754<T> => T.FusedMultiplyAdd(t, b - a, a);""",
    """    public static double Angle{n}(double x, double y) => Math.Atan2(y, x) * 180.0 / Math.PI + {c};""",
    """    public static string Describe{n}(double value) => string.Format(CultureInfo.InvariantCulture, "{{0:F3}} ({{1}})", value, Math.Round(value, 2));""",
    """    public static double Pow{n}(double x, int k)
    {{
        double result = 1;
        for (int i = 0; i < k; i++) result *= x;
        return k >= 0 ? result : 1 / result;
    }}""",
    """    public static double Integrate{n}(Func<double, double> f, double a, double b, int steps)
    {{
        double h = (b - a) / steps, sum = 0.5 * (f(a) + f(b));
        for (int i = 1; i < steps; i++) sum += f(a + i * h);
        return sum * h;
    }}""",
    """    public static double Log2Ratio{n}(double x, double y) => Math.Log2(Math.Abs(x) + 1e-12) - Math.Log(Math.Abs(y) + {c}) / Math.Log(2);""",
    """    public static float Relu{n}(float x) => x > 0 ? x : 0.01f * x;""",
    """    public static double Cosine{n}(double[] a, double[] b)
    {{
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) {{ dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }}
        return dot / (Math.Sqrt(na) * Math.Sqrt(nb) + double.Epsilon);
    }}""",
    """    public static List<int> Primes{n}(int limit)
    {{
        var primes = new List<int>();
        for (int i = 2; i < limit; i++) if (primes.All(p => i % p != 0)) primes.Add(i);
        return primes;
    }}""",
    """    public static double Decay{n}(double t, double halfLife) => Math.Exp(-Math.Log(2) * t / halfLife) * {c};""",
]

NAIVE = [
    """    public static double NaiveSoftplus{n}(double x) => Math.Log(1 + Math.Exp(x));""",
    """    public static void NaiveMap{n}(float[] x, float[] y)
    {{
        for (int i = 0; i < x.Length; i++) y[i] = MathF.Log(1 + MathF.Exp(2 * x[i])) / 2;
    }}""",
    """    public static double NaiveSigmoid{n}(double x) => Math.Exp(x) / (1 + Math.Exp(x));""",
    """    public static double NaiveLog1p{n}(double x) => Math.Log(1 + x);""",
    """    public static float NaiveGelu{n}(float x) => 0.5f * x * (1f + MathF.Tanh(0.7978846f * (x + 0.044715f * x * x * x)));""",
    """    public static double NaiveTanh{n}(double x) => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x));""",
    """    public static double NaiveLog1MExp{n}(double x) => Math.Log(1 - Math.Exp(-Math.Abs(x)));""",
    """    public static double NaiveLogSumExp{n}(double[] x) => Math.Log(x.Sum(Math.Exp));""",
    """    public static void NaiveSoftmax{n}(ReadOnlySpan<double> x, Span<double> y)
    {{
        double sum = 0;
        foreach (double v in x) sum += Math.Exp(v);
        for (int i = 0; i < x.Length; i++) y[i] = Math.Exp(x[i]) / sum;
    }}""",
    # not naive, but reported (FA2012, Info): a map loop one [Fused] kernel can compute
    """    public static void SwiGlu{n}(float[] a, float[] b, float[] y)
    {{
        for (int i = 0; i < y.Length; i++) y[i] = FusedMath.Silu(a[i]) * b[i];
    }}""",
]

HEADER = """using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using FusedActivations;

namespace Corpus.Module{m};

public sealed record Sample{k}(double X, double Y)
{{
    public double Length => Math.Sqrt(X * X + Y * Y);
}}

public static class Numerics{k}
{{
"""

PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <!-- Generated by analyzers/perf/generate_corpus.py: a large body of numeric C# to measure analyzer cost. -->
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$(FusedAnalyzersPath)" />
    <!-- The runtime library (FusedMath, the attributes): FA2012 looks at loops only where [Fused] exists. -->
    <Reference Include="$(FusedRuntimePath)" />
  </ItemGroup>
</Project>
"""


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    naive_rate = float(sys.argv[3]) if len(sys.argv) > 3 else 1 / 40
    rng = random.Random(20240521)
    os.makedirs(os.path.join(out, "Files"), exist_ok=True)
    with open(os.path.join(out, "PerfCorpus.csproj"), "w") as f:
        f.write(PROJECT)
    lines = 0
    naive = 0
    for k in range(files):
        parts = [HEADER.format(m=k // 50, k=k)]
        for n in range(12):
            if rng.random() < naive_rate:
                template = rng.choice(NAIVE)
                naive += 1
            else:
                template = rng.choice(TEMPLATES)
            parts.append(template.format(n=n, c=round(rng.uniform(0.001, 10), 3)) + "\n\n")
        parts.append("}\n")
        text = "".join(parts)
        lines += text.count("\n")
        with open(os.path.join(out, "Files", f"Numerics{k}.cs"), "w") as f:
            f.write(text)
    print(f"{files} files, {lines} lines, {naive} naive methods in {out}")


if __name__ == "__main__":
    main()
