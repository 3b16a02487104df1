using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FusedActivations.Generator.Tests.Pipeline;

/// <summary>
/// The generator runs on every keystroke, so it sees every half-typed state of a file. Whatever it sees, it must not
/// throw: Roslyn would turn the exception into a CS8785 warning and drop all generated code until the next edit.
/// </summary>
public sealed class NeverThrowsTests
{
    // Exercises every parser path: namespaces, nesting, generics, all shapes, arguments, several attributes.
    private const string Complete = """
        using System;
        using FusedActivations;

        namespace Fuzz.Inner
        {
            public sealed class OtherAttribute : ActivationAttribute { }

            public partial class Outer<T> where T : struct
            {
                internal static partial class Act
                {
                    [Softplus(Beta = 2, Threshold = 20, Unroll = 2)]
                    public static partial void SpanToSpan(ReadOnlySpan<float> x, Span<float> destination);

                    [Softplus] internal static partial void InPlace(scoped Span<double> values);

                    [Softplus(Beta = 0.5)] private static partial float Scalar(float x);

                    [Softplus(Beta = -1, Unroll = 3), Other] public static partial int Invalid<U>(ref int x, this Span<int> y);

                    [Softplus(Threshold = double.NaN)] public partial void Instance(Span<float> values) { }
                }
            }

            public partial interface IAct { [Softplus] static partial void F(Span<float> values); }
        }
        """;

    // Every attribute of the family (issue 11), valid and invalid arguments, all shapes, both element types: the
    // argument readers of each activation see each half-typed state of their attribute.
    private const string Family = """
        using System;
        using FusedActivations;

        namespace Fuzz;

        public static partial class Family
        {
            [Sigmoid] public static partial void A(ReadOnlySpan<float> x, Span<float> destination);
            [Tanh(Unroll = 2)] public static partial void B(Span<double> values);
            [Silu(Beta = 1.5)] public static partial float C(float x);
            [Silu(Beta = 0)] public static partial void C2(Span<float> values);
            [Mish] public static partial double D(double x);
            [Elu(Alpha = 0.5)] public static partial void E(ReadOnlySpan<double> x, Span<double> destination);
            [Elu(Alpha = double.NaN)] public static partial void E2(Span<double> values);
            [Selu] public static partial void F(Span<float> values);
            [LogSigmoid] public static partial float G(float x);
            [Relu] public static partial void H(ReadOnlySpan<float> x, Span<float> destination);
            [LeakyRelu(NegativeSlope = -0.5)] public static partial double I(double x);
            [LeakyRelu(NegativeSlope = 1e39)] public static partial float I2(float x);
            [HardSwish, Relu] public static partial void J(Span<double> values);
            [Gelu(Approximate = GeluApproximation.Tanh)] public static partial void K(Span<float> values);
        }
        """;

