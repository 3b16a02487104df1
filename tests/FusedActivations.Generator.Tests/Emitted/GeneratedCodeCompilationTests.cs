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
}
