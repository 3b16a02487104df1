using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using FusedActivations.Analyzers.Rules;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.Analyzers.Matching;

/// <summary>The diagnostic's message arguments.</summary>
internal sealed partial class StabilityMatcher
{
    /// <summary>The arguments of the diagnostic's message: the rule's, for the expression's element type.</summary>
    public static object[] GetMessageArguments(StabilityMatch match) =>
        match.Rule.MessageArguments(match, new MessageBounds(GetElementKind(match.ResultType)));

    /// <summary>The operand a message names: exp's argument (or the replacement's first argument), on one line.</summary>
    internal static string OperandText(StabilityMatch match) => Shorten((match.ExpArgument ?? match.X)?.Syntax ?? match.Report.Syntax);

    /// <summary>An operand's text, on one line.</summary>
    internal static string TextOf(IOperation operand) => Shorten(Unwrap(operand).Syntax);

    /// <summary>The whole naive expression, on one line (the messages of FA2006 and FA2007).</summary>
    internal static string ExpressionText(StabilityMatch match) => Shorten(match.Report.Syntax);

    /// <summary>
    /// The node's text on one line, cut at 60 characters. Only the start of a long node is read: the operand of a
    /// naive expression can be a 20,000-term sum, and each of its diagnostics would copy it whole.
    /// </summary>
    private static string Shorten(SyntaxNode node)
    {
        const int Limit = 60;
        string text = node.Span.Length <= 4 * Limit
            ? node.ToString()
            : node.SyntaxTree.GetText().ToString(new TextSpan(node.Span.Start, 4 * Limit)); // the tree's text is cached
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= Limit ? text : text.Substring(0, Limit - 3) + "...";
    }

    /// <summary>float or double, directly or as the element of a SIMD vector.</summary>
    internal static ElementKind GetElementKind(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.Name.StartsWith("Vector", StringComparison.Ordinal))
        {
            type = generic.TypeArguments[0];
        }

        return type?.SpecialType switch
        {
            SpecialType.System_Double => ElementKind.Double,
            SpecialType.System_Single => ElementKind.Single,
            _ => ElementKind.Unknown,
        };
    }

    internal static string FormatInvariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The element type of a naive expression, for its message and its fix.</summary>
internal enum ElementKind
{
    Unknown,
    Single,
    Double,
}
