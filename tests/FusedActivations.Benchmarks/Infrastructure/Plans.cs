using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Benchmarks.Peers;

namespace FusedActivations.Benchmarks.Infrastructure;

/// <summary>One benchmark case as a plan sees it.</summary>
/// <param name="Activation">The activation, e.g. <c>Silu</c>.</param>
/// <param name="ElementType">float or double.</param>
/// <param name="IsBestPathJob">True in the first job (the machine's best SIMD path), false in the AVX2 job.</param>
/// <param name="Kind">The peer.</param>
/// <param name="Length">The number of elements.</param>
/// <param name="Inputs">The input range (<see cref="InputData"/>).</param>
public readonly record struct PlanCase(string Activation, Type ElementType, bool IsBestPathJob, PeerKind Kind, int Length, string Inputs);

/// <summary>Which cases a run measures (<c>--plan NAME</c>): the full matrix is far too large for one run.</summary>
/// <param name="Name">The name on the command line.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Includes">Whether it measures a case.</param>
/// <param name="Classes">
/// The benchmark classes outside the activation tables it runs whole (<see cref="Benchmarks.FusedGradientBenchmarks"/>,
/// <see cref="Benchmarks.ParallelBenchmarks"/>: they have no plan cases); none by default.
/// </param>
public sealed record Plan(string Name, string Description, Func<PlanCase, bool> Includes, Type[]? Classes = null)
{
    /// <summary>The benchmark classes outside the activation tables, which only the plans listing them run.</summary>
    public static readonly Type[] Standalone = [typeof(Benchmarks.FusedGradientBenchmarks), typeof(Benchmarks.ParallelBenchmarks), typeof(Benchmarks.FusedParallelBenchmarks), typeof(Benchmarks.FastBenchmarks)];

    /// <summary>Whether the plan runs <paramref name="type"/>, one of <see cref="Standalone"/>.</summary>
    public bool Runs(Type type) => Classes is { } classes && Array.Exists(classes, c => c.IsAssignableFrom(type));
}

/// <summary>
/// The plans. <c>softplus</c>, <c>family</c> and <c>fused</c> are the published runs (scripts/report.sh runs them one after
/// the other; <c>published</c>, the default, is the first two in one run); <c>all</c> is every case (hours; narrow it with <c>--filter</c>).
/// </summary>
public static class Plans
{
    /// <summary>The family activations measured at 1 Ki and 4 Mi too (float, narrow inputs): TensorPrimitives' own
    /// Sigmoid, the most used composition (SiLU), the costliest (Mish) and the memory-bound one (ReLU).</summary>
    public static readonly string[] Representative = ["Sigmoid", "Silu", "Mish", "Relu"];

    /// <summary>The length of the family's tables and of issue 11's speed bar.</summary>
    public const int FamilyLength = 65536;

    /// <summary>Softplus as published before the family: every length, narrow and wide, float and double, every peer, both jobs (180 cases).</summary>
    public static readonly Plan Softplus = new(
        "softplus",
        "Softplus: 1 Ki / 64 Ki / 4 Mi, narrow and wide, float and double, every peer, both jobs",
        c => c.Activation == "Softplus" && c.Inputs is InputData.Narrow or InputData.Wide);

    /// <summary>
    /// The family (every activation but Softplus): 64 Ki floats on narrow, wide and bar [−8, 8] inputs in both jobs;
    /// 64 Ki doubles on narrow and wide in the best-path job; 1 Ki and 4 Mi floats on narrow inputs for the
    /// <see cref="Representative"/> activations in both jobs. The scalar loops run in the best-path job only (scalar code:
    /// the same in both jobs).
    /// </summary>
    public static readonly Plan Family = new(
        "family",
        "the family: 64 Ki floats (narrow, wide, bar) in both jobs, 64 Ki doubles (narrow, wide) in the best-path job, " +
        $"1 Ki and 4 Mi floats (narrow) for {string.Join(", ", Representative)}; scalar loops in the best-path job only",
        c => c.Activation != "Softplus" && !FusedPeers.IsFused(c.Activation) &&
            (c.IsBestPathJob || c.Kind is not (PeerKind.NaiveScalar or PeerKind.StableScalar)) &&
            (c.ElementType == typeof(float)
                ? c.Length == FamilyLength || (Representative.Contains(c.Activation) && c.Inputs == InputData.Narrow)
                : c.Length == FamilyLength && c.IsBestPathJob && c.Inputs is InputData.Narrow or InputData.Wide));

