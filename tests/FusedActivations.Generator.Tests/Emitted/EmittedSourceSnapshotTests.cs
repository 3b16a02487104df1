using System.Threading.Tasks;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static FusedActivations.Generator.Tests.Snapshots.Verifier;

namespace FusedActivations.Generator.Tests.Emitted;

/// <summary>
/// The generated source of representative methods, compared with approved files
/// (<c>EmittedSourceSnapshotTests.{Test}.verified.cs</c> beside this file). After an intended change to the emitter,
/// review the <c>.received.cs</c> files and approve them with <c>FUSEDACTIVATIONS_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public sealed class EmittedSourceSnapshotTests
{
    [Fact]
    public Task FloatSpanToSpanBeta2() => Verify(GeneratedSource(RepresentativeSources.FloatSpanToSpanBeta2), "cs");

    [Fact]
    public Task DoubleInPlaceDefault() => Verify(GeneratedSource(RepresentativeSources.DoubleInPlaceDefault), "cs");

    [Fact]
    public Task FloatScalarBetaHalf() => Verify(GeneratedSource(RepresentativeSources.FloatScalarBetaHalf), "cs");

    [Fact]
    public Task NestedGenericContainingType() => Verify(GeneratedSource(RepresentativeSources.NestedGenericContainingType), "cs");

    [Fact]
    public Task GlobalNamespace() => Verify(GeneratedSource(RepresentativeSources.GlobalNamespace), "cs");

    /// <summary>Parallel = true: the method hands its kernel's Run to the runtime's ParallelKernels (threshold folded).</summary>
    [Fact]
    public Task ParallelSpanToSpanAndInPlace() => Verify(string.Join("\n", GeneratedMethods("""
        using System;
        using FusedActivations;

        namespace Samples;

        public static partial class Large
        {
            [Softplus(Beta = 2, Parallel = true)]
            public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination);

            [Silu(Parallel = true, ParallelThreshold = 100000)]
            public static partial void SiluInPlace(Span<double> values);
        }
        """)), "cs");

    /// <summary>A method with an error: the body that throws, which keeps the compiler from adding CS8795.</summary>
    [Fact]
    public Task StubForInvalidGenericMethod() => Verify(GeneratedStub("""
        using System;
        using FusedActivations;

        namespace Samples;

        public static partial class Broken
        {
            [Softplus(Beta = 2)]
            public static partial ref readonly T F<T>(scoped ReadOnlySpan<T> x, string? name) where T : struct, IComparable<T>;
        }
        """), "cs");

    /// <summary>A partial method written with a body: the missing definition, which keeps the compiler from adding CS0759.</summary>
    [Fact]
    public Task DefinitionForMethodWithBody() => Verify(GeneratedStub("""
        using System;
        using FusedActivations;

        namespace Samples;

        public static partial class Broken
        {
            [Softplus]
            public static partial void F(Span<float> values) { }
        }
        """), "cs");

    private static string GeneratedStub(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source).AssertNoGeneratorFailure();
        Assert.NotEmpty(run.Diagnostics);
        GeneratedSourceResult generated = Assert.Single(run.Result.GeneratedSources);
        return generated.SourceText.ToString();
    }

    [Fact]
    public Task SharedFloatKernel() => Verify(GeneratedKernel(RepresentativeSources.FloatSpanToSpanBeta2), "cs");

    [Fact]
    public Task SharedDoubleKernel() => Verify(GeneratedKernel(RepresentativeSources.DoubleInPlaceDefault), "cs");

    /// <summary>The one method file generated for <paramref name="source"/>, which must be valid.</summary>
    private static string GeneratedSource(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        GeneratedSourceResult generated = Assert.Single(run.MethodSources);
        return generated.SourceText.ToString();
    }

    /// <summary>The method files generated for <paramref name="source"/>, which must be valid, in hint-name order.</summary>
    private static string[] GeneratedMethods(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(
            System.Linq.Enumerable.OrderBy(run.MethodSources, g => g.HintName, System.StringComparer.Ordinal), g => g.SourceText.ToString()));
    }

    /// <summary>The one shared kernel generated for <paramref name="source"/>.</summary>
    private static string GeneratedKernel(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        return Assert.Single(run.KernelSources).SourceText.ToString();
    }
}
