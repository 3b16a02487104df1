using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using FusedActivations.Peers;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// Stopwatch probes, not BenchmarkDotNet runs: quick, in one process, for explaining the published figures, never quoted
/// as benchmark ratios.
/// <list type="bullet">
/// <item><c>--ranges [--length N] [--flush-denormal]</c>: float Softplus β = 2 of ours and PyTorch (one thread) on inputs uniform over
/// sub-ranges of [−30, 30] (symmetric ranges and 2-wide bands), with PyTorch's two steps (<c>exp(2x)</c>,
/// <c>log1p(t)</c>) alone: where PyTorch slows down. With <c>--flush-denormal</c> the whole run has denormals flushed to
/// zero (<c>torch.set_flush_denormal(true)</c>, FTZ + DAZ on this thread): whether denormals are why.</item>
/// <item><c>--copy-probe [--length N]</c>: <c>Span&lt;float&gt;.CopyTo</c> at 4 Mi elements timed several ways (direct
/// call, through a delegate as the benchmarks do, with the caches emptied first, into a freshly allocated array), to see
/// what the BenchmarkDotNet roofline figure measures.</item>
/// </list>
/// Each figure is the median of many single calls (after warm-up calls), in ns per element.
/// </summary>
public static class ProbeCommand
{
    /// <summary>Runs <c>--ranges</c>.</summary>
    public static int Ranges(List<string> args, TextWriter output)
    {
        int length = LengthOption(args, 65536);
        bool flush = args.Contains("--flush-denormal");
        string? failure = TorchSharpRuntime.WhyUnavailable();
        if (flush && failure is null && !LibTorchCpu.SetFlushDenormal(true))
        {
            output.WriteLine("This CPU cannot flush denormals (no DAZ).");
            return 1;
        }

        output.WriteLine($"Probe (Stopwatch, median of single calls; not a BenchmarkDotNet figure): float Softplus beta 2, {length} elements, one thread{(flush ? ", denormals flushed to zero (FTZ+DAZ, torch.set_flush_denormal(true)) for the whole run" : "")}.");
        output.WriteLine($"CPU: {Cpu()}; our path {ActivePath.Describe()}; " +
            (failure is null ? $"PyTorch {PeerVersions.LibTorch} capability {LibTorchCpu.CpuCapability()} (ATEN_CPU_CAPABILITY={Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY") ?? "unset"})" : $"PyTorch unavailable: {failure}"));
        output.WriteLine();
        output.WriteLine("| inputs uniform over | ours | PyTorch softplus | PyTorch exp(z) alone, z = 2x | PyTorch log1p(t) alone, t = exp(2x) | min exp(2x) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        List<(double Min, double Max)> ranges = [(-10, 10), (-30, 30), (-11, 11), (-12, 12), (-15, 15), (-20, 20), (-25, 25)];
        for (int low = -30; low < 10; low += low is >= -14 and < -8 ? 1 : 2)
        {
            ranges.Add((low, low + 2));
        }

        ranges.Add((10, 30));
        const float Beta = (float)SoftplusPeers.Beta;
        foreach ((double min, double max) in ranges)
        {
            float[] x = InputData.Uniform<float>(length, min, max);
            float[] y = new float[length];
            double ours = Median(() => OurKernels.SoftplusBeta2Float(x, y), length);
            string torchFigures = "| | |";
            float smallest = MathF.Exp(x.Min() * Beta);
            if (failure is null)
            {
                using Tensor input = TorchSharpOps.ToTensor(x);
                using Tensor z = input * Beta;
                using Tensor exp = z.exp();
                Func<Tensor, Tensor> softplus = TorchSharpOps.Softplus(SoftplusPeers.Beta, SoftplusPeers.Threshold);
                double torch = Median(() => softplus(input).Dispose(), length);
                double expAlone = Median(() => z.exp().Dispose(), length);
                double log1pAlone = Median(() => exp.log1p().Dispose(), length);

                torchFigures = $"{F(torch)} | {F(expAlone)} | {F(log1pAlone)} |";
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| [{min}, {max}] | {F(ours)} | {torchFigures} {smallest:G3} |"));
        }

        output.WriteLine();
        output.WriteLine("ns per element. 'alone': one PyTorch operation on a precomputed tensor. min exp(2x): the smallest exp(beta*x) of the inputs.");
        return 0;
    }

    /// <summary>Runs <c>--copy-probe</c>.</summary>
    public static int Copy(List<string> args, TextWriter output)
    {
        int length = LengthOption(args, 4 << 20);
        output.WriteLine($"Probe (Stopwatch; not a BenchmarkDotNet figure): Span<float>.CopyTo, {length} elements ({length * 4L >> 20} MiB read + the same written).");
        output.WriteLine($"CPU: {Cpu()}; transparent huge pages: {Read("/sys/kernel/mm/transparent_hugepage/enabled")}");
        float[] x = InputData.Uniform<float>(length, InputData.Wide);
        float[] y = new float[length];
        x.CopyTo(y, 0);
        Action copy = () => x.AsSpan().CopyTo(y);
        float[] scratch = new float[16 << 20]; // 64 MiB, twice the last-level cache of the machines measured
        float[] scratchOut = new float[scratch.Length];
        Action evict = () => scratch.AsSpan().CopyTo(scratchOut);
        evict();

        output.WriteLine("| how | median ns/element | mean | GB/s (read + write, median) |");
        output.WriteLine("|---|---:|---:|---:|");
        void Row(string how, (double Median, double Mean) figure) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {how} | {F(figure.Median)} | {F(figure.Mean)} | {8.0 / figure.Median:F1} |"));

        Row("direct call, same arrays, back to back", Time(() => x.AsSpan().CopyTo(y), length, before: null));
        Row("through an Action (as the benchmarks call), same arrays", Time(copy, length, before: null));
        Row("same arrays, caches emptied before each call (64 MiB copy, not timed)", Time(copy, length, before: evict));
        Row("as BenchmarkDotNet: 16 calls per timed batch, 2 forced GCs between batches", Batches(copy, length, forcedGc: true));
        Row("16 calls per timed batch, no GC between batches", Batches(copy, length, forcedGc: false));
        Row("a Vector<float> load/store loop instead of CopyTo (regular stores), same arrays", Time(() => VectorCopy(x, y), length, before: null));
        Row("ReLU, TensorPrimitives.Max(x, 0), same arrays", Time(() => System.Numerics.Tensors.TensorPrimitives.Max(x, 0f, y), length, before: null));
        float[]? fresh = null;
        Row("into a new array each call (allocation + first-touch page faults timed)", Time(() =>
        {
            fresh = GC.AllocateUninitializedArray<float>(length);
            x.AsSpan().CopyTo(fresh);
        }, length, before: null, reps: 40));
        GC.KeepAlive(fresh);
        return 0;
    }

    private static (double Median, double Mean) Batches(Action run, int length, bool forcedGc)
    {
        var times = new List<double>();
        for (int batch = 0; batch < 40; batch++)
        {
            if (forcedGc)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }

            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 16; i++)
            {
                run();
            }

            times.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / length / 16);
        }

        times.Sort();
        return (times[times.Count / 2], times.Average());
    }

    private static void VectorCopy(float[] x, float[] y)
    {
        var source = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(x.AsSpan());
        var destination = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(y.AsSpan());
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }

        x.AsSpan(source.Length * System.Numerics.Vector<float>.Count).CopyTo(y.AsSpan(source.Length * System.Numerics.Vector<float>.Count));
    }

    private static int LengthOption(List<string> args, int fallback)
    {
        int index = args.IndexOf("--length");
        return index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Median ns per element of single calls, after warm-up, for at least 0.2 s or 15 calls.</summary>
    private static double Median(Action run, int length) => Time(run, length, before: null).Median;

    private static (double Median, double Mean) Time(Action run, int length, Action? before, int reps = 0)
    {
        for (int i = 0; i < 5; i++)
        {
            before?.Invoke();
            run();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (reps > 0 ? times.Count < reps : (times.Count < 15 || total.ElapsedMilliseconds < 200) && times.Count < 100_000)
        {
            before?.Invoke();
            long start = Stopwatch.GetTimestamp();
            run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / length);
        }

        times.Sort();
        return (times[times.Count / 2], times.Average());
    }

    private static string F(double value) => Measurements.Format(value);

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "unknown";
}
