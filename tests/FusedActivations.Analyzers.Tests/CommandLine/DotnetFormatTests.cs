using System;
using System.IO;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Analyzers.Tests.CommandLine;

/// <summary>
/// Issue 9, checked with the real command line: <c>dotnet format analyzers --diagnostics FA2001 FA2008 FA2009 FA2010 FA2011 FA2012</c> on a project
/// that references the analyzer, the fixes and the generator as analyzers, like a user's project does. One run must
/// turn the map loop into a kernel, the standalone softplus into FusedMath.Softplus, the naive tanh into Math.Tanh and the
/// log-sum-exp into its stable form, the tanh form of GELU into FusedMath.GeluTanh, log(1 - e^x) into FusedMath.Log1MExp
/// and the SwiGLU loop into a [Fused] kernel (issue 15),
/// and the result must build.
/// </summary>
public class DotnetFormatTests(ITestOutputHelper output)
{
    private const string Subject = """
        using System;
        using System.Linq;
        using FusedActivations;

        public static class Activations
        {
            public static double One(double x) => Math.Log(1 + Math.Exp(x));

            public static void Apply(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++)
                    y[i] = Math.Log(1 + Math.Exp(x[i]));
            }

            public static float Scaled(float x) => MathF.Log(1 + MathF.Exp(2 * x)) / 2;

            public static double Tanh(double x) => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x));

            public static double LogSumExp(double[] x) => Math.Log(x.Sum(Math.Exp));

            public static double Gelu(double x) => 0.5 * x * (1 + Math.Tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));

            public static double LogOneMinusExp(double x) => Math.Log(1 - Math.Exp(x));

            public static void SwiGlu(float[] a, float[] b, float[] y)
            {
                for (int i = 0; i < y.Length; i++)
                    y[i] = FusedMath.Silu(a[i]) * b[i];
            }
        }
        """;

    private const string Expected = """
        using System;
        using System.Linq;
        using FusedActivations;

        public static partial class Activations
        {
            public static double One(double x) => FusedMath.Softplus(x, 1, double.PositiveInfinity);

            public static void Apply(double[] x, double[] y)
            {
                Softplus(x, y.AsSpan(0, x.Length));
            }

            public static float Scaled(float x) => FusedMath.Softplus(x, 2);

            public static double Tanh(double x) => Math.Tanh(x);

            public static double LogSumExp(double[] x)
            {
                double max = double.NegativeInfinity;
                foreach (var value in x)
                {
                    max = Math.Max(max, value);
                }

                return max + Math.Log(x.Sum(value => Math.Exp(value - max)));
            }

            public static double Gelu(double x) => FusedMath.GeluTanh(x);

            public static double LogOneMinusExp(double x) => FusedMath.Log1MExp(x);

            public static void SwiGlu(float[] a, float[] b, float[] y)
            {
                Fused(a.AsSpan(0, y.Length), b.AsSpan(0, y.Length), y);
            }

            [Softplus(Threshold = double.PositiveInfinity)]
            private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);

            private static float Fused(float a, float b) => FusedMath.Silu(a) * b;

            [Fused(nameof(Fused))]
            private static partial void Fused(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination);
        }
        """;

    [Fact]
    public void OneRunAppliesTheKernelFixToTheLoopAndTheExpressionFixToTheRest()
    {
        using var folder = new DotnetCli.TempFolder("fa-format");
        File.WriteAllText(Path.Combine(folder.Path, "Subject.csproj"), Project());
        File.WriteAllText(Path.Combine(folder.Path, "Subject.cs"), Subject.Replace("\r\n", "\n"));

        DotnetCli.Result format = DotnetCli.Run(folder.Path, TimeSpan.FromMinutes(5),
            "format", "analyzers", "Subject.csproj", "--diagnostics", "FA2001", "FA2008", "FA2009", "FA2010", "FA2011", "FA2012", "--severity", "info", "-v", "diag");
        output.WriteLine(format.Output);
        Assert.True(format.ExitCode == 0, format.Output);
        // dotnet format runs the fixers of the IDs in an order of its own: the kernel fix's and the fused fix's new
        // members come in either order.
        string expected = Expected.Replace("\r\n", "\n") + "\n";
        string actual = File.ReadAllText(Path.Combine(folder.Path, "Subject.cs")).TrimEnd('\n') + "\n";
        Assert.True(actual == expected || actual == SwapAddedMembers(expected), actual);

        DotnetCli.Result build = DotnetCli.Run(folder.Path, TimeSpan.FromMinutes(5), "build", "Subject.csproj", "-nologo", "-v:q");
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("0 Error(s)", build.Output, StringComparison.Ordinal);
        // Nothing left to report: the fixed file has no naive softplus or tanh.
        Assert.DoesNotContain("FA2001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FA2008", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FA2009", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FA2010", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FA2011", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FA2012", build.Output, StringComparison.Ordinal);
    }

    private const string SoftplusKernel = "    [Softplus(Threshold = double.PositiveInfinity)]\n    private static partial void Softplus(ReadOnlySpan<double> x, Span<double> destination);\n";

    /// <summary>The expected file with the fused fix's two members before the kernel fix's.</summary>
    private static string SwapAddedMembers(string expected)
    {
        int kernel = expected.IndexOf(SoftplusKernel, StringComparison.Ordinal);
        int end = expected.LastIndexOf("}\n", StringComparison.Ordinal);
        string fused = expected.Substring(kernel + SoftplusKernel.Length + 1, end - kernel - SoftplusKernel.Length - 1);
        return expected.Substring(0, kernel) + fused + "\n" + SoftplusKernel + "}\n";
    }

    /// <summary>
    /// A library project that gets the runtime library as a reference and our three compiler extensions as
    /// analyzers, from the test's own output folder (the test project builds and copies them).
    /// </summary>
    private static string Project()
    {
        string Dll(string name)
        {
            string path = Path.Combine(AppContext.BaseDirectory, name);
            Assert.True(File.Exists(path), path + " is missing");
            return path;
        }

        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Dll("FusedActivations.dll")}" />
                <Analyzer Include="{Dll("FusedActivations.Analyzers.dll")}" />
                <Analyzer Include="{Dll("FusedActivations.CodeFixes.dll")}" />
                <Analyzer Include="{Dll("FusedActivations.Generator.dll")}" />
              </ItemGroup>
            </Project>
            """;
    }
}
