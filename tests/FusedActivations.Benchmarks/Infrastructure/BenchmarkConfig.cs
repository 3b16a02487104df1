using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Benchmarks.Peers;
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

    /// <summary>
    /// The environment variable that restricts PyTorch's ATen kernels to a CPU capability (<c>default</c>, <c>avx2</c>,
    /// <c>avx512</c>), read when libtorch first dispatches; checked in every TorchSharp setup (<see cref="CheckPaths"/>).
    /// </summary>
    public const string AtenCpuCapability = "ATEN_CPU_CAPABILITY";

    /// <summary>
    /// Builds the configuration for a run of the given length (see <see cref="RunLength"/>) measuring the cases of
    /// <paramref name="plan"/> (default: <see cref="Plans.Published"/>). Activations whose kernels are not declared in
    /// OurKernels.cs are left out unless <paramref name="withoutOurs"/> (the smoke check still checks their peers).
    /// </summary>
    public static IConfig Create(RunLength length, bool bestPathOnly, Action<string>? log = null, Plan? plan = null, bool withoutOurs = false)
    {
        plan ??= Plans.Published;
        string bestPathJob = Jobs(bestPathOnly).First().Name;
        Job baseJob = length switch
        {
            RunLength.Short => Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(3),
            RunLength.Report => Job.Default.WithLaunchCount(1).WithWarmupCount(15).WithIterationCount(60)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(10)),
            _ => Job.Default,
        };

        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(FigureColumn.NsPerElement, FigureColumn.GigabytesPerSecond)
            .AddExporter(new TidyCsvExporter())
            .AddFilter(new SimpleFilter(benchmarkCase => Planned(benchmarkCase, plan, bestPathJob) && Runnable(benchmarkCase, log, withoutOurs)))
            .WithOrderer(new PeerOrderer())
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        foreach ((string name, (string Name, string Value)[] variables) in Jobs(bestPathOnly))
        {
            Job job = baseJob.WithId(name);
            foreach ((string variable, string value) in variables)
            {
                job = job.WithEnvironmentVariable(variable, value);
            }

            config.AddJob(job);
            log?.Invoke($"Job {name}: {(variables.Length == 0 ? "no environment variable (the runtimes' default paths)" : string.Join(" ", variables.Select(v => $"{v.Name}={v.Value}")))}");
        }

        return config;
    }

    /// <summary>
    /// The jobs, named after the SIMD path our kernels take in them: AVX-512 where the CPU has it (forced with
    /// <c>DOTNET_PreferredVectorBitWidth=512</c> on CPUs where .NET 10 keeps <c>Vector512.IsHardwareAccelerated</c> false by
    /// default, e.g. Intel Xeons before Ice Lake), and AVX2 with <c>DOTNET_EnableAVX512=0</c> and
    /// <c>ATEN_CPU_CAPABILITY=avx2</c> (PyTorch restricted to AVX2 too). Elsewhere one job: the default path.
    /// </summary>
    public static IEnumerable<(string Name, (string Name, string Value)[] Variables)> Jobs(bool bestPathOnly)
    {
        SimdPath current = ActivePath.Current;
        bool hasAvx512 = System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        bool hasAvx2 = System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;
        if (current == SimdPath.Avx512)
        {
            yield return (JobName(SimdPath.Avx512), []);
        }
        else if (hasAvx512 && hasAvx2)
        {
            yield return (JobName(SimdPath.Avx512), [(PreferredVectorBitWidth, "512")]);
        }
        else
        {
            yield return (JobName(current), []);
            yield break;
        }

        if (hasAvx2 && !bestPathOnly)
        {
            yield return (JobName(SimdPath.Avx2), [(DisableAvx512, "0"), (AtenCpuCapability, "avx2")]);
        }
    }

    /// <summary>The job's name in the tables.</summary>
    public static string JobName(SimdPath path) => path switch
    {
        SimdPath.Avx512 => "AVX-512",
        SimdPath.Avx2 => "AVX2",
        _ => path.ToString(),
    };

    /// <summary>
    /// What each peer runs in a job, for the tables: our kernel's path, PyTorch's ATen CPU capability, TensorPrimitives'
    /// vector width, ONNX Runtime's own dispatch. Computed in the host from the job's environment variables (and, for a job
    /// without them, from this process); <see cref="CheckPaths"/> verifies it in each benchmark process.
    /// </summary>
    public static string Paths(Job job)
    {
        string? Variable(string name) => job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == name)?.Value;
        bool noAvx512 = Variable(DisableAvx512) == "0";
        bool force512 = Variable(PreferredVectorBitWidth) == "512";
        string ours = noAvx512 ? JobName(SimdPath.Avx2) : JobName(ActivePath.Current == SimdPath.Avx512 || force512 ? SimdPath.Avx512 : ActivePath.Current);
        int tensorPrimitivesWidth = noAvx512 ? 256 : force512 || System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 512
            : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256 : 128;
        string pytorch = Variable(AtenCpuCapability) is { } capability ? $"{capability.ToUpperInvariant()} ({AtenCpuCapability}={capability})"
            : FusedActivations.Peers.TorchSharpRuntime.WhyUnavailable() is null ? $"{HostTorchCapability()} (its default)" : "its default";
        return $"ours {ours}; PyTorch {pytorch}; TensorPrimitives {tensorPrimitivesWidth}-bit vectors; ONNX Runtime its own CPUID dispatch";
    }

    /// <summary>
    /// Throws if a benchmark process does not run what its job says: our kernels on the path named by the job's
    /// environment, and PyTorch on the capability <c>ATEN_CPU_CAPABILITY</c> asks for (queried with
    /// <c>at::get_cpu_capability()</c>). Called by every setup (our kernels: <see cref="PeerKind.Ours"/> and
    /// <see cref="PeerKind.SingleActivation"/>).
    /// </summary>
    public static void CheckPaths(PeerKind kind)
    {
        if (kind is (PeerKind.Ours or PeerKind.SingleActivation) && Environment.GetEnvironmentVariable(DisableAvx512) == "0" && ActivePath.Current != SimdPath.Avx2 &&
            System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            throw new InvalidOperationException($"{DisableAvx512}=0 but our kernels take the {ActivePath.Current} path.");
        }

        if (kind == PeerKind.TorchSharp && Environment.GetEnvironmentVariable(AtenCpuCapability) is { Length: > 0 } wanted)
        {
            string actual = FusedActivations.Peers.LibTorchCpu.CpuCapability();
            if (!string.Equals(actual, wanted, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{AtenCpuCapability}={wanted} but libtorch runs its {actual} kernels.");
            }
        }
    }

    private static string? s_hostTorchCapability;

    private static string HostTorchCapability() => s_hostTorchCapability ??= FusedActivations.Peers.LibTorchCpu.CpuCapability();

    private static readonly HashSet<string> s_reported = [];

    /// <summary>Whether <paramref name="plan"/> measures the case (the standalone classes: when it lists them; cases of other benchmark classes: yes).</summary>
    private static bool Planned(BenchmarkCase benchmarkCase, Plan plan, string bestPathJob) =>
        Array.Exists(Plan.Standalone, c => c.IsAssignableFrom(benchmarkCase.Descriptor.Type)) ? plan.Runs(benchmarkCase.Descriptor.Type) :
        Measurements.Table(benchmarkCase) is not { } table || Measurements.Kind(benchmarkCase) is not { } kind ||
        plan.Includes(new PlanCase(table.Activation, table.ElementType, benchmarkCase.Job.Id == bestPathJob, kind,
            Measurements.Length(benchmarkCase), Measurements.Inputs(benchmarkCase)));

    /// <summary>
    /// False for a peer the activation lacks or that cannot run here, and (unless <paramref name="withoutOurs"/>) for every
    /// peer of an activation whose kernels are not declared yet (reported once).
    /// </summary>
    private static bool Runnable(BenchmarkCase benchmarkCase, Action<string>? log, bool withoutOurs)
    {
        if (Measurements.Table(benchmarkCase) is not { } table || Measurements.Kind(benchmarkCase) is not { } kind)
        {
            return true;
        }

        if (table.Label(kind) is null)
        {
            return false; // The activation has no such peer (e.g. the rooflines are measured with Softplus only): not a case.
        }

        string? reason = !withoutOurs && table.Label(PeerKind.Ours) is null
            ? "no generated kernel declared in OurKernels.cs yet (nothing to compare with)"
            : table.WhyUnavailable(kind);
        if (reason is null)
        {
            return true;
        }

        lock (s_reported)
        {
            bool wholeActivation = reason.StartsWith("no generated kernel", StringComparison.Ordinal);
            if (s_reported.Add(wholeActivation ? $"{table.Activation}<{table.ElementType.Name}>" : $"{table.Activation}<{table.ElementType.Name}>.{kind}"))
            {
                log?.Invoke($"Skipping {table.Activation}<{table.ElementType.Name}>{(wholeActivation ? "" : " " + kind)}: {reason}");
            }
        }

        return false;
    }
}
