using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FusedActivations.Benchmarks.Benchmarks;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// <c>--smoke</c>: for CI. Discovers the benchmarks the way BenchmarkDotNet does (same classes, generic arguments,
/// setups and filter), then, for every benchmark method, every input range (the <c>Inputs</c> parameter) and a few small lengths, runs its <c>[GlobalSetup]</c>, the
/// benchmark method once, and checks that every output is finite and within a loose tolerance of the peer's accurate
/// reference: |y − r| ≤ rel·|r| + abs with (rel, abs) = (1e-5, 1e-6) for float and (1e-12, 1e-14) for double (loose enough
/// for the naive and TensorPrimitives forms, whose large relative errors are all below e^−17). Peers that cannot run here
/// (e.g. no TorchSharp natives) count as skipped. The fused kernels' peers are checked the same way on two shapes
/// (<see cref="FusedShapes"/>), and PyTorch's autograd of two formulas against hand-written derivatives
/// (<see cref="FusedSmokeChecks"/>). Takes seconds; ends with "N passed, N failed, N skipped".
/// </summary>
public static class SmokeCommand
{
    /// <summary>The lengths checked: a single element, a vector tail, one benchmark length, and one past 64 Ki.</summary>
    public static readonly int[] Lengths = [1, 37, 1024, 70001];

    /// <summary>
    /// The family's classes (<see cref="FamilyBenchmarks{T}"/>, a dozen activations on the same engine loops as Softplus):
    /// one length per input range, so each method still meets the main loop, a short tail and a benchmark length, and the
    /// smoke check stays fast: narrow at 70001, wide at 37, bar at 1024.
    /// </summary>
    public static int FamilyLength(string inputs) => inputs switch { InputData.Wide => 37, InputData.Bar => 1024, _ => 70001 };

    /// <summary>Runs the check; returns the process exit code (0 when nothing failed).</summary>
    public static int Run(TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        output.WriteLine($"Smoke check: best path {ActivePath.Describe()}; our kernels {(OurKernels.IsGenerated ? "generated" : "STAND-IN")}; lengths {string.Join(", ", Lengths)}");
        // The cases of the published runs and of the fused plan (every benchmark method and input range they measure), and
        // the peers of activations whose kernels are not declared yet.
        var plan = new Plan("smoke", "published and fused", c => Plans.Published.Includes(c) || Plans.Fused.Includes(c));
        IConfig config = BenchmarkConfig.Create(RunLength.Short, bestPathOnly: true, plan: plan, withoutOurs: true, log: m =>
        {
            if (!m.StartsWith("Job ", StringComparison.Ordinal))
            {
                output.WriteLine("  " + m); // The jobs' environment variables do not apply here: the smoke check runs in this process.
            }
        });
        int passed = 0, failed = 0, skipped = 0;
        JitWarmUp.Enabled = false; // nothing is timed here
        foreach (Type type in BenchmarkTypes())
        {
            BenchmarkRunInfo info = BenchmarkConverter.TypeToBenchmarks(type, config);
            var seen = new HashSet<string>();
            foreach (BenchmarkCase benchmarkCase in info.BenchmarksCases)
            {
                string inputs = Measurements.Inputs(benchmarkCase);
                if (!seen.Add(benchmarkCase.Descriptor.WorkloadMethod.Name + " " + inputs))
                {
                    continue; // The same method and inputs at the other lengths: the smoke lengths replace them.
                }

                bool isFamily = type.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(FamilyBenchmarks<>);
                bool isFused = typeof(FusedBenchmarks).IsAssignableFrom(type);
                (int Length, int Channels)[] shapes = isFused ? [.. FusedShapes.Select(s => (s.Rows * s.Channels, s.Channels))]
                    : isFamily ? [(FamilyLength(inputs), 0)] : [.. Lengths.Select(l => (l, 0))];
                foreach ((int length, int channels) in shapes)
                {
                    string shape = channels == 0 ? $"{length}" : $"{length / channels}×{channels}";
                    string name = $"{TypeName(type)}.{benchmarkCase.Descriptor.WorkloadMethod.Name}[{shape}, {inputs}]";
                    try
                    {
                        string detail = isFused ? FusedSmokeChecks.Check(benchmarkCase, length, channels) : Check(benchmarkCase, length);
                        output.WriteLine($"PASS {name}: {detail}");
                        passed++;
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        Exception inner = e;
                        while (inner is TargetInvocationException { InnerException: { } i })
                        {
                            inner = i;
                        }

                        output.WriteLine($"FAIL {name}: {inner.GetType().Name}: {inner.Message}");
                        failed++;
                    }
                }
            }

            // Methods the filter removed: the peer cannot run here (the reason was printed above). Peers the activation does
            // not have at all are not benchmark cases.
            IActivationTable table = ((IActivationBenchmarks)Activator.CreateInstance(type)!).Table;
            foreach (MethodInfo method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkDotNet.Attributes.BenchmarkAttribute>() is not null &&
                Enum.TryParse(m.Name, out PeerKind kind) && table.Label(kind) is not null))
            {
                if (!seen.Any(s => s.StartsWith(method.Name + " ", StringComparison.Ordinal)))
                {
                    output.WriteLine($"SKIP {TypeName(type)}.{method.Name}");
                    skipped++;
                }
            }
        }

        // Checks that are not benchmark cases: each PASS or FAIL with the exception's message.
        void RunCheck(string name, Func<string> check)
        {
            try
            {
                output.WriteLine($"PASS {name}: {check()}");
                passed++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Exception inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                output.WriteLine($"FAIL {name}: {inner.GetType().Name}: {inner.Message}");
                failed++;
            }
        }

