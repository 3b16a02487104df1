using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>
/// One row per measured case with plain numbers (no units), the input range, the peer's label, the ratio to our kernel (same job, length and input range), the machine and what each peer ran in the job:
/// the input of the chart and of the README tables (<c>--chart</c>). Written as <c>results/*-tidy.csv</c>.
/// </summary>
public sealed class TidyCsvExporter : ExporterBase
{
    /// <summary>The column names, in order.</summary>
    public static readonly string[] Header =
    [
        "Activation", "Type", "Job", "Peer", "Label", "Length", "Inputs", "MeanNs", "MedianNs", "StdDevNs", "NsPerElement", "GBps", "RatioToOurs",
        "OursGenerated", "Cpu", "Os", "Runtime", "Paths",
    ];

    /// <inheritdoc/>
    protected override string FileExtension => "csv";

    /// <inheritdoc/>
    protected override string FileCaption => "tidy";

    /// <inheritdoc/>
    public override void ExportToLog(Summary summary, ILogger logger)
    {
        logger.WriteLine(string.Join(",", Header));
        string cpu = summary.HostEnvironmentInfo.Cpu.Value?.ProcessorName ?? "unknown CPU";
        string os = summary.HostEnvironmentInfo.Os.Value?.ToString() ?? "unknown OS";
        string runtime = summary.HostEnvironmentInfo.RuntimeVersion;
        foreach (BenchmarkCase benchmarkCase in summary.BenchmarksCases)
        {
            if (Measurements.Table(benchmarkCase) is not { } table || Measurements.Kind(benchmarkCase) is not { } kind ||
                Measurements.MeanNs(summary, benchmarkCase) is not double mean || Measurements.MedianNs(summary, benchmarkCase) is not double median)
            {
                continue;
            }

            BenchmarkCase? ours = summary.BenchmarksCases.FirstOrDefault(c =>
                c.Descriptor.Type == benchmarkCase.Descriptor.Type && c.Job.Id == benchmarkCase.Job.Id &&
                Measurements.Length(c) == Measurements.Length(benchmarkCase) && Measurements.Inputs(c) == Measurements.Inputs(benchmarkCase) &&
                Measurements.Kind(c) == Peers.PeerKind.Ours);
            double? ratio = ours is null ? null : median / Measurements.MedianNs(summary, ours);
            string[] row =
            [
                table.Activation, table.ElementType.Name, benchmarkCase.Job.Id, kind.ToString(), table.Label(kind) ?? string.Empty,
                Measurements.Length(benchmarkCase).ToString(CultureInfo.InvariantCulture), Measurements.Inputs(benchmarkCase), Number(mean), Number(median),
                Number(summary[benchmarkCase]?.ResultStatistics?.StandardDeviation), Number(Measurements.NsPerElement(summary, benchmarkCase)),
                Number(Measurements.GigabytesPerSecond(summary, benchmarkCase)), Number(ratio),
                OurKernels.IsGenerated ? "true" : "false", cpu, os, runtime, BenchmarkConfig.Paths(benchmarkCase.Job),
            ];
            logger.WriteLine(string.Join(",", row.Select(Quote)));
        }
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : field;
}
