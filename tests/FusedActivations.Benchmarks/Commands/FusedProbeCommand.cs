using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// <c>--fused-probe [--length N] [--rounds R]</c>: a Stopwatch probe of issue 12's two bar ratios, interleaved. In one
/// process, for each fused kernel and length (64 Ki and 4 Mi), our fused kernel, the activation kernel alone, the unfused
/// chain and PyTorch are timed in turns, one batch each per round (a batch: calls covering at least 2 Mi elements), for
/// <c>R</c> rounds (default 101), each round starting with the next peer. Every ratio is taken within a round, so the
/// peers it compares ran under the same load moments apart; the figures are the median over rounds, with the middle
/// half of the rounds' ratios. On a shared machine this is steadier than the ratio of two BenchmarkDotNet cases that ran
/// minutes apart, which is why it is there; it is not a published speed figure.
/// </summary>
public static class FusedProbeCommand
{
    private static readonly PeerKind[] s_kinds = [PeerKind.Ours, PeerKind.SingleActivation, PeerKind.TensorPrimitives, PeerKind.TorchSharp];

    /// <summary>Runs the probe; returns the exit code.</summary>
    public static int Run(List<string> args, TextWriter output)
    {
        int[] lengths = Option(args, "--length") is int length ? [length] : [65536, 4194304];
        int rounds = Option(args, "--rounds") ?? 101;
        string? torch = TorchSharpRuntime.WhyUnavailable();
        output.WriteLine($"Probe (Stopwatch, interleaved rounds; not a BenchmarkDotNet figure): issue 12's fused kernels, float, inputs {InputData.Bar}, " +
            $"bias {FusedPeers.BiasRange}, rows of {FusedPeers.Channels} channels, one thread, {rounds} rounds.");
        output.WriteLine($"CPU: {Cpu()}; our path {ActivePath.Describe()}; " +
            (torch is null ? $"PyTorch {PeerVersions.LibTorch} capability {LibTorchCpu.CpuCapability()}" : $"PyTorch unavailable: {torch}") +
            $"; load average at start {LoadAverage()}.");
        output.WriteLine();
        output.WriteLine("| kernel | length | ours ns/element | activation alone | chain | PyTorch | chain ÷ ours (middle half) | ours ÷ activation alone (middle half) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (FusedKernel kernel in FusedPeers.All)
        {
            foreach (int n in lengths)
            {
                output.WriteLine(Probe(kernel, n, rounds));
            }
        }

        output.WriteLine();
        output.WriteLine($"Load average at the end {LoadAverage()}. ns/element: median over rounds of each batch's time per element. " +
            "Ratios: each round's ratio of the two peers' batches, median over rounds (in brackets the 25th and 75th percentiles). " +
            "Every peer writes its own output array; the inputs are the benchmarks' (InputData, FusedPeers).");
        return 0;
    }

    private static string Probe(FusedKernel kernel, int length, int rounds)
    {
        (double min, double max) = InputData.Parse(InputData.Bar);
        (double biasMin, double biasMax) = InputData.Parse(FusedPeers.BiasRange);
        float[] first = InputData.Uniform<float>(length, min, max);
        float[] second = kernel.IsBroadcast
            ? InputData.Uniform<float>(FusedPeers.Channels, biasMin, biasMax, FusedPeers.SecondSeed)
            : InputData.Uniform<float>(length, min, max, FusedPeers.SecondSeed);
        PeerKind[] kinds = [.. s_kinds.Where(k => kernel.Label(k) is not null && kernel.WhyUnavailable(k) is null)];
        var peers = kinds.ToDictionary(k => k, k => kernel[k].Create(new FusedBuffers(first, second, FusedPeers.Channels, new float[length])));
        try
        {
            foreach (PeerInstance peer in peers.Values)
            {
                peer.Run();
                JitWarmUp.Run(peer.Run);
            }

            int calls = Math.Max(1, (2 << 20) / length);
            var times = kinds.ToDictionary(k => k, _ => new List<double>());
            for (int round = 0; round < rounds; round++)
            {
                for (int i = 0; i < kinds.Length; i++)
                {
                    PeerKind kind = kinds[(round + i) % kinds.Length];
                    Action run = peers[kind].Run;
                    long start = Stopwatch.GetTimestamp();
                    for (int call = 0; call < calls; call++)
                    {
                        run();
                    }

                    times[kind].Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls / length);
                }
            }

            string Figure(PeerKind kind) => times.TryGetValue(kind, out List<double>? t) ? Measurements.Format(Quantile(t, 0.5)) : "";
            string Ratio(PeerKind numerator, PeerKind denominator)
            {
                if (!times.TryGetValue(numerator, out List<double>? top) || !times.TryGetValue(denominator, out List<double>? bottom))
                {
                    return "";
                }

                List<double> ratios = [.. top.Zip(bottom, (a, b) => a / b)];
                return string.Create(CultureInfo.InvariantCulture, $"{Quantile(ratios, 0.5):F2} ({Quantile(ratios, 0.25):F2} – {Quantile(ratios, 0.75):F2})");
            }

            string lengthName = length % (1 << 20) == 0 ? $"{length >> 20} Mi" : length % 1024 == 0 ? $"{length >> 10} Ki" : $"{length}";
            return $"| {kernel.Activation} | {lengthName} | {Figure(PeerKind.Ours)} | {Figure(PeerKind.SingleActivation)} | {Figure(PeerKind.TensorPrimitives)} | " +
                $"{Figure(PeerKind.TorchSharp)} | {Ratio(PeerKind.TensorPrimitives, PeerKind.Ours)} | {Ratio(PeerKind.Ours, PeerKind.SingleActivation)} |";
        }
        finally
        {
            foreach (PeerInstance peer in peers.Values)
            {
                peer.Dispose();
            }
        }
    }

    private static double Quantile(List<double> values, double q)
    {
        List<double> sorted = [.. values.Order()];
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }

    private static int? Option(List<string> args, string name)
    {
        int index = args.IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";
}