        foreach ((string name, Func<string> check) in FusedSmokeChecks.OurGradients().Concat(
            [.. new[] { "Scale", "SwiGlu" }.Select(k => ($"FusedGradientBenchmarks[{k}]", (Func<string>)(() => FusedSmokeChecks.CheckGradientBenchmarks(k)))),
             .. new[] { InputData.Narrow, InputData.Wide }.Select(r => ($"ParallelBenchmarks[{r}]", (Func<string>)(() => ParallelSmokeCheck.Run(r)))),
             .. new[] { "Scale", "ScaleStep" }.Select(k => ($"FusedParallelBenchmarks[{k}]", (Func<string>)(() => ParallelSmokeCheck.RunFused(k)))),
             .. new[] { "Softplus", "Sigmoid", "Tanh", "Silu", "Elu", "Selu", "LogSigmoid", "Mish", "GeluTanh" }.SelectMany(a => new[] { "float", "double" }.Select(e => ($"FastBenchmarks[{a}, {e}]", (Func<string>)(() => FastSmokeCheck.Run(a, e, InputData.Narrow)))))]))
        {
            RunCheck(name, check);
        }

        foreach ((string name, Func<string> check) in FusedSmokeChecks.Autograd())
        {
            if (FusedSmokeChecks.WhyAutogradUnavailable() is { } reason)
            {
                output.WriteLine($"SKIP {name}: {reason}");
                skipped++;
                continue;
            }

            RunCheck(name, check);
        }

        output.WriteLine($"Smoke check finished in {clock.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    /// <summary>
    /// The fused kernels' shapes (rows × channels): rows of 7 channels, so every row ends inside a vector, and rows of the
    /// benchmarks' <see cref="FusedPeers.Channels"/>, past 64 Ki elements.
    /// </summary>
    public static readonly (int Rows, int Channels)[] FusedShapes = [(37, 7), (69, FusedPeers.Channels)];

    /// <summary>A benchmark class as the reports name it: <c>SiluBenchmarks&lt;Single&gt;</c>, <c>ScaleBenchmarks</c>.</summary>
    public static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}>" : type.Name;

    /// <summary>The concrete benchmark classes: every [GenericTypeArguments] closing of every activation benchmark class.</summary>
    public static IEnumerable<Type> BenchmarkTypes()
    {
        foreach (Type type in typeof(SmokeCommand).Assembly.GetTypes().Where(t => typeof(IActivationBenchmarks).IsAssignableFrom(t) && !t.IsAbstract))
        {
            if (!type.IsGenericTypeDefinition)
            {
                yield return type;
                continue;
            }

            foreach (BenchmarkDotNet.Attributes.GenericTypeArgumentsAttribute arguments in type.GetCustomAttributes<BenchmarkDotNet.Attributes.GenericTypeArgumentsAttribute>())
            {
                yield return type.MakeGenericType(arguments.GenericTypeArguments);
            }
        }
    }

    private static string Check(BenchmarkCase benchmarkCase, int length)
    {
        object instance = Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        Type elementType = ((IActivationBenchmarks)instance).Table.ElementType;
        MethodInfo check = typeof(SmokeCommand).GetMethod(nameof(CheckTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(elementType);
        return (string)check.Invoke(null, [benchmarkCase, instance, length])!;
    }

    private static string CheckTyped<T>(BenchmarkCase benchmarkCase, ActivationBenchmarks<T> benchmarks, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        benchmarks.Length = length;
        benchmarks.Inputs = Measurements.Inputs(benchmarkCase) is { Length: > 0 } inputs ? inputs : InputData.Narrow;
        benchmarkCase.Descriptor.GlobalSetupMethod?.Invoke(benchmarks, null);
        try
        {
            benchmarkCase.Descriptor.WorkloadMethod.Invoke(benchmarks, null);
            benchmarks.Publish();
            Peer<T> peer = benchmarks.Current ?? throw new InvalidOperationException("the setup did not set a peer up");
            (double relative, double absolute) = typeof(T) == typeof(float) ? (1e-5, 1e-6) : (1e-12, 1e-14);
            ReadOnlySpan<T> x = benchmarks.Input;
            ReadOnlySpan<T> y = benchmarks.Output;
            if (x.Length != length || y.Length != length)
            {
                throw new InvalidOperationException($"buffers of {x.Length}/{y.Length} elements for Length = {length}");
            }

            double worst = 0;
            for (int i = 0; i < length; i++)
            {
                double want = double.CreateChecked(peer.Reference(x[i]));
                if (double.IsNaN(want))
                {
                    continue; // The peer is known to fail here (see its reference); the accuracy command measures how badly.
                }

                double got = double.CreateChecked(y[i]);
                double error = Math.Abs(got - want);
                double scale = Math.Max(1, Math.Abs(double.CreateChecked(x[i])));
                if (!double.IsFinite(got) || error > (relative * Math.Abs(want)) + (absolute * scale))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"x[{i}] = {x[i]}: got {got:R}, expected {want:R} ({peer.Label})"));
                }

                worst = Math.Max(worst, error / (Math.Abs(want) + absolute));
            }

            return string.Create(CultureInfo.InvariantCulture, $"max scaled error {worst:G3} ({peer.Label})");
        }
        finally
        {
            benchmarkCase.Descriptor.GlobalCleanupMethod?.Invoke(benchmarks, null);
        }
    }
}
