namespace FusedActivations.Generator.Tests.Emitted;

/// <summary>
/// User code covering each shape, both element types, arguments and declaration contexts; shared by the snapshot,
/// determinism and compile-the-output tests so that they check the same cases. Public members are documented so that
/// the strict compilation test can report missing or malformed doc comments as the generated code's fault.
/// </summary>
internal static class RepresentativeSources
{
    public const string FloatSpanToSpanBeta2 = """
        using System;
        using FusedActivations;

        namespace Samples;

        /// <summary>Activations.</summary>
        public static partial class Activations
        {
            /// <summary>Softplus with beta 2.</summary>
            [Softplus(Beta = 2)]
            public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination);
        }
        """;

    public const string DoubleInPlaceDefault = """
        using System;
        using FusedActivations;

        namespace Samples;

        internal static partial class InPlace
        {
            [Softplus]
            internal static partial void SoftplusInPlace(Span<double> values);
        }
        """;

    public const string FloatScalarBetaHalf = """
        using FusedActivations;

        namespace Samples;

        /// <summary>Scalar activations.</summary>
        public partial struct Scalars
        {
            /// <summary>Softplus with beta 0.5.</summary>
            [Softplus(Beta = 0.5)]
            public static partial float Softplus(float x);
        }
        """;

    public const string NestedGenericContainingType = """
        using System;
        using FusedActivations;

        namespace Samples.Nested
        {
            /// <summary>Outer.</summary>
            public partial class Outer<T>
                where T : class
            {
                internal partial record struct Inner<U>
                {
                    [Softplus(Beta = 3, Threshold = double.PositiveInfinity, Unroll = 2)]
                    public static partial void Apply(ReadOnlySpan<double> x, Span<double> destination);
                }
            }
        }
        """;

    public const string GlobalNamespace = """
        using System;
        using FusedActivations;

        partial class GlobalActivations
        {
            [Softplus(Unroll = 8)]
            private static partial void Apply(Span<float> values);
        }
        """;

    /// <summary>Every source above, each as its own file of one compilation.</summary>
    public static string[] All =>
        new[] { FloatSpanToSpanBeta2, DoubleInPlaceDefault, FloatScalarBetaHalf, NestedGenericContainingType, GlobalNamespace };

    /// <summary>
    /// One method per activation of the family (issue 11), for its snapshot: the shapes and element types alternate so
    /// that the ten of them cover all six combinations, and each parameter is given a value other than its default.
    /// </summary>
    public static string FamilyMethod(string activation) => activation switch
    {
        "Sigmoid" => Family("[Sigmoid] public static partial void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);"),
        "Tanh" => Family("[Tanh] public static partial void Tanh(Span<double> values);"),
        "Silu" => Family("[Silu(Beta = 1.5)] public static partial float Silu(float x);"),
        "Mish" => Family("[Mish] public static partial void Mish(Span<float> values);"),
        "Elu" => Family("[Elu(Alpha = 0.5)] public static partial double Elu(double x);"),
        "Selu" => Family("[Selu] public static partial void Selu(ReadOnlySpan<float> x, Span<float> destination);"),
        "LogSigmoid" => Family("[LogSigmoid] public static partial void LogSigmoid(ReadOnlySpan<double> x, Span<double> destination);"),
        "Relu" => Family("[Relu] public static partial float Relu(float x);"),
        "LeakyRelu" => Family("[LeakyRelu(NegativeSlope = 0.2)] public static partial void LeakyRelu(Span<double> values);"),
        "HardSwish" => Family("[HardSwish] public static partial double HardSwish(double x);"),
        "Gelu" => Family("[Gelu] public static partial void Gelu(ReadOnlySpan<float> x, Span<float> destination);"),
        "SoftplusFast" => Family("[Softplus(Beta = 2, Precision = ActivationPrecision.Fast)] public static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);"),
        "SiluFast" => Family("[Silu(Beta = 1.5, Precision = ActivationPrecision.Fast)] public static partial void Silu(Span<float> values);"),
        _ => throw new System.ArgumentOutOfRangeException(nameof(activation), activation, "Not an activation of the family."),
    };

    /// <summary>The attributes of the family (issue 11) with their parameters: defaults and one other value each.</summary>
    public static readonly string[] FamilyAttributes =
    {
        "Sigmoid", "Tanh", "Silu", "Silu(Beta = 1.5)", "Mish", "Elu", "Elu(Alpha = 0.5)", "Selu", "LogSigmoid", "Relu",
        "LeakyRelu", "LeakyRelu(NegativeSlope = 0.2)", "HardSwish",
    };

    /// <summary>
    /// Every attribute of <see cref="FamilyAttributes"/> on float and double methods of the three shapes (78 methods),
    /// documented, in one file: what the strict compilation, determinism and incrementality tests run over.
    /// </summary>
    public static string FamilyMatrix
    {
        get
        {
            var members = new System.Text.StringBuilder();
            int index = 0;
            foreach (string attribute in FamilyAttributes)
            {
                foreach (string type in new[] { "float", "double" })
                {
                    string summary = $"    /// <summary>[{attribute}] on {type}.</summary>\n    [{attribute}]\n";
                    members.Append(summary).Append($"    public static partial void M{index++}(ReadOnlySpan<{type}> x, Span<{type}> destination);\n");
                    members.Append(summary).Append($"    public static partial void M{index++}(Span<{type}> values);\n");
                    members.Append(summary).Append($"    public static partial {type} M{index++}({type} x);\n");
                }
            }

            return "using System;\nusing FusedActivations;\n\nnamespace Samples.Family;\n\n/// <summary>The family.</summary>\npublic static partial class Matrix\n{\n" + members + "}\n";
        }
    }

    private static string Family(string member) => $$"""
        using System;
        using FusedActivations;

        namespace Samples.Family;

        /// <summary>An activation of the family.</summary>
        public static partial class Family
        {
            /// <summary>The activation.</summary>
            {{member}}
        }
        """;
}
