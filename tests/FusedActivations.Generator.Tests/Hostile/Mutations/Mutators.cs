using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// The text-level mutation operators over one seed: every prefix, every token deleted, duplicated or replaced, and
/// every argument of every activation attribute set to every hostile literal. Each returns the complete list (no sampling here).
/// </summary>
internal static class Mutators
{
    /// <summary>Tokens that replace a token: punctuation, modifiers and parameter keywords, literals.</summary>
    public static readonly string[] ReplacementVocabulary =
    {
        ";", ",", ".", "(", ")", "{", "}", "[", "]", "<", ">", "=", "?", "::",
        "static", "partial", "ref", "out", "in", "params", "this", "readonly", "scoped", "unsafe", "extern", "async",
        "0", "-1", "1.5", "\"s\"", "null", "true", "default",
    };

    /// <summary>The values every attribute argument (Beta, Threshold, Unroll, Alpha, NegativeSlope) is set to (wrong types included).</summary>
    public static readonly string[] HostileLiterals =
    {
        "double.PositiveInfinity", "double.NegativeInfinity", "float.PositiveInfinity", "float.NegativeInfinity",
        "double.NaN", "float.NaN", "-double.NaN", "0", "-0", "0.0", "-0.0", "-0.0f",
        "double.MaxValue", "-double.MaxValue", "double.MinValue", "float.MaxValue", "-float.MaxValue", "float.MinValue",
        "double.Epsilon", "-double.Epsilon", "float.Epsilon", "-float.Epsilon",
        "1e-310", "-1e-310", "1e-40f", "1e-320", "1e308", "1e-300", "1e300", "1e30f", "1e-10",
        "int.MinValue", "int.MaxValue", "long.MaxValue", "-1", "1", "2", "3", "8", "16", "(byte)4", "1 / 0.0", "-1 / 0.0",
        "\"2\"", "null", "true", "'a'", "default", "2m",
    };

    /// <summary>The arguments of the activation attributes the seeds use, by attribute name.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AttributeArguments = new Dictionary<string, string[]>
    {
        ["Softplus"] = new[] { "Beta", "Threshold", "Unroll" },
        ["LeakyRelu"] = new[] { "NegativeSlope", "Unroll" },
        ["Elu"] = new[] { "Alpha", "Unroll" },
    };

    public static IEnumerable<HostileCase> Prefixes(Seed seed)
    {
        for (int length = 0; length < seed.Source.Length; length++)
        {
            yield return Broken("prefix", $"{seed.Name}: prefix of length {length}", seed.Source.Substring(0, length));
        }
    }

    public static IEnumerable<HostileCase> Deletions(Seed seed) =>
        Tokens(seed).Select(t => Broken(
            "delete", $"{seed.Name}: without '{t.Text}' at {t.SpanStart}", seed.Source.Remove(t.SpanStart, t.Span.Length)));

    public static IEnumerable<HostileCase> Duplications(Seed seed) =>
        Tokens(seed).Select(t => Broken(
            "duplicate", $"{seed.Name}: '{t.Text}' at {t.SpanStart} twice", seed.Source.Insert(t.Span.End, " " + t.Text)));

    public static IEnumerable<HostileCase> Replacements(Seed seed) =>
        from token in Tokens(seed)
        from replacement in ReplacementVocabulary
        where replacement != token.Text
        select Broken(
            "replace",
            $"{seed.Name}: '{token.Text}' at {token.SpanStart} replaced by '{replacement}'",
            seed.Source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, replacement));

    /// <summary>Each argument of each activation attribute in <see cref="AttributeArguments"/> set (replaced or added) to each hostile literal.</summary>
    public static IEnumerable<HostileCase> LiteralSwaps(Seed seed)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(seed.Source).GetRoot();
        foreach (AttributeSyntax attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            if (!AttributeArguments.TryGetValue(attribute.Name.ToString(), out string[]? names))
            {
                continue;
            }

            foreach (string name in names)
            {
                foreach (string literal in HostileLiterals)
                {
                    string source = SetArgument(seed.Source, attribute, name, literal);
                    yield return new HostileCase("literal", $"{seed.Name}: {name} = {literal}", new[] { source }, OracleKind.Swap);
                }
            }
        }
    }

    /// <summary><paramref name="source"/> with argument <paramref name="name"/> of <paramref name="attribute"/> set to <paramref name="value"/>.</summary>
    public static string SetArgument(string source, AttributeSyntax attribute, string name, string value)
    {
        if (attribute.ArgumentList is not { } list)
        {
            return source.Insert(attribute.Name.Span.End, $"({name} = {value})");
        }

        if (list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) is { } existing)
        {
            return source.Remove(existing.Expression.SpanStart, existing.Expression.Span.Length).Insert(existing.Expression.SpanStart, value);
        }

        string separator = list.Arguments.Count == 0 ? string.Empty : ", ";
        return source.Insert(list.CloseParenToken.SpanStart, $"{separator}{name} = {value}");
    }

    public static bool IsSoftplus(AttributeSyntax attribute) =>
        attribute.Name.ToString() is "Softplus" or "SoftplusAttribute" or "FusedActivations.Softplus" or "global::FusedActivations.Softplus";

    public static bool IsFused(AttributeSyntax attribute) =>
        attribute.Name.ToString() is "Fused" or "FusedAttribute" or "FusedGradient" or "FusedGradientAttribute";

    private static IEnumerable<SyntaxToken> Tokens(Seed seed) =>
        CSharpSyntaxTree.ParseText(seed.Source).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0);

    private static HostileCase Broken(string op, string description, string source) =>
        new(op, description, new[] { source }, OracleKind.Broken);

    /// <summary>A deterministic sample of <paramref name="count"/> items (all of them when there are fewer), in order.</summary>
    public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int count, int seed)
    {
        if (items.Count <= count)
        {
            return items;
        }

        var random = new Random(seed);
        return Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).Take(count).Order().Select(i => items[i]).ToArray();
    }
}
