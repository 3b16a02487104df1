using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using FusedActivations.Kernels.Tests.Family;
using FusedActivations.Kernels.Tests.Fast;
using Xunit;

namespace FusedActivations.Kernels.Tests.X64;

/// <summary>
/// On Intel cores an SSE/AVX operation with a subnormal operand or result takes a microcode assist of about a hundred
/// cycles; AMD's cores do not, so a kernel benchmarked there can be several times slower on a Xeon. Two were: the Fast
/// Softplus kernel's deep-tail branch made subnormal numbers in every lane with x &lt; 0 (2.8 times slower than the
/// Accurate kernel), and double GELU (tanh) made them for x in [-21.5, -20.5] (6 times slower on [-30, 30]). These tests
/// run each kernel on 64 Ki inputs spread over the benchmarks' ranges, [-10, 10] and [-30, 30], and read the thread's
/// exception flags (glibc's <c>fetestexcept</c>, which reads MXCSR): no subnormal operand and no underflow, except
/// where the results themselves are subnormal (those inputs are left out, per kernel). Linux x64 only (the arm64 run
/// leaves this folder out); on whichever path this run takes.
/// </summary>
public sealed class SubnormalIntermediateTests
{
    public static IEnumerable<object[]> Floats =>
        FamilyCatalog.Floats.Select(c => new object[] { "Accurate " + c.Name })
            .Concat(FastAccuracyTests.Cases.Select(c => new object[] { "Fast " + c.Name }))
            .Concat(KernelCatalog.Floats.Select(c => new object[] { "Softplus " + c.Name }));

    public static IEnumerable<object[]> Doubles =>
        FamilyCatalog.Doubles.Select(c => new object[] { "Accurate " + c.Name })
            .Concat(FastAccuracyTests.DoubleCases.Select(c => new object[] { "Fast " + c.Name }))
            .Concat(KernelCatalog.Doubles.Select(c => new object[] { "Softplus " + c.Name }));

    [Theory]
    [MemberData(nameof(Floats))]
    public void FloatKernelsMakeNoSubnormalNumbersOnTypicalInputs(string kernel)
    {
        SpanKernel<float> run = FloatKernel(kernel);
        foreach (double range in new[] { 10.0, 30.0 })
        {
            float[] x = Spread(range, FloatSubnormalResults(kernel)).Select(v => (float)v).ToArray();
            AssertNoSubnormals(kernel, range, () => run(x, new float[x.Length]));
        }
    }

    [Theory]
    [MemberData(nameof(Doubles))]
    public void DoubleKernelsMakeNoSubnormalNumbersOnTypicalInputs(string kernel)
    {
        SpanKernel<double> run = DoubleKernel(kernel);
        foreach (double range in new[] { 10.0, 30.0 })
        {
            double[] x = Spread(range, DoubleSubnormalResults(kernel));
            AssertNoSubnormals(kernel, range, () => run(x, new double[x.Length]));
        }
    }

    /// <summary>
    /// The inputs in [-30, 30] whose float results are subnormal or round to zero from below the normal range (an
    /// underflow is then the result's own), from mpmath: GELU below x = -13.146 (erf) and -10.101 (tanh), Softplus
    /// below x = ln(beta 2^-126) / beta (-8.503 for beta 10, -28.746 for beta 3).
    /// </summary>
    private static (double From, double To)? FloatSubnormalResults(string kernel) => kernel switch
    {
        "Accurate Gelu" => (-30, -13.1),
        "Accurate GeluTanh" or "Fast GeluTanh" => (-30, -10.05),
        "Softplus FloatBeta10" or "Fast SoftplusBeta10" => (-30, -8.45),
        "Softplus FloatBeta3Threshold5" => (-30, -28.7),
        _ => null,
    };

    /// <summary>
    /// The same for double results: GELU (tanh) between x = -21.548 (below, the result is -0 and computed from -0) and
    /// -21.177 (mpmath).
    /// </summary>
    private static (double From, double To)? DoubleSubnormalResults(string kernel) => kernel switch
    {
        "Accurate GeluTanh" or "Fast GeluTanh" => (-21.6, -21.15),
        _ => null,
    };

    /// <summary>65,536 inputs evenly spread over [-range, range], without those in <paramref name="excluded"/>.</summary>
    private static double[] Spread(double range, (double From, double To)? excluded)
    {
        const int Count = 65536;
        var values = new List<double>(Count);
        for (int i = 0; i < Count; i++)
        {
            double x = -range + 2 * range * (i + 0.5) / Count;
            if (excluded is not { } band || x < band.From || x > band.To)
            {
                values.Add(x);
            }
        }

        return values.ToArray();
    }

    private static void AssertNoSubnormals(string kernel, double range, Action run)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return;
        }

        run(); // compiled (and its first tier run) before the flags are cleared
        ExceptionFlags.Clear();
        run();
        int raised = ExceptionFlags.Raised();
        Assert.Equal(TestEnvironment.ExpectedPath ?? ActivePath.Current, KernelTrace.Last);
        Assert.True(raised == 0, $"{kernel} on [-{range}, {range}] ({ActivePath.Current}) raised {ExceptionFlags.Describe(raised)}: a subnormal number where every result is normal.");
    }

    private static SpanKernel<float> FloatKernel(string kernel)
    {
        string[] parts = kernel.Split(' ');
        return parts[0] switch
        {
            "Accurate" => FamilyCatalog.Float(parts[1]).Run,
            "Fast" => FastAccuracyTests.Cases.Single(c => c.Name == parts[1]).Run,
            _ => KernelCatalog.Float(parts[1]).Run,
        };
    }

    private static SpanKernel<double> DoubleKernel(string kernel)
    {
        string[] parts = kernel.Split(' ');
        return parts[0] switch
        {
            "Accurate" => FamilyCatalog.Double(parts[1]).Run,
            "Fast" => FastAccuracyTests.DoubleCases.Single(c => c.Name == parts[1]).Run,
            _ => KernelCatalog.Double(parts[1]).Run,
        };
    }

    /// <summary>The SSE exception flags of this thread, through glibc (x86-64 values of fenv.h).</summary>
    private static class ExceptionFlags
    {
        private const int Denormal = 0x02;
        private const int Underflow = 0x10;

        public static void Clear() => feclearexcept(Denormal | Underflow);

        public static int Raised() => fetestexcept(Denormal | Underflow);

        public static string Describe(int flags) =>
            string.Join(" and ", new[] { (flags & Denormal) != 0 ? "the subnormal-operand flag" : null, (flags & Underflow) != 0 ? "the underflow flag" : null }.Where(s => s is not null));

        [DllImport("libm.so.6")]
        private static extern int feclearexcept(int excepts);

        [DllImport("libm.so.6")]
        private static extern int fetestexcept(int excepts);
    }
}