    [Fact]
    public void EveryPrefixOfTheFamilysFile()
    {
        var failures = new List<string>();
        for (int length = 0; length <= Family.Length; length++)
        {
            RunAndCollectFailures(Family.Substring(0, length), $"prefix of length {length}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Fact]
    public void EveryFamilyFileWithOneTokenRemoved()
    {
        SyntaxToken[] tokens = CSharpSyntaxTree.ParseText(Family).GetRoot().DescendantTokens().ToArray();
        var failures = new List<string>();
        foreach (SyntaxToken token in tokens)
        {
            RunAndCollectFailures(Family.Remove(token.SpanStart, token.Span.Length), $"without token '{token.Text}' at {token.SpanStart}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Fact]
    public void TheFamilysFileExercisesEveryActivationValidAndInvalid()
    {
        // Guards the two tests above against a fuzz input that the generator would simply ignore.
        GeneratorRun run = GeneratorHarness.Run(Family).AssertNoGeneratorFailure();
        Assert.Equal(new[] { "FA1006", "FA1013", "FA1014", "FA1009" }, run.Diagnostics.Select(d => d.Id).ToArray());
        foreach (string activation in new[] { "Sigmoid", "Tanh", "Silu", "Mish", "Elu", "Selu", "LogSigmoid", "Relu", "LeakyRelu" })
        {
            Assert.Contains(run.KernelSources, kernel => kernel.HintName.StartsWith("FusedActivations.Generated." + activation, StringComparison.Ordinal));
        }
    }

    /// <summary>The fused examples: the issue's API as written there, and every construct of a formula (see <see cref="Fused.FusedSources.Rich"/>).</summary>
    public static IEnumerable<object[]> FusedExamples() =>
        new[] { new object[] { nameof(Fused.FusedSources.IssueExample) }, new object[] { nameof(Fused.FusedSources.Rich) } };

    private static string FusedExample(string name) => name == nameof(Fused.FusedSources.Rich) ? Fused.FusedSources.Rich : Fused.FusedSources.IssueExample;

    [Theory]
    [MemberData(nameof(FusedExamples))]
    public void EveryPrefixOfAFusedExample(string example)
    {
        // Formulas, attributes and partial methods cut anywhere: the fused parser, the derivative and the fused emitter
        // see every state on the way to a valid method.
        string source = FusedExample(example);
        var failures = new List<string>();
        for (int length = 0; length <= source.Length; length++)
        {
            RunAndCollectFailures(source.Substring(0, length), $"prefix of length {length}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(FusedExamples))]
    public void EveryFusedExampleWithOneTokenRemoved(string example)
    {
        string source = FusedExample(example);
        SyntaxToken[] tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToArray();
        var failures = new List<string>();
        foreach (SyntaxToken token in tokens)
        {
            RunAndCollectFailures(source.Remove(token.SpanStart, token.Span.Length), $"without token '{token.Text}' at {token.SpanStart}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(FusedExamples))]
    public void TheFusedExamplesAreImplementedWithoutWarnings(string example)
    {
        // Guards the two tests above: whole, each example reaches the emitter with every method, forward and gradient.
        GeneratorRun run = GeneratorHarness.Run(FusedExample(example)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Equal(example == nameof(Fused.FusedSources.Rich) ? 5 : 3, run.MethodSources.Length);
        Assert.Equal(example == nameof(Fused.FusedSources.Rich) ? 2 : 1, run.MethodSources.Count(s => s.HintName.Contains("_FusedGradient_", StringComparison.Ordinal)));
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void EveryPrefixOfAFile()
    {
        // Every length up to the end: each cuts a token, an attribute or a declaration somewhere different.
        var failures = new List<string>();
        for (int length = 0; length <= Complete.Length; length++)
        {
            RunAndCollectFailures(Complete.Substring(0, length), $"prefix of length {length}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Fact]
    public void EveryFileWithOneTokenRemoved()
    {
        SyntaxToken[] tokens = CSharpSyntaxTree.ParseText(Complete).GetRoot().DescendantTokens().ToArray();
        var failures = new List<string>();
        foreach (SyntaxToken token in tokens)
        {
            string source = Complete.Remove(token.SpanStart, token.Span.Length);
            RunAndCollectFailures(source, $"without token '{token.Text}' at {token.SpanStart}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Fact]
    public void TheCompleteFileExercisesValidAndInvalidMethods()
    {
        // Guards the two tests above against a fuzz input that the generator would simply ignore.
        GeneratorRun run = GeneratorHarness.Run(Complete).AssertNoGeneratorFailure();
        // Three kernel methods (each calls a shared kernel); the invalid methods get declarations that only complete them
        // (see StubBuilder).
        Assert.Equal(3, run.MethodSources.Count(s => s.SourceText.ToString().Contains("file readonly struct", StringComparison.Ordinal)));
        Assert.Equal(6, run.MethodSources.Length);
        Assert.NotEmpty(run.KernelSources);
        Assert.Contains(run.Diagnostics, d => d.Id == "FA1009");
        Assert.Contains(run.Diagnostics, d => d.Id == "FA1012");
        Assert.Contains(run.Diagnostics, d => d.Id == "FA1007");
    }

    private static void RunAndCollectFailures(string source, string description, List<string> failures)
    {
        try
        {
            GeneratorRun run = GeneratorHarness.Run(source);
            if (run.Result.Exception is not null)
            {
                failures.Add($"{description}: {run.Result.Exception}");
            }
            else if (run.DriverDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785") is { } failure)
            {
                failures.Add($"{description}: {failure}");
            }
        }
        catch (Exception exception)
        {
            failures.Add($"{description}: {exception}");
        }
    }
}
