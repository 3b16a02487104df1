using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>
/// Orders the summary table by length, then input range (narrow first), then job, then peer in <see cref="Peers.PeerKind"/> order (ours first, roofline
/// last), instead of BenchmarkDotNet's alphabetical method order.
/// </summary>
public sealed class PeerOrderer() : DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared)
{
    /// <inheritdoc/>
    public override IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary)
    {
        List<string> jobs = [.. benchmarksCases.Select(c => c.Job.Id).Distinct()];
        return base.GetSummaryOrder(benchmarksCases, summary)
            .OrderBy(c => c.Descriptor.Type.FullName)
            .ThenBy(Measurements.Length)
            .ThenBy(c => InputData.Order(Measurements.Inputs(c)))
            .ThenBy(c => jobs.IndexOf(c.Job.Id))
            .ThenBy(c => Measurements.Kind(c) is { } kind ? (int)kind : int.MaxValue);
    }
}
