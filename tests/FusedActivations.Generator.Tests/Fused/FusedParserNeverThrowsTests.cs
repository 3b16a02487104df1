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
    public static IEnumerable<object[]> Examples() => new[] { new object[] { nameof(FusedSources.IssueExample) }, new object[] { nameof(FusedSources.Rich) } };

    private static string Example(string name) => name == nameof(FusedSources.Rich) ? FusedSources.Rich : FusedSources.IssueExample;

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleIsValid(string example)
    {
        // Guards the tests below against an example the parser would simply reject.
        FusedParseResult[] results = FusedParserHarness.ParseAll(TestCompilation.Create(Example(example))).ToArray();
        Assert.Empty(results.SelectMany(result => result.Diagnostics));
        Assert.Equal(example == nameof(FusedSources.Rich) ? 5 : 3, results.Count(result => result.Method is not null));
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
