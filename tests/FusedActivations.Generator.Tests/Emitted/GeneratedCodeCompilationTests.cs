using System.IO;
using System.Linq;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace FusedActivations.Generator.Tests.Emitted;

/// <summary>
/// The generated code must build in the strictest user project: C# 11 (the lowest version the generator accepts),
/// .NET 8 reference assemblies, nullable enabled, unsafe code off, doc comments checked, every warning at the highest
/// level an error.
/// </summary>
public sealed class GeneratedCodeCompilationTests
{
    // Names and modifiers that the generated declaration must repeat correctly.
    private const string Awkward = """
        using System;
        using FusedActivations;

        namespace @namespace.Edge;

        /// <summary>Keywords as names.</summary>
        public static partial class @static
        {
            /// <summary>Keywords as names.</summary>
            [Softplus(Beta = 1.5)]
            public static partial void @default(scoped ReadOnlySpan<float> @in, Span<float> @out);

            [Softplus(Threshold = -2)]
            internal static partial double @double(double @float);
        }
        """;

    [Fact]
    public void GeneratedCodeCompilesWithoutWarnings()
    {
        CSharpCompilation input = TestCompilation.Create(
            TestCompilation.ParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose),
            RepresentativeSources.All.Append(Awkward).ToArray());
        Assert.Empty(input.GetParseDiagnostics());

        GeneratorRun run = GeneratorHarness.Run(input).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Equal(RepresentativeSources.All.Length + 2, run.MethodSources.Length);

        EmitResult emitted = run.OutputCompilation.Emit(Stream.Null);
        Diagnostic[] problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(
            problems.Length == 0,
            "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(d => d.ToString())));
        Assert.True(emitted.Success);
    }

    /// <summary>
    /// Every attribute of the family (issue 11), with default and other parameters, on float and double methods of the
    /// three shapes, with the Softplus sources beside them: one compilation holds every kernel at once, as a real
    /// project using several activations does, so names shared between kernels must not collide either.
    /// </summary>
    [Fact]
    public void TheFamilyCompilesWithoutWarnings()
    {
        CSharpCompilation input = TestCompilation.Create(
            TestCompilation.ParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose),
            RepresentativeSources.All.Append(RepresentativeSources.FamilyMatrix).ToArray());
        Assert.Empty(input.GetParseDiagnostics());

        GeneratorRun run = GeneratorHarness.Run(input).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Equal(RepresentativeSources.All.Length + RepresentativeSources.FamilyAttributes.Length * 6, run.MethodSources.Length);
        foreach (string activation in new[] { "Sigmoid", "Tanh", "Silu", "Mish", "Elu", "Selu", "LogSigmoid", "Relu", "LeakyRelu", "HardSwish" })
        {
            foreach (string element in new[] { "Single", "Double" })
            {
                Assert.Contains(run.KernelSources, kernel => kernel.HintName.StartsWith($"FusedActivations.Generated.{activation}{element}Kernel_", System.StringComparison.Ordinal));
            }
        }

        EmitResult emitted = run.OutputCompilation.Emit(Stream.Null);
        Diagnostic[] problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(
            problems.Length == 0,
            "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20).Select(d => d.ToString())));
        Assert.True(emitted.Success);
    }

    /// <summary>
    /// The fused seeds of the hostile suite (a <c>[Fused]</c> method with a broadcast input; a parallel
    /// <c>[FusedGradient]</c> with a run-time scalar and a summed broadcast gradient), in the same strict project.
    /// </summary>
    [Fact]
    public void FusedAndParallelFusedKernelsCompileWithoutWarnings()
    {
        CSharpCompilation input = TestCompilation.Create(
            TestCompilation.ParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose),
            Hostile.HostileSeeds.FusedScaleHead,
            Hostile.HostileSeeds.FusedGateGradient);
        Assert.Empty(input.GetParseDiagnostics());

        GeneratorRun run = GeneratorHarness.Run(input).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.KernelSources, kernel => kernel.SourceText.ToString().Contains("ParallelKernels.RunFused<float>(", System.StringComparison.Ordinal));

        EmitResult emitted = run.OutputCompilation.Emit(Stream.Null);
        // The seeds have no doc comments of their own (the hostile suite compiles them as they are): only the generated files count.
        Diagnostic[] problems = emitted.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.StartsWith("Source", System.StringComparison.Ordinal) != true)
            .ToArray();
        Assert.True(
            problems.Length == 0,
            "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20).Select(d => d.ToString())));
    }
}
