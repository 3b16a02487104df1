using System.Linq;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Rules;

/// <summary>
/// FA2012 (Info): a <c>for</c> loop that maps arrays or spans elementwise through math the <c>[Fused]</c> formula
/// language has (<see cref="MapLoop"/>) can be one generated SIMD kernel. Anchored at loops, not at calls like the
/// stability rules. Not reported where one of those finds a naive form in the loop (its own fix comes first: a
/// naive activation loop becomes that activation's kernel), nor where the fix could not declare a partial method:
/// the loop's type must be a non-generic class, struct or record declared in source (or the loop a top-level
/// statement), and C# 9 or later.
/// </summary>
internal static class FusableLoopRule
{
    public static DiagnosticDescriptor Descriptor => Descriptors.FusableLoop;

    /// <summary>The map loop <paramref name="loop"/> is, when it is reported; otherwise null.</summary>
    public static MapLoop? Match(IForLoopOperation loop, StabilityMatcher matcher, CancellationToken cancellationToken)
    {
        if (matcher.Symbols.FusedAttribute is null
            || !LooksLikeMap(loop.Syntax)
            || loop.Syntax.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 }
            || !CanDeclareKernel(loop.Syntax)
            || MapLoop.TryCreate(loop, cancellationToken) is not { } map)
        {
            return null;
        }

        foreach (IOperation operation in map.Value.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && matcher.Match(invocation, cancellationToken) is not null)
            {
                return null;
            }
        }

        return map;
    }

    /// <summary>
    /// The syntax of a map with a call, before any operation is looked at: <c>for (...) y[i] = ...f(...)...;</c>, the
    /// assignment alone or alone in a block. Most loops are not (sums, several statements, arithmetic alone) and cost
    /// this look only: on the clean perf corpus the loop rule took about 3 µs a loop before it.
    /// </summary>
    private static bool LooksLikeMap(SyntaxNode loop)
    {
        StatementSyntax? statement = loop is ForStatementSyntax { Statement: var body }
            ? body is BlockSyntax block ? (block.Statements.Count == 1 ? block.Statements[0] : null) : body
            : null;
        return statement is ExpressionStatementSyntax
        {
            Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: ElementAccessExpressionSyntax, Right: var value },
        }
            && value.DescendantNodesAndSelf().Any(node => node.IsKind(SyntaxKind.InvocationExpression));
    }

    /// <summary>
    /// Whether the fix can add a partial method next to the loop: in a non-generic, non-file-local class, struct or
    /// record (with its containing types), or in top-level statements (their Program class is implicitly partial).
    /// </summary>
    internal static bool CanDeclareKernel(SyntaxNode loop) =>
        loop.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } type
            ? type is not InterfaceDeclarationSyntax
                && !type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(t => t.TypeParameterList is not null || t.Modifiers.Any(SyntaxKind.FileKeyword))
            : loop.Ancestors().OfType<GlobalStatementSyntax>().Any();

    /// <summary>The message's argument: the loop's formula, on one line.</summary>
    public static string FormulaText(MapLoop map) => StabilityMatcher.TextOf(map.Value);
}
