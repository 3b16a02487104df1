using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// The fused kernel names its streams after the formula's parameters where it can, and whatever the user named them,
/// the kernel compiles and computes what it computes for ordinary names: a formula parameter may be named like a
/// constant, a helper, a local or a type the kernel writes itself (found by the hostile suite's renames).
/// </summary>
public sealed class StreamNameTests
{
    private delegate void Head(ReadOnlySpan<float> raw, ReadOnlySpan<float> bias, Span<float> destination);

    private static string Source(string name) => FusedSources.InHead($$"""
        static float Formula(float {{name}}, float bias) => FusedMath.Softplus({{name}} + bias, 2f) + 1e-6f;

        [Fused(nameof(Formula))]
        public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);
        """);

    /// <summary>Runs the generator, checks that the build is clean, and returns the generated method and its kernel's text.</summary>
    private static (Head Scale, string Kernel) Build(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(Source(name)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        EmitResult result = run.OutputCompilation.Emit(stream);
        Diagnostic[] problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, $"'{name}': " + string.Join("\n", problems.Select(d => d.ToString())));
        stream.Position = 0;
        Assembly assembly = new AssemblyLoadContext("stream-names-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
        Head scale = assembly.GetType("Tests.Head")!.GetMethod("Scale")!.CreateDelegate<Head>();
        return (scale, Assert.Single(run.KernelSources).SourceText.ToString());
    }

    [Fact]
    public void TheKernelReadsLikeItsFormula()
    {
        string kernel = Build("raw").Kernel;
        Assert.Contains("public static void Apply(ReadOnlySpan<float> raw, ReadOnlySpan<float> bias, Span<float> destination, string rawName, string biasName, string destinationName)", kernel, StringComparison.Ordinal);
        Assert.DoesNotContain("in0_", kernel, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Magic")]       // a constant of the kernel class
    [InlineData("WideQ5")]      // a constant of its widened exp
    [InlineData("RunScalar")]   // a loop method
    [InlineData("Apply")]       // the entry point
    [InlineData("j_4")]         // a lane of a step's local
    [InlineData("length")]      // a local of the driver
    [InlineData("i")]           // a loop's index
    [InlineData("Vector512")]   // a type the steps use
    [InlineData("MemoryMarshal")]
    [InlineData("a")]           // a local of softplus's step, which the steps leave free
    [InlineData("in1_")]        // the numbered name of the other stream
    [InlineData("bias0")]       // a name derived from bias's (then bias keeps its numbered name)
    public void AnyNameGivesTheSameKernel(string name)
    {
        (Head expected, _) = Build("raw");
        (Head scale, string kernel) = Build(name);
        var random = new Random(5);
        foreach ((int channels, int rows) in new[] { (3, 1), (7, 90), (600, 3) })
        {
            float[] raw = Enumerable.Range(0, channels * rows).Select(_ => (float)(random.NextDouble() * 40 - 20)).ToArray();
            float[] bias = Enumerable.Range(0, channels).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            float[] y = new float[raw.Length];
            float[] reference = new float[raw.Length];
            scale(raw, bias, y);
            expected(raw, bias, reference);
            Assert.Equal(reference, y);
        }

        // Where the name is free it is the stream's, else the stream keeps its numbered name.
        Assert.True(kernel.Contains($"Apply(ReadOnlySpan<float> {name}, ", StringComparison.Ordinal) || kernel.Contains("Apply(ReadOnlySpan<float> in0_, ", StringComparison.Ordinal));
    }
}
