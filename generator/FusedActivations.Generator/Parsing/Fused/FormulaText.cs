using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>Source text of formulas on one line: for <see cref="Model.Formulas.FormulaSpec.Display"/> and for messages.</summary>
internal static class FormulaText
{
    /// <summary>The longest piece of code a message quotes before cutting it short.</summary>
    private const int MaxSnippet = 60;

    /// <summary>
    /// The formula's body on one line: the expression of an expression body, or a block's statements without its
    /// braces, e.g. <c>float z = raw + bias; return FusedMath.Softplus(z, 2f);</c>. Comments are left out.
    /// </summary>
    public static string Display(MethodDeclarationSyntax declaration) =>
        declaration.ExpressionBody is { } arrow
            ? OneLine(arrow.Expression)
            : declaration.Body is { } block
                ? string.Join(" ", block.Statements.Select(OneLine))
                : string.Empty;

    /// <summary>A node as a message quotes it: on one line, cut short past 60 characters.</summary>
    public static string Snippet(SyntaxNode node)
    {
        string text = OneLine(node);
        return text.Length <= MaxSnippet ? text : text.Substring(0, MaxSnippet - 3) + "...";
    }

    /// <summary>The node's tokens, one space wherever trivia (white space, line breaks, comments) separated two.</summary>
    public static string OneLine(SyntaxNode node)
    {
        var text = new StringBuilder();
        SyntaxToken previous = default;
        foreach (SyntaxToken token in node.DescendantTokens())
        {
            if (text.Length > 0 && (previous.TrailingTrivia.Count > 0 || token.LeadingTrivia.Count > 0))
            {
                text.Append(' ');
            }

            text.Append(token.Text);
            previous = token;
        }

        return text.ToString();
    }
}
