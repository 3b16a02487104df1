namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>How long each benchmark runs (<c>--job NAME</c>).</summary>
public enum RunLength
{
    /// <summary>BenchmarkDotNet's default job: as many iterations as its statistics ask for (about 40 s per case here).</summary>
    Default,

    /// <summary>BenchmarkDotNet's ShortRun counts: 1 launch, 3 warm-ups, 3 iterations. Noisy; for development.</summary>
    Short,

    /// <summary>
    /// The published tables (scripts/report.sh): 1 launch, the JIT warm-up of every setup, 15 warm-ups, 60 iterations of about 10 ms each (instead of
    /// BenchmarkDotNet's 500 ms; a call longer than that is one iteration), reported by their median: short iterations let
    /// the median drop the ones another tenant of this shared machine disturbed. About 5 s per case.
    /// </summary>
    Report,
}
