using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Tests.Emitted;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>A well-formed source the mutation operators start from.</summary>
public sealed record Seed(string Name, string Source);

/// <summary>
/// The seeds of the hostile suite: the representative sources of the snapshot tests (every shape, both element types,
/// arguments, nesting, generics, global namespace), the family's parameter readers, a [Fused] and a [FusedGradient]
/// method, and one file of the hand-written math the analyzer flags, so that
/// the analyzer and both code fixes see mutants that keep them busy (the analyzer runs over every mutant of every seed).
/// The math has no [Softplus] method of its own: each of its mutants would otherwise compile a whole generated kernel,
/// which would double the suite's time for no new generator input. Each generator seed compiles without any error or
/// warning once generated (checked by <see cref="HostileSuiteGuardTests"/>).
/// </summary>
internal static class HostileSeeds
{
    /// <summary>Naive loops and expressions (FA2001, FA2003, FA2004, FA2006, FA2007), one of them fixable with a kernel.</summary>
    public const string NaiveMath = """
        using System;

        namespace Hostile.Naive;

        public static class Naive
        {
            public static void Slow(double[] x, double[] y, double b)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = Math.Log(1 + Math.Exp(b * x[i])) / b;
                }
            }

            public static float Forms(float a, float c) =>
                MathF.Log(MathF.Exp(a) + MathF.Exp(c)) + MathF.Exp(a) / (1 + MathF.Exp(a)) - MathF.Log(1 + a) + (MathF.Exp(c) - 1);
        }
        """;

    /// <summary>
    /// The family's parameter readers (issue 11): NegativeSlope and Alpha, each read and validated by its own activation,
    /// so that the literal swaps set them to every hostile literal. One method per seed, as in the others: the oracle
    /// allows one FA error per changed token, and a context such as C# 10 reports one per method. LeakyReLU's and
    /// ELU's kernels are among the smallest (430 and 1,100 lines against Softplus's 1,800), which keeps these seeds'
    /// share of the suite's time small.
    /// </summary>
    public const string FamilyNegativeSlope = """
        using System;
        using FusedActivations;

        namespace Hostile.Family;

        public static partial class Leaky
        {
            [LeakyRelu(NegativeSlope = 0.2)]
            public static partial void Apply(Span<float> values);
        }
        """;

    /// <summary>See <see cref="FamilyNegativeSlope"/>.</summary>
    public const string FamilyAlpha = """
        using FusedActivations;

        namespace Hostile.Family;

        public static partial class Exponential
        {
            [Elu(Alpha = 0.5)]
            public static partial double Elu(double x);
        }
        """;

    /// <summary>
    /// A <c>[Fused]</c> method: the positive scale head, with a broadcast input and a const (the fused parser,
    /// the formula's lowering and the fused emitter, whose generated names meet the user's formula and parameter names).
    /// One method per seed, as in <see cref="FamilyNegativeSlope"/>.
    /// </summary>
    public const string FusedScaleHead = """
        using System;
        using FusedActivations;

        namespace Hostile.Fused;

        public static partial class Head
        {
            const float Epsilon = 1e-6f;

            static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + Epsilon;

            [Fused(nameof(Scale))]
            public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);
        }
        """;

    /// <summary>
    /// A <c>[FusedGradient]</c> method: a gated unit with a local and a run-time scalar, its gradient to an elementwise
    /// and a broadcast input (the derivative, a widened rule, the broadcast gradient's row sums), in parallel (the chunk
    /// driver and its runtime calls).
    /// </summary>
    public const string FusedGateGradient = """
        using System;
        using FusedActivations;

        namespace Hostile.Fused;

        public static partial class Gate
        {
            static float Glu(float a, float b, float s)
            {
                float t = a * s;
                return FusedMath.Silu(t) * b;
            }

            [FusedGradient(nameof(Glu), Parallel = true)]
            public static partial void GluBackward(ReadOnlySpan<float> a, [Broadcast] ReadOnlySpan<float> b, float s,
                ReadOnlySpan<float> gradOutput, Span<float> gradA, Span<float> gradB);
        }
        """;

    /// <summary>The seeds with activation methods, then the fused ones.</summary>
    public static IReadOnlyList<Seed> Generator { get; } = new[]
    {
        new Seed(nameof(RepresentativeSources.FloatSpanToSpanBeta2), RepresentativeSources.FloatSpanToSpanBeta2),
        new Seed(nameof(RepresentativeSources.DoubleInPlaceDefault), RepresentativeSources.DoubleInPlaceDefault),
        new Seed(nameof(RepresentativeSources.FloatScalarBetaHalf), RepresentativeSources.FloatScalarBetaHalf),
        new Seed(nameof(RepresentativeSources.NestedGenericContainingType), RepresentativeSources.NestedGenericContainingType),
        new Seed(nameof(RepresentativeSources.GlobalNamespace), RepresentativeSources.GlobalNamespace),
        new Seed(nameof(FamilyNegativeSlope), FamilyNegativeSlope),
        new Seed(nameof(FamilyAlpha), FamilyAlpha),
        new Seed(nameof(FusedScaleHead), FusedScaleHead),
        new Seed(nameof(FusedGateGradient), FusedGateGradient),
    };

    /// <summary>Every seed: the generator seeds and the analyzer's.</summary>
    public static IReadOnlyList<Seed> All { get; } = Generator.Append(new Seed(nameof(NaiveMath), NaiveMath)).ToArray();

    /// <summary>The cases every worker runs once before its first timed case (JIT of everything the oracle uses).</summary>
    public static HostileCase[] WarmUp { get; } =
    {
        new("warm-up", "a generator seed", new[] { RepresentativeSources.FloatSpanToSpanBeta2 }, OracleKind.Swap),
        new("warm-up", "the analyzer seed", new[] { NaiveMath }, OracleKind.Broken),
    };
}
