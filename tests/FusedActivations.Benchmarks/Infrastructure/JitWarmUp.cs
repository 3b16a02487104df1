using System;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>
/// Runs a peer until the tiered JIT has compiled it fully, in every benchmark setup (activations and fused kernels
/// alike), before BenchmarkDotNet's warm-up iterations.
/// </summary>
public static class JitWarmUp
{
    /// <summary>
    /// Whether the setups warm up (<see cref="Run"/>); the smoke check turns it off, since it calls every setup once and
    /// times nothing.
    /// </summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>
    /// Calls <paramref name="run"/> in rounds of at least 64 calls and 100 ms (at most 1 s each), with a 150 ms pause
    /// after each, until the JIT has compiled no new method during two rounds in a row (at least 3 rounds, at most 20 s).
    /// The tiered JIT recompiles hot methods (tier 0, instrumented, tier 1) in the background after 30 calls and a
    /// 100 ms quiet period; the published job's iterations are 10 ms long, so without this the measured iterations ran
    /// code that was still being recompiled (seen: the TensorPrimitives composition at 1 Ki went from 9.9 to 4.1
    /// ns/element during the 60 measured iterations after a fixed three-round warm-up). Calls longer than a round rely
    /// on on-stack replacement, as before. Does nothing when not <see cref="Enabled"/>.
    /// </summary>
    public static void Run(Action run)
    {
        if (!Enabled)
        {
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        int quietRounds = 0;
        for (int round = 0; (round < 3 || quietRounds < 2) && clock.ElapsedMilliseconds < 20_000; round++)
        {
            long start = clock.ElapsedMilliseconds;
            int calls = 0;
            while ((calls < 64 || clock.ElapsedMilliseconds - start < 100) && clock.ElapsedMilliseconds - start < 1000)
            {
                run();
                calls++;
            }

            System.Threading.Thread.Sleep(150);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quietRounds = now == compiled ? quietRounds + 1 : 0;
            compiled = now;
        }
    }
}
