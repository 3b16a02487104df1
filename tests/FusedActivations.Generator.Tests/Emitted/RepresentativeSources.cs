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
}
