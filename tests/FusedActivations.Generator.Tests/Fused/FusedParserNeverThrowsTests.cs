using System;
using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Parsing.Fused;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// The parser sees every half-typed state of a formula: whatever it sees, it must not throw. Each example's formula
/// methods are cut at every length and lose each of their tokens in turn, and every attributed method of the result is
/// parsed for both pipelines.
/// </summary>
public sealed class FusedParserNeverThrowsTests
{
    /// <summary>Every construct the parser handles: locals, tuples, inlining, conditionals, each library, scalars, broadcasts.</summary>
    private const string Rich = """
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

            [Fused(nameof(Wide))]
            internal static partial void Wide(ReadOnlySpan<double> x, Span<double> destination);
        }
        """;

    public static IEnumerable<object[]> Examples() => new[] { new object[] { nameof(FusedSources.IssueExample) }, new object[] { nameof(Rich) } };

    private static string Example(string name) => name == nameof(Rich) ? Rich : FusedSources.IssueExample;

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleIsValid(string example)
    {
        // Guards the tests below against an example the parser would simply reject.
        FusedParseResult[] results = FusedParserHarness.ParseAll(TestCompilation.Create(Example(example))).ToArray();
        Assert.Empty(results.SelectMany(result => result.Diagnostics));
        Assert.Equal(example == nameof(Rich) ? 4 : 3, results.Count(result => result.Method is not null));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryPrefixOfEachFormulaMethod(string example)
    {
        string source = Example(example);
        var failures = new List<string>();
        foreach (TextSpanOf formula in FormulaMethods(source))
        {
            string text = source.Substring(formula.Start, formula.Length);
            for (int length = 0; length < text.Length; length++)
            {
                string mutant = source.Remove(formula.Start, formula.Length).Insert(formula.Start, text.Substring(0, length));
                ParseAndCollectFailures(mutant, $"{formula.Name} cut at {length}", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EachFormulaMethodWithOneTokenRemoved(string example)
    {
        string source = Example(example);
        var failures = new List<string>();
        int mutants = 0;
        foreach (TextSpanOf formula in FormulaMethods(source))
        {
            SyntaxToken[] tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
                .Where(token => token.SpanStart >= formula.Start && token.Span.End <= formula.Start + formula.Length)
                .ToArray();
            foreach (SyntaxToken token in tokens)
            {
                mutants++;
                ParseAndCollectFailures(source.Remove(token.SpanStart, token.Span.Length), $"{formula.Name} without '{token.Text}' at {token.SpanStart}", failures);
            }
        }

        Assert.True(mutants > 20, $"Only {mutants} mutants.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheWholeExampleWithOneTokenRemoved(string example)
    {
        // The attributes and the partial methods too: the lookup and the signature matching see their broken states.
        string source = Example(example);
        var failures = new List<string>();
        foreach (SyntaxToken token in CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens())
        {
            ParseAndCollectFailures(source.Remove(token.SpanStart, token.Span.Length), $"without '{token.Text}' at {token.SpanStart}", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    private sealed record TextSpanOf(string Name, int Start, int Length);

    /// <summary>The methods without attributes that have a body: the formulas.</summary>
    private static IEnumerable<TextSpanOf> FormulaMethods(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(method => method.AttributeLists.Count == 0 && (method.Body is not null || method.ExpressionBody is not null))
            .Select(method => new TextSpanOf(method.Identifier.ValueText, method.SpanStart, method.Span.Length))
            .ToArray();

    private static void ParseAndCollectFailures(string source, string description, List<string> failures)
    {
        try
        {
            foreach (FusedParseResult result in FusedParserHarness.ParseAll(TestCompilation.Create(source)))
            {
                // Every diagnostic must have a location in the source: a node at fault, not nowhere.
                if (result.Diagnostics.FirstOrDefault(d => d.Location is null) is { } unlocated)
                {
                    failures.Add($"{description}: {unlocated.Id} without a location");
                }
            }
        }
        catch (Exception exception)
        {
            failures.Add($"{description}: {exception}");
        }
    }
}