    /// <summary>
    /// Issue 12's fused kernels (Scale, SwiGLU, bias + GELU): float, 64 Ki and 4 Mi, inputs [−8, 8], [−10, 10] and [−30, 30],
    /// every peer in both jobs but the formula's scalar loop, which runs in the best-path job only (162 cases).
    /// </summary>
    public static readonly Plan Fused = new(
        "fused",
        "the fused kernels (issue 12): float, 64 Ki and 4 Mi, inputs [-8, 8], [-10, 10], [-30, 30], both jobs; the scalar loop in the best-path job only",
        c => FusedPeers.IsFused(c.Activation) && (c.IsBestPathJob || c.Kind != PeerKind.NaiveScalar));

    /// <summary>
    /// Issue 12's gradient kernels against PyTorch's autograd (<see cref="Benchmarks.FusedGradientBenchmarks"/>): the scale
    /// head and SwiGLU, float, 64 Ki and 4 Mi, inputs [−8, 8], [−10, 10] and [−30, 30], both jobs (96 cases).
    /// </summary>
    public static readonly Plan Gradient = new(
        "gradient",
        "the gradient kernels (issue 12) against PyTorch autograd: float, 64 Ki and 4 Mi, inputs [-8, 8], [-10, 10], [-30, 30], both jobs",
        static _ => false,
        [typeof(Benchmarks.FusedGradientBenchmarks)]);

    /// <summary>
    /// Issue 14's parallel mode (<see cref="Benchmarks.ParallelBenchmarks"/>): float softplus β = 2 single-threaded and
    /// parallel, against PyTorch on one thread and on every core; the fused scale head and its training step the same way
    /// (<see cref="Benchmarks.FusedParallelBenchmarks"/>); 64 Ki to 16 Mi, narrow and wide, both jobs.
    /// </summary>
    public static readonly Plan Parallel = new(
        "parallel",
        "the parallel mode (issue 14): float softplus and the fused scale head (forward, training step) single-threaded and parallel against PyTorch on every core (softplus also on 1 thread), 64 Ki to 16 Mi, narrow and wide, both jobs",
        static _ => false,
        [typeof(Benchmarks.ParallelBenchmarks), typeof(Benchmarks.FusedParallelBenchmarks)]);

    /// <summary>
    /// Issue 13's Fast precision (<see cref="Benchmarks.FastBenchmarks"/>): Accurate, Fast and PyTorch for every
    /// activation with a Fast formula, float and double, 64 Ki, narrow and wide, both jobs (216 cases).
    /// </summary>
    public static readonly Plan Fast = new(
        "fast",
        "the Fast precision (issue 13): Accurate, Fast and PyTorch (one thread), float and double, 64 Ki, narrow and wide, both jobs",
        static _ => false,
        [typeof(Benchmarks.FastBenchmarks)]);

    /// <summary>Both published plans in one run.</summary>
    public static readonly Plan Published = new("published", "softplus and family together", c => Softplus.Includes(c) || Family.Includes(c));

    /// <summary>Every case: every activation, length, input range, element type, peer and job.</summary>
    public static readonly Plan All = new("all", "every case (the full matrix)", static _ => true, Plan.Standalone);

    /// <summary>The plans by name.</summary>
    public static IReadOnlyList<Plan> Named { get; } = [Published, Softplus, Family, Fused, Gradient, Parallel, Fast, All];

    /// <summary>The plan named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Plan? Find(string name) => Named.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
