using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FusedActivations.Generator.Tests.Pipeline;

/// <summary>
/// The pipeline's steps cache: an edit that does not touch an annotated method must leave every tracked output Cached
/// or Unchanged, so the IDE does no parsing or emitting work for it.
/// </summary>
public sealed class IncrementalityTests
{
    // A valid method (feeds the Methods step) and an invalid one (feeds the Diagnostics step), a [Fused] and a
    // [FusedGradient] method of one formula (the fused pipeline, which tracks its steps under the same names), then an
    // unrelated method placed after them, so that editing it does not move the diagnostic's location.
    private const string Annotated = """
        using System;
        using FusedActivations;

        namespace Tests;

        public static partial class Act
        {
            [Softplus(Beta = 2)] public static partial void Valid(ReadOnlySpan<float> x, Span<float> destination);
            [Softplus(Unroll = 3)] public static partial void Invalid(Span<double> values);

            static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + 1e-6f;

            [Fused(nameof(Scale))]
            public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

            [FusedGradient(nameof(Scale))]
            public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
                ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);
        }

        public static class Unrelated
        {
            public static int Compute(int x) => x + 1;
        }
        """;

    private static string[] OwnStepNames() =>
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();

    [Fact]
    public void TheAnnotatedSourceGoesThroughBothPipelines()
    {
        // Guards the tests below: each method is implemented or reported, and the fused ones feed their own steps.
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(Annotated)).AssertNoGeneratorFailure();
        Assert.Equal("FA1008", Assert.Single(run.Diagnostics).Id);
        Assert.Equal(
            new[] { "Invalid_Stub", "ScaleBackward_FusedGradient", "Scale_Fused", "Valid_SpanToSpan" },
            run.MethodSources.Select(source => string.Join("_", source.HintName.Substring("Tests.Act.".Length).Split('_')[..2])).OrderBy(name => name, StringComparer.Ordinal).ToArray());
        Assert.Equal(2, run.Result.TrackedSteps[TrackingNames.Methods].SelectMany(step => step.Outputs).Count(output => output.Value is Model.Formulas.FusedMethodSpec));
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void AddingAnUnrelatedFileReusesEveryOutput()
    {
        CSharpCompilation compilation = TestCompilation.Create(Annotated);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();
        AssertStepsProducedOutputs(first);

        SyntaxTree newFile = CSharpSyntaxTree.ParseText(
            "namespace Tests; public static class Added { public static int Twice(int x) => 2 * x; }",
            TestCompilation.ParseOptions(),
            path: "Added.cs");
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(newFile)).AssertNoGeneratorFailure();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void ChangingAnUnrelatedMethodBodyReusesEveryOutput()
    {
        CSharpCompilation compilation = TestCompilation.Create(Annotated);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();

        SyntaxTree oldTree = compilation.SyntaxTrees.Single();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText().Replace(
            Annotated.IndexOf("x + 1", StringComparison.Ordinal), "x + 1".Length, "x * 3 - 7"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void ChangingAnAttributeArgumentModifiesThatMethodsOutput()
    {
        // The counterpart of the tests above: shows that the tracking they rely on does see real changes.
        CSharpCompilation compilation = TestCompilation.Create(Annotated);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();

        SyntaxTree oldTree = compilation.SyntaxTrees.Single();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText().Replace(
            Annotated.IndexOf("Beta = 2", StringComparison.Ordinal), "Beta = 2".Length, "Beta = 3"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();

        IncrementalStepRunReason[] methodReasons = second.Result.TrackedSteps[TrackingNames.Methods]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, methodReasons);
    }

    [Fact]
    public void ChangingAFormulaModifiesItsFusedMethodsOutputsOnly()
    {
        // The fused counterpart: the formula's constant changes both fused methods' specs, not the activation's.
        CSharpCompilation compilation = TestCompilation.Create(Annotated);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();

        SyntaxTree oldTree = compilation.SyntaxTrees.Single();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText().Replace(
            Annotated.IndexOf("1e-6f", StringComparison.Ordinal), "1e-6f".Length, "1e-5f"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();

        (object Value, IncrementalStepRunReason Reason)[] methods = second.Result.TrackedSteps[TrackingNames.Methods].SelectMany(step => step.Outputs).ToArray();
        Assert.Equal(2, methods.Count(output => output.Reason == IncrementalStepRunReason.Modified));
        Assert.All(
            methods.Where(output => output.Reason == IncrementalStepRunReason.Modified),
            output => Assert.IsType<Model.Formulas.FusedMethodSpec>(output.Value));
        Assert.All(
            methods.Where(output => output.Value is not Model.Formulas.FusedMethodSpec),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void EditingOutsideTheFamilysMethodsReusesEveryOutput()
    {
        // Every attribute of the family, with and without parameters, and an invalid one (for the Diagnostics and Stubs
        // steps): their specs and diagnostics must compare equal across runs.
        string family = Emitted.RepresentativeSources.FamilyMatrix;
        CSharpCompilation compilation = TestCompilation.Create(family, Unrelated);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();
        Assert.Equal("FA1014", Assert.Single(first.Diagnostics).Id);
        Assert.Equal(Emitted.RepresentativeSources.FamilyAttributes.Length * 6 + 1, first.MethodSources.Length);
        AssertStepsProducedOutputs(first);

        SyntaxTree oldTree = compilation.SyntaxTrees.Last();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText().Replace(
            Unrelated.IndexOf("x + 1", StringComparison.Ordinal), "x + 1".Length, "x * 3 - 7"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();

        AssertAllCachedOrUnchanged(second);
    }

    [Theory]
    [InlineData("Elu(Alpha = 0.5)", "Elu(Alpha = 0.25)")]
    [InlineData("LeakyRelu(NegativeSlope = 0.2)", "LeakyRelu(NegativeSlope = 0.3)")]
    [InlineData("Silu(Beta = 1.5)", "Silu(Beta = 3)")]
    public void ChangingAFamilyArgumentModifiesOnlyThatMethodsOutput(string before, string after)
    {
        string family = Emitted.RepresentativeSources.FamilyMatrix;
        CSharpCompilation compilation = TestCompilation.Create(family);
        GeneratorRun first = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();

        // The first method with the attribute (span to span, float): its line is "    [attribute]".
        int at = family.IndexOf("    [" + before + "]", StringComparison.Ordinal) + "    [".Length;
        Assert.True(at >= "    [".Length, before);
        SyntaxTree oldTree = compilation.SyntaxTrees.Single();
        SyntaxTree newTree = oldTree.WithChangedText(oldTree.GetText().Replace(at, before.Length, after));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(oldTree, newTree)).AssertNoGeneratorFailure();
        Assert.Empty(second.Diagnostics);

        IncrementalStepRunReason[] methodReasons = second.Result.TrackedSteps[TrackingNames.Methods]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToArray();
        Assert.Equal(Emitted.RepresentativeSources.FamilyAttributes.Length * 6, methodReasons.Length);
        Assert.Single(methodReasons, reason => reason == IncrementalStepRunReason.Modified);
        Assert.All(
            methodReasons.Where(reason => reason != IncrementalStepRunReason.Modified),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    private const string Unrelated = """
        using System;
        using FusedActivations;

        namespace Tests;

        public static partial class Broken
        {
            [LeakyRelu(NegativeSlope = double.NaN)] public static partial void Invalid(Span<double> values);
        }

        public static class Unrelated
        {
            public static int Compute(int x) => x + 1;
        }
        """;

    [Fact]
    public void TrackedOutputsHoldNoCompilationObjects()
    {
        // Symbols, syntax, semantic models and locations keep a whole compilation alive and never compare equal across
        // runs; the pipeline must carry plain values only.
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(Annotated)).AssertNoGeneratorFailure();
        foreach (string name in OwnStepNames())
        {
            foreach (IncrementalGeneratorRunStep step in run.Result.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    AssertNoCompilationObjects(value, $"{name} output", new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void AssertStepsProducedOutputs(GeneratorRun run)
    {
        foreach (string name in OwnStepNames())
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(name), $"Step '{name}' was not tracked.");
            Assert.NotEmpty(run.Result.TrackedSteps[name].SelectMany(step => step.Outputs));
        }
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRun run)
    {
        foreach (string name in OwnStepNames())
        {
            Assert.True(run.Result.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps), $"Step '{name}' was not tracked.");
            (object Value, IncrementalStepRunReason Reason)[] outputs = steps.SelectMany(step => step.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            foreach ((object value, IncrementalStepRunReason reason) in outputs)
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' produced {reason} output {value}.");
            }
        }

        // The source outputs (AddSource / ReportDiagnostic) must not have re-run either.
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> steps) in run.Result.TrackedOutputSteps)
        {
            foreach ((object _, IncrementalStepRunReason reason) in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Output step '{name}' was {reason}.");
            }
        }
    }

    private static void AssertNoCompilationObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location or SyntaxTree,
            $"{path} holds a {value.GetType().Name}, which must not be cached in the pipeline.");

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                AssertNoCompilationObjects(item, $"{path}[{index++}]", visited);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilationObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
