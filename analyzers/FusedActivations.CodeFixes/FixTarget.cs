using System.Threading;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.CodeFixes;

/// <summary>
/// The naive expression behind a diagnostic, matched again with the analyzer's own <see cref="StabilityMatcher"/>
/// so that the fix rewrites exactly what was reported.
/// </summary>
internal sealed class FixTarget
{
    private FixTarget(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, StabilityMatch match)
    {
        Document = document;
        Root = root;
        Model = model;
        Node = node;
        Match = match;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    /// <summary>The reported expression.</summary>
    public ExpressionSyntax Node { get; }

    public StabilityMatch Match { get; }

    /// <summary>Finds the match whose reported expression is at <paramref name="span"/>, or null.</summary>
    public static async Task<FixTarget?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !root.FullSpan.Contains(span))
        {
            return null;
        }

        if (root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax node
            || model.GetOperation(node, cancellationToken) is not { } operation)
        {
            return null;
        }

        var matcher = new StabilityMatcher(KnownSymbols.Create(model.Compilation));
        foreach (IOperation candidate in operation.DescendantsAndSelf())
        {
            if (candidate is IInvocationOperation invocation
                && matcher.Match(invocation, cancellationToken) is { } match
                && match.Report.Syntax.Span == node.Span)
            {
                return new FixTarget(document, root, model, node, match);
            }
        }

        return null;
    }
}
