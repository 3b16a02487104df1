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
