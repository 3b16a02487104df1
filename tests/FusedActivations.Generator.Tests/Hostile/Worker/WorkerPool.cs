using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>The outcome of one case as seen by the test host: the worker's response, or a timeout or crash.</summary>
public sealed record CaseOutcome(HostileCase Case, IReadOnlyList<HostileFailure> Failures, HostileResponse? Response, double Milliseconds);

/// <summary>
/// Runs hostile cases in worker processes (this test assembly started with <see cref="HostileWorkerProgram.Switch"/>),
/// one case at a time per worker, a worker per core. A case that does not answer within the time budget fails with a
/// "timeout" failure and its worker is killed and replaced: a hang in the generator costs one budget, not the CI run,
/// and no spinning thread is left behind. A worker that dies (stack overflow, exit) fails its case the same way.
/// </summary>
/// <remarks>
/// The budget is CPU time of the worker process, not wall-clock time: on a machine shared with other builds a case
/// may wait for a core for seconds, which must not count as a hang, while a hung generator spins and uses CPU. A
/// wall-clock limit of <see cref="WallClockFactor"/> times the budget (at least a minute) catches a worker that blocks
/// without spinning.
/// </remarks>
public sealed class WorkerPool : IDisposable
{
    private static readonly Lazy<WorkerPool> s_shared = new(() => new WorkerPool(Math.Min(2, Environment.ProcessorCount)));

    private readonly Worker?[] _workers;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private WorkerPool(int workers)
    {
        _workers = new Worker?[workers];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The pool every hostile test shares (at most two workers: the machine has two cores).</summary>
    public static WorkerPool Shared => s_shared.Value;

    /// <summary>Wall-clock limit of a case, as a multiple of its CPU budget.</summary>
    public const int WallClockFactor = 8;

    /// <summary>
    /// The CPU-time budget of one case: 10 s by default (the slowest real case takes well under 1 s),
    /// FUSEDACTIVATIONS_HOSTILE_CASE_SECONDS to change it.
    /// </summary>
    public static TimeSpan CaseBudget { get; } = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("FUSEDACTIVATIONS_HOSTILE_CASE_SECONDS"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double seconds) && seconds > 0 ? seconds : 10);

