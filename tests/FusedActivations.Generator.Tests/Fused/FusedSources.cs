using System.Linq;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>Test sources of fused methods.</summary>
internal static class FusedSources
{
    /// <summary>The issue's example, exactly as the issue spells it.</summary>
    public const string IssueExample = """
        using System;
        using FusedActivations;

        namespace Tests;

        public static partial class Head
        {
            static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + 1e-6f;

            [Fused(nameof(Scale))]
            public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

            [FusedGradient(nameof(Scale))]
            public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
                ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

            static float SwiGlu(float a, float b) => FusedMath.Silu(a) * b;

            [Fused(nameof(SwiGlu))]
            public static partial void SwiGlu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination);
        }
        """;

    /// <summary>
    /// Every construct the parser handles: locals, tuples, inlining, conditionals, each library, scalars, broadcasts;
    /// gradients of one output and of two.
    /// </summary>
    public const string Rich = """
        using System;
        using FusedActivations;

        namespace Fuzz;

        public static partial class Head
        {
            const float Eps = 1e-6f;

            static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f, 20f) + Eps;

            static float Helper(float u)
            {
                float w = u * 0.5f;
                return MathF.Max(w, -u) + FusedMath.LeakyRelu(w, 0.2f);
            }

            static (float, float) Pair(float a, float b, float s)
            {
                var t = Helper(a) * s;
                float c = a > b ? MathF.Exp(-t) : FusedMath.Log1P(b);
                return (c, Math.Clamp(t, -1f, 1f));
            }

            static double Wide(double x) => FusedMath.Elu(x, 0.5) * Math.Sqrt(Math.Abs(x)) - FusedMath.GeluTanh(x) / 3;

            [Fused(nameof(Scale))]
            public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

            [FusedGradient(nameof(Scale))]
            public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
                ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

            [Fused(nameof(Pair))]
            public static partial void Pairs(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float s, Span<float> c, Span<float> d);

            [FusedGradient(nameof(Pair))]
            public static partial void PairsBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float s,
                ReadOnlySpan<float> gradC, ReadOnlySpan<float> gradD, Span<float> gradA, Span<float> gradB);

            [Fused(nameof(Wide))]
            internal static partial void Wide(ReadOnlySpan<double> x, Span<double> destination);
        }
        """;

    /// <summary>
    /// <paramref name="members"/> in <c>public static partial class Head</c> (namespace <c>Tests</c>), after a float
    /// method <c>F</c> applying formula <c>G</c> with one elementwise input per formula parameter (x, then y, z).
    /// </summary>
    public static string Float(string formula, int inputs = 1) => InHead(formula + "\n" + Method("float", inputs));

    /// <summary>As <see cref="Float"/>, for double.</summary>
    public static string Double(string formula, int inputs = 1) => InHead(formula + "\n" + Method("double", inputs));

    /// <summary><paramref name="members"/> in <c>public static partial class Head</c> in namespace <c>Tests</c>.</summary>
    public static string InHead(string members) => $$"""
        using System;
        using FusedActivations;

        namespace Tests;

        public static partial class Head
        {
        {{members}}
        }
        """;

    private static string Method(string t, int inputs)
    {
        string parameters = string.Join(", ", new[] { "x", "y", "z", "w" }[..inputs].Select(name => $"ReadOnlySpan<{t}> {name}"));
        return $"    [Fused(nameof(G))] public static partial void F({parameters}, Span<{t}> destination);";
    }
}
