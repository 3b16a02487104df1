using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>A numeric column computed from a case's summary.</summary>
public sealed class FigureColumn(string id, string name, string legend, Func<Summary, BenchmarkCase, double?> figure) : IColumn
{
    /// <summary>Median time divided by the number of elements.</summary>
    public static readonly IColumn NsPerElement = new FigureColumn(
        "NsPerElement", "ns/elem", "Median time per element, in nanoseconds", Measurements.NsPerElement);

    /// <summary>Bytes read plus bytes written per second.</summary>
    public static readonly IColumn GigabytesPerSecond = new FigureColumn(
        "GBps", "GB/s", "Bytes read plus bytes written (arrays x Length x element size; 2 arrays for an activation, 3 for SwiGLU) per second (median time), in 10^9 bytes", Measurements.GigabytesPerSecond);

    /// <inheritdoc/>
    public string Id => id;

    /// <inheritdoc/>
    public string ColumnName => name;

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => legend;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Measurements.Format(figure(summary, benchmarkCase));

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
