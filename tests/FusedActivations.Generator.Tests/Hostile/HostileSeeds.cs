using System.Collections.Generic;
using FusedActivations.Generator.Tests.Emitted;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>A well-formed source the mutation operators start from.</summary>
public sealed record Seed(string Name, string Source);

/// <summary>
/// The seeds of the hostile suite: the representative sources of the snapshot tests (every shape, both element types,
/// arguments, nesting, generics, global namespace) and one file that mixes a generated kernel with the hand-written
/// math the analyzer flags, so that the analyzer and its fixes see every mutant too. Each seed compiles without any
/// error or warning once generated (checked by <see cref="HostileSuiteGuardTests"/>).
/// </summary>
internal static class HostileSeeds
{
    /// <summary>A [Softplus] method next to naive loops and expressions (FA2001, FA2003, FA2004, FA2006, FA2007).</summary>
    public const string Mixed = """
        using System;
        using FusedActivations;

        namespace Hostile.Mixed;

        public static partial class Mixed
        {
            [Softplus(Beta = 2, Threshold = 15, Unroll = 4)]
            public static partial void Fast(ReadOnlySpan<float> x, Span<float> destination);

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

    public static IReadOnlyList<Seed> All { get; } = new[]
    {
        new Seed(nameof(RepresentativeSources.FloatSpanToSpanBeta2), RepresentativeSources.FloatSpanToSpanBeta2),
        new Seed(nameof(RepresentativeSources.DoubleInPlaceDefault), RepresentativeSources.DoubleInPlaceDefault),
        new Seed(nameof(RepresentativeSources.FloatScalarBetaHalf), RepresentativeSources.FloatScalarBetaHalf),
        new Seed(nameof(RepresentativeSources.NestedGenericContainingType), RepresentativeSources.NestedGenericContainingType),
        new Seed(nameof(RepresentativeSources.GlobalNamespace), RepresentativeSources.GlobalNamespace),
        new Seed(nameof(Mixed), Mixed),
    };

    /// <summary>The case every worker runs once before its first timed case.</summary>
    public static HostileCase WarmUp { get; } = new("warm-up", "the Mixed seed", new[] { Mixed }, OracleKind.Swap);
}