    /// <summary>Runs <paramref name="cases"/> (in parallel over the workers) and returns their outcomes in order.</summary>
    public IReadOnlyList<CaseOutcome> Run(IReadOnlyList<HostileCase> cases, TimeSpan? budget = null)
    {
        TimeSpan limit = budget ?? CaseBudget;
        var outcomes = new CaseOutcome[cases.Count];

        // One run at a time: tests that use the pool queue here instead of doubling the workers.
        _gate.Wait();
        try
        {
            int next = -1;
            Task[] lanes = Enumerable.Range(0, _workers.Length).Select(lane => Task.Factory.StartNew(() =>
            {
                for (int i = Interlocked.Increment(ref next); i < cases.Count; i = Interlocked.Increment(ref next))
                {
                    outcomes[i] = RunOne(lane, i, cases[i], limit);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            Task.WaitAll(lanes);
        }
        finally
        {
            _gate.Release();
        }

        return outcomes;
    }

    private CaseOutcome RunOne(int lane, int id, HostileCase hostile, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        Worker worker;
        try
        {
            worker = _workers[lane] ??= Worker.Start();
        }
        catch (Exception exception)
        {
            return new CaseOutcome(hostile, new[] { new HostileFailure("worker did not start", exception.ToString()) }, null, 0);
        }

        string? line = worker.Send(new HostileRequest(id, hostile), limit, out string? timeout);
        if (line is null)
        {
            string stderr = worker.Kill();
            _workers[lane] = null;
            HostileFailure failure = timeout is not null
                ? new HostileFailure(timeout, "killed the worker")
                : new HostileFailure($"worker process died (exit code {worker.ExitCode})", Tail(stderr, 3000));
            return new CaseOutcome(hostile, new[] { failure }, null, stopwatch.Elapsed.TotalMilliseconds);
        }

        HostileResponse response = JsonSerializer.Deserialize<HostileResponse>(line, HostileWorkerProgram.Json)!;
        return new CaseOutcome(hostile, response.Failures, response, stopwatch.Elapsed.TotalMilliseconds);
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : "..." + text.Substring(text.Length - length);

    public void Dispose()
    {
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i]?.Kill();
            _workers[i] = null;
        }
    }

    /// <summary>One worker process.</summary>
    private sealed class Worker
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new();

        // The worker's stdout lines, read on a thread of their own: an answer must not wait for a thread-pool thread
        // (async reads complete there), which the test host's other tests can keep busy for minutes. That starvation
        // once made answered cases time out on the wall clock with their worker idle.
        private readonly BlockingCollection<string?> _lines = new();

        private Worker(Process process)
        {
            _process = process;
            var reader = new Thread(() =>
            {
                try
                {
                    while (_process.StandardOutput.ReadLine() is { } line)
                    {
                        _lines.Add(line);
                    }
                }
                catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The worker was killed: end of its output.
                }

                _lines.Add(null);
            })
            {
                IsBackground = true,
                Name = "hostile worker stdout",
            };
            reader.Start();
        }

        public int ExitCode => _process.HasExited ? _process.ExitCode : -1;

        public static Worker Start()
        {
            string assembly = typeof(HostileWorkerProgram).Assembly.Location;
            string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
                ? path
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardInputEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
            start.ArgumentList.Add(HostileWorkerProgram.Switch);
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + host);
            var worker = new Worker(process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (worker._stderr)
                    {
                        worker._stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            process.StandardInput.NewLine = "\n";
            process.StandardInput.AutoFlush = true;

            // Warm-up (a first compilation, JIT) is not part of any case's budget, but it is bounded too.
            if (!worker.TryReadProtocolLine(TimeSpan.FromMinutes(3), acceptReady: true, out string? ready) || ready != HostileWorkerProgram.Ready)
            {
                string stderr = worker.Kill();
                throw new InvalidOperationException("the worker did not get ready: " + stderr);
            }

            return worker;
        }

        /// <summary>Sends a request; returns the response line, or null on timeout or when the worker died.</summary>
        public string? Send(HostileRequest request, TimeSpan limit, out string? timeout)
        {
            timeout = null;
            try
            {
                _process.StandardInput.WriteLine(JsonSerializer.Serialize(request, HostileWorkerProgram.Json));
            }
            catch (IOException)
            {
                return null;
            }

            TimeSpan startCpu = CpuTime();
            var wall = Stopwatch.StartNew();
            TimeSpan wallLimit = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, limit.Ticks * WallClockFactor));
            while (true)
            {
                if (!TryReadProtocolLine(TimeSpan.FromMilliseconds(100), acceptReady: false, out string? answer))
                {
                    return null; // The worker's output ended: it died.
                }

                if (answer is not null)
                {
                    return answer;
                }

                TimeSpan cpu = CpuTime() - startCpu;
                if (cpu > limit)
                {
                    timeout = $"timeout: no answer within {limit.TotalSeconds:0.#} s of CPU time (hang)";
                    return null;
                }

                if (wall.Elapsed > wallLimit)
                {
                    timeout = $"timeout: no answer within {wallLimit.TotalSeconds:0.#} s of wall-clock time, {cpu.TotalSeconds:0.#} s of CPU time used (blocked)";
                    return null;
                }
            }
        }

        /// <summary>
        /// Waits up to <paramref name="wait"/> for the next protocol line: true with the line, true with null when none came
        /// in time, false when the worker's output has ended. Other output (a stray Console.WriteLine) is skipped.
        /// </summary>
        private bool TryReadProtocolLine(TimeSpan wait, bool acceptReady, out string? line)
        {
            var clock = Stopwatch.StartNew();
            line = null;
            while (_lines.TryTake(out string? next, Max(TimeSpan.Zero, wait - clock.Elapsed)))
            {
                if (next is null)
                {
                    _lines.Add(null); // Stays ended for the next reader.
                    return false;
                }

                if (acceptReady && next == HostileWorkerProgram.Ready)
                {
                    line = next;
                    return true;
                }

                if (next.StartsWith(HostileWorkerProgram.LinePrefix, StringComparison.Ordinal))
                {
                    line = next.Substring(HostileWorkerProgram.LinePrefix.Length);
                    return true;
                }
            }

            return true;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        /// <summary>CPU time the worker process has used so far (all its threads).</summary>
        private TimeSpan CpuTime()
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }

        /// <summary>Kills the worker (if it still runs) and returns what it wrote to stderr.</summary>
        public string Kill()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }
}
