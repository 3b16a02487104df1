using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.CodeFixes;

/// <summary>
/// Fix All that applies the single fix to each diagnostic of a document in turn, on the document the previous fixes
/// produced. The batch fixer merges independent text changes, which breaks when two fixes edit the same type (two
/// kernels both made partial and both named Softplus) or nest (log1p(expm1(x))); here each fix sees the previous
/// ones, so names stay unique and a kernel already added is reused.
/// </summary>
/// <remarks>
/// When no fix changes anything, the original document is returned, not the annotated copy: <c>dotnet format</c>
/// runs every fixer of an ID in turn on diagnostics computed once, and treats any new document as a change, after
/// which the next fixer's diagnostics no longer belong to the solution and it does nothing (issue 9).
/// </remarks>
internal static class SequentialFixAllProvider
{
    private const string AnnotationKind = "FusedActivations.FixAllTarget";

    /// <param name="fixOneAsync">The single fix.</param>
    /// <param name="inSourceOrder">
    /// Fix the first diagnostic first (fixes that never nest, such as loops: the names they pick, Fused, Fused2, ...,
    /// then follow the code, as when fixed one by one); otherwise the innermost and last first.
    /// </param>
    public static FixAllProvider Create(Func<Document, TextSpan, string?, CancellationToken, Task<Document>> fixOneAsync, bool inSourceOrder = false) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            Document original = document;
            if (diagnostics.IsEmpty || await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root)
            {
                return document;
            }

            // Mark the reported nodes, so that they can be found again after earlier fixes moved them.
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (Diagnostic diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!annotations.ContainsKey(node))
                {
                    annotations.Add(node, new SyntaxAnnotation(AnnotationKind));
                }
            }

            ImmutableArray<SyntaxAnnotation> order = inSourceOrder ? annotations.Values.Reverse().ToImmutableArray() : annotations.Values.ToImmutableArray();
            root = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
            document = document.WithSyntaxRoot(root);

            // Innermost and last first: a fix of an outer expression then sees the already fixed inner one (unless in source order).
            bool changed = false;
            foreach (SyntaxAnnotation annotation in order)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                SyntaxNode? current = (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))?
                    .GetAnnotatedNodes(annotation).FirstOrDefault();
                if (current is not null)
                {
                    Document fixedDocument = await fixOneAsync(document, current.Span, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);
                    changed |= fixedDocument != document;
                    document = fixedDocument;
                }
            }

            return changed ? document : original;
        });
}
