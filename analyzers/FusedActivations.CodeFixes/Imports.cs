using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.CodeFixes;

/// <summary>
/// Names a type the way the file can see it, and adds the using directive that makes the short name work. Done by
/// hand rather than with the Simplifier/ImportAdder so that the output is the same in every host and version.
/// </summary>
internal static class Imports
{
    /// <summary>
    /// How to spell <paramref name="type"/> at <paramref name="position"/>: its simple name when it is in scope or a
    /// using of its namespace makes it so (then <paramref name="namespaceToImport"/> is set), or the global name when
    /// another type of that name is in the way.
    /// </summary>
    public static string Spell(SemanticModel model, int position, INamedTypeSymbol type, string simpleName, out string? namespaceToImport)
    {
        namespaceToImport = null;
        var visible = model.LookupNamespacesAndTypes(position, name: simpleName);
        if (visible.Any(s => SymbolEqualityComparer.Default.Equals(s, type)))
        {
            return simpleName;
        }

        if (visible.IsEmpty)
        {
            namespaceToImport = type.ContainingNamespace.ToDisplayString();
            return simpleName;
        }

        return "global::" + type.ToDisplayString();
    }

    /// <summary>
    /// Adds <c>using <paramref name="namespaceName"/>;</c> to the file's usings unless it is there: after the System
    /// directives, in alphabetical order among the others.
    /// </summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string namespaceName)
    {
        if (unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
        {
            return unit;
        }

        string endOfLine = EndOfLine(unit);
        UsingDirectiveSyntax directive = SyntaxFactory.ParseCompilationUnit("using " + namespaceName + ";" + endOfLine).Usings[0];
        if (unit.Usings.Count == 0)
        {
            // Before everything, taking over the first token's comments (a file header stays on top).
            SyntaxToken first = unit.GetFirstToken(includeZeroWidth: true);
            directive = directive
                .WithLeadingTrivia(first.LeadingTrivia)
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine), SyntaxFactory.EndOfLine(endOfLine));
            unit = unit.ReplaceToken(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            return unit.WithUsings(SyntaxFactory.List(new[] { directive }));
        }

        int index = 0;
        for (; index < unit.Usings.Count; index++)
        {
            UsingDirectiveSyntax existing = unit.Usings[index];
            if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            {
                if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    continue;
                }

                break;
            }

            string name = existing.Name?.ToString() ?? string.Empty;
            if (IsSystem(name) && !IsSystem(namespaceName))
            {
                continue;
            }

            if (IsSystem(name) == IsSystem(namespaceName) && string.CompareOrdinal(name, namespaceName) < 0)
            {
                continue;
            }

            break;
        }

        if (index == 0)
        {
            // Becomes the first directive: it takes the file header, the old first one keeps only its indentation.
            UsingDirectiveSyntax oldFirst = unit.Usings[0];
            directive = directive.WithLeadingTrivia(oldFirst.GetLeadingTrivia());
            unit = unit.ReplaceNode(oldFirst, oldFirst.WithLeadingTrivia(SyntaxFactory.TriviaList()));
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>The file's line break, so that added lines match it.</summary>
    public static string EndOfLine(SyntaxNode root)
    {
        foreach (SyntaxTrivia trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }
}
