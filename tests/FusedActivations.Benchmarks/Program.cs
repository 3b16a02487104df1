using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Running;
using FusedActivations;
using FusedActivations.Benchmarks;
using FusedActivations.Benchmarks.Commands;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using FusedActivations.Peers;

// Commands (README.md in this folder has the details):
//   (none)            the full benchmark: every activation class, both jobs, BenchmarkDotNet's default accuracy
//   --job short       the same with ShortRun counts (quick, noisy; while developing). Alias: --quick
//   --job report      1 launch, 15 warm-ups, 60 iterations of ~10 ms, median: what scripts/report.sh runs
//   --best-path-only  only the machine's best SIMD path (no DOTNET_EnableAVX512=0 job)
//   --plan NAME       which cases (Infrastructure/Plans.cs): published (default: softplus + family), softplus, family,
//                     fused (issue 12's fused kernels), gradient (their gradients against PyTorch autograd),
//                     parallel (Parallel = true against single-threaded and PyTorch on every core), all
//   --family          the same as --plan family
//   --count           prints how many cases the plan has (per benchmark class), runs nothing
//   --smoke           calls every benchmark once at small lengths and checks the outputs (CI); no BenchmarkDotNet run
//   --chart [dir]     draws the chart and the markdown tables from the tidy CSVs in dir (default: the last results)
//   --ranges          probe (Stopwatch): ours and PyTorch on sub-ranges of [-30, 30]: where and why PyTorch slows down
//   --copy-probe      probe (Stopwatch): CopyTo at 4 Mi timed several ways (what the roofline figure measures)
//   --fused-probe     probe (Stopwatch): issue 12's bar ratios with the peers timed in interleaved rounds
//   --prepare-torch   copies and patches TorchSharp's native library into native/ and checks that it loads
// Anything else goes to BenchmarkDotNet's command line (e.g. --filter '*Softplus*', --anyCategories Ours TorchSharp).
List<string> rest = [.. args];
bool Take(params string[] names)
{
    int index = rest.FindIndex(a => names.Contains(a, StringComparer.OrdinalIgnoreCase));
    if (index < 0)
    {
        return false;
    }

    rest.RemoveAt(index);
    return true;
}

if (Take("--smoke"))
{
    return SmokeCommand.Run(Console.Out);
}

if (Take("--chart"))
{
    return ChartCommand.Run(rest, Console.Out);
}

if (Take("--ranges"))
{
    return ProbeCommand.Ranges(rest, Console.Out);
}

if (Take("--copy-probe"))
{
    return ProbeCommand.Copy(rest, Console.Out);
}

if (Take("--fused-probe"))
{
    return FusedProbeCommand.Run(rest, Console.Out);
}

if (Take("--prepare-torch"))
{
    string? failure = TorchSharpNatives.TryRegister(Console.Out);
    Console.WriteLine(failure is null ? $"TorchSharp loads from {TorchSharpNatives.NativeDirectory}" : $"TorchSharp cannot be used here: {failure}");
    return failure is null ? 0 : 1;
}

RunLength runLength = Take("--quick") ? RunLength.Short : RunLength.Default;
int job = rest.FindIndex(a => a is "--job" or "-j");
if (job >= 0 && job + 1 < rest.Count && Enum.TryParse(rest[job + 1], ignoreCase: true, out RunLength named))
{
    runLength = named;
    rest.RemoveRange(job, 2);
}

bool bestPathOnly = Take("--best-path-only");
Plan plan = Take("--family") ? Plans.Family : Plans.Published;
int planIndex = rest.FindIndex(a => a == "--plan");
if (planIndex >= 0)
{
    if (planIndex + 1 >= rest.Count || Plans.Find(rest[planIndex + 1]) is not { } namedPlan)
    {
        Console.Error.WriteLine($"--plan takes one of: {string.Join(", ", Plans.Named.Select(p => p.Name))}");
        return 2;
    }

    plan = namedPlan;
    rest.RemoveRange(planIndex, 2);
}

if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h" or "--info" or "--version"))
{
    rest.AddRange(["--filter", "*"]);
}

if (Take("--count"))
{
    // The cases the run would measure, per benchmark class, without running anything.
    var counting = BenchmarkConfig.Create(runLength, bestPathOnly, log: null, plan);
    int total = 0;
    foreach (Type type in SmokeCommand.BenchmarkTypes().Concat(Plan.Standalone))
    {
        int cases = BenchmarkConverter.TypeToBenchmarks(type, counting).BenchmarksCases.Length;
        if (cases > 0)
        {
            Console.WriteLine($"{SmokeCommand.TypeName(type)}: {cases}");
        }

        total += cases;
    }

    Console.WriteLine($"Plan {plan.Name}: {total} cases");
    return 0;
}

// BenchmarkDotNet looks for the .csproj below the current directory; results go to BenchmarkDotNet.Artifacts/ here.
if (ProjectDirectory() is { } projectDirectory)
{
    Environment.CurrentDirectory = projectDirectory;
}

Console.WriteLine($"FusedActivations benchmarks: best path {ActivePath.Describe()}; our kernels: {(OurKernels.IsGenerated ? "generated" : "STAND-IN (scalar loops; see README.md)")}");
Console.WriteLine($"Inputs: uniform over {string.Join(", ", InputData.Ranges)} (the Inputs parameter), seed {InputData.Seed}.");
Console.WriteLine($"Plan {plan.Name}: {plan.Description}.");
var config = BenchmarkConfig.Create(runLength, bestPathOnly, Console.WriteLine, plan);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static string? ProjectDirectory() =>
    typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value is { } directory && System.IO.Directory.Exists(directory) ? directory : null;
