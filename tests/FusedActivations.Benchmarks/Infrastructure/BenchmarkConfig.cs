using System;
using System.Collections.Generic;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>
/// Two jobs (the machine's best SIMD path, and AVX2 via <c>DOTNET_EnableAVX512=0</c>), the ns/element and GB/s columns,
/// ratios against our kernel, the tidy CSV export, and the filter that drops peers which cannot run here.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>The environment variable that turns AVX-512 off in .NET 10 (see ../shared/NOTES.md).</summary>
    public const string DisableAvx512 = "DOTNET_EnableAVX512";

    /// <summary>The environment variable that lets .NET use 512-bit vectors where it would not by default.</summary>
    public const string PreferredVectorBitWidth = "DOTNET_PreferredVectorBitWidth";

    /// <summary>Builds the configuration for a run of the given length (see <see cref="RunLength"/>).</summary>
    public static IConfig Create(RunLength length, bool bestPathOnly, Action<string>? log = null)
    {
        Job baseJob = length switch
        {
            RunLength.Short => Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(3),
            RunLength.Report => Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(10),
            _ => Job.Default,
        };

        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(FigureColumn.NsPerElement, FigureColumn.GigabytesPerSecond)
            .AddExporter(new TidyCsvExporter())
            .AddFilter(new SimpleFilter(benchmarkCase => Runnable(benchmarkCase, log)))
            .WithOrderer(new PeerOrderer())
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        foreach ((string name, string? variable, string? value) in Jobs(bestPathOnly))
        {
            Job job = baseJob.WithId(name);
            config.AddJob(variable is null ? job : job.WithEnvironmentVariable(variable, value!));
            log?.Invoke($"Job {name}: {(variable is null ? "no environment variable (the runtime's default path)" : $"{variable}={value}")}");
        }

        return config;
    }

    /// <summary>
    /// The jobs, named after the SIMD path our kernels take in them: AVX-512 where the CPU has it (forced with
    /// <c>DOTNET_PreferredVectorBitWidth=512</c> on CPUs where .NET 10 keeps <c>Vector512.IsHardwareAccelerated</c> false by
    /// default, e.g. Intel Xeons before Ice Lake), and AVX2 with <c>DOTNET_EnableAVX512=0</c>. Elsewhere one job: the default path.
    /// </summary>
    public static IEnumerable<(string Name, string? Variable, string? Value)> Jobs(bool bestPathOnly)
    {
        SimdPath current = ActivePath.Current;
        bool hasAvx512 = System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        bool hasAvx2 = System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;
        if (current == SimdPath.Avx512)
        {
            yield return (JobName(SimdPath.Avx512), null, null);
        }
        else if (hasAvx512 && hasAvx2)
        {
            yield return (JobName(SimdPath.Avx512), PreferredVectorBitWidth, "512");
        }
        else
        {
            yield return (JobName(current), null, null);
            yield break;
        }

        if (hasAvx2 && !bestPathOnly)
        {
            yield return (JobName(SimdPath.Avx2), DisableAvx512, "0");
        }
    }

    /// <summary>The job's name in the tables.</summary>
    public static string JobName(SimdPath path) => path switch
    {
        SimdPath.Avx512 => "AVX-512",
        SimdPath.Avx2 => "AVX2",
        _ => path.ToString(),
    };

    private static readonly HashSet<string> s_reported = [];

    /// <summary>False for a peer the activation lacks or that cannot run here (reported once).</summary>
    private static bool Runnable(BenchmarkCase benchmarkCase, Action<string>? log)
    {
        if (Measurements.Table(benchmarkCase) is not { } table || Measurements.Kind(benchmarkCase) is not { } kind)
        {
            return true;
        }

        if (table.WhyUnavailable(kind) is not { } reason)
        {
            return true;
        }

        lock (s_reported)
        {
            if (s_reported.Add($"{table.Activation}<{table.ElementType.Name}>.{kind}"))
            {
                log?.Invoke($"Skipping {table.Activation}<{table.ElementType.Name}> {kind}: {reason}");
            }
        }

        return false;
    }
}
