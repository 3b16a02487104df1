using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FusedActivations.Benchmarks.Benchmarks;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>What the reports derive from one benchmark case: element count, element size, ns per element, GB/s.</summary>
public static class Measurements
{
    /// <summary>The <c>Length</c> parameter of the case.</summary>
    public static int Length(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Length")?.Value is int length ? length : 0;

    /// <summary>The <c>Inputs</c> parameter of the case (the input range), or an empty string.</summary>
    public static string Inputs(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Inputs")?.Value as string ?? string.Empty;

    /// <summary>The activation table of the case's class (null for classes that are not activation benchmarks).</summary>
    public static IActivationTable? Table(BenchmarkCase benchmarkCase) =>
        typeof(IActivationBenchmarks).IsAssignableFrom(benchmarkCase.Descriptor.Type) && !benchmarkCase.Descriptor.Type.IsAbstract
            ? ((IActivationBenchmarks)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!).Table
            : null;

    /// <summary>The peer a benchmark method measures (methods are named after <see cref="PeerKind"/> members).</summary>
    public static PeerKind? Kind(BenchmarkCase benchmarkCase) =>
        Enum.TryParse(benchmarkCase.Descriptor.WorkloadMethod.Name, out PeerKind kind) ? kind : null;

    /// <summary>Bytes per element of the case's element type.</summary>
    public static int ElementSize(BenchmarkCase benchmarkCase) =>
        Table(benchmarkCase)?.ElementType is { } type ? Marshal.SizeOf(type) : 0;

    /// <summary>Mean time of one call in nanoseconds, or null if the case did not run.</summary>
    public static double? MeanNs(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Mean;

    /// <summary>
    /// Median time of one call in nanoseconds (the median over iterations of each iteration's time per call), or null if
    /// the case did not run. The published figures use it: on a shared machine an iteration hit by preemption or another
    /// tenant's memory traffic moves the mean, not the median (README.md, "What the figures are").
    /// </summary>
    public static double? MedianNs(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Median;

    /// <summary>Nanoseconds per element (median time per call ÷ length).</summary>
    public static double? NsPerElement(Summary summary, BenchmarkCase benchmarkCase) =>
        MedianNs(summary, benchmarkCase) is double median && Length(benchmarkCase) is > 0 and int length ? median / length : null;

    /// <summary>
    /// Throughput counting the bytes read and the bytes written (arrays × length × element size; 2 arrays for an
    /// activation, see <see cref="IActivationTable.Streams"/>) per call (median time).
    /// </summary>
    public static double? GigabytesPerSecond(Summary summary, BenchmarkCase benchmarkCase) =>
        MedianNs(summary, benchmarkCase) is double median && median > 0
            ? Streams(benchmarkCase) * (double)Length(benchmarkCase) * ElementSize(benchmarkCase) / median // bytes per ns = GB/s
            : null;

    /// <summary>The arrays of the case's length its peer reads and writes per call (2 for an activation).</summary>
    public static int Streams(BenchmarkCase benchmarkCase) =>
        Table(benchmarkCase) is { } table && Kind(benchmarkCase) is { } kind ? table.Streams(kind) : 2;

    /// <summary>Formats a figure with three significant digits (invariant culture).</summary>
    public static string Format(double? value) =>
        value is not double v ? "-" : v >= 100 ? v.ToString("F0", CultureInfo.InvariantCulture)
        : v >= 10 ? v.ToString("F1", CultureInfo.InvariantCulture)
        : v >= 1 ? v.ToString("F2", CultureInfo.InvariantCulture)
        : v.ToString("G3", CultureInfo.InvariantCulture);
}
