namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>How long each benchmark runs (<c>--job NAME</c>).</summary>
public enum RunLength
{
    /// <summary>BenchmarkDotNet's default job: as many iterations as its statistics ask for (about 40 s per case here).</summary>
    Default,

    /// <summary>BenchmarkDotNet's ShortRun counts: 1 launch, 3 warm-ups, 3 iterations. Noisy; for development.</summary>
    Short,

    /// <summary>1 launch, 5 warm-ups, 10 iterations: the published tables (scripts/report.sh), about 15 s per case.</summary>
    Report,
}
