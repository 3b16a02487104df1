using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FusedActivations.Analyzers;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.CodeFixes;

/// <summary>
/// FA2011: the textbook stable softmax. Computes the maximum m of the summed exps' arguments first (a loop with the
/// sum's own loop header, or a <c>foreach</c> over the LINQ source), subtracts it in every exp of the sum and in every
/// exp divided by the sum, and adds it back to every log of the sum: <c>exp(z - m) / Σ exp(z - m)</c> and
/// <c>m + log(Σ exp(z - m))</c> are the same values without overflow. Built with <see cref="SyntaxGenerator"/>.
/// </summary>
/// <remarks>
/// Offered only when those are all the sum's reads (<see cref="SumUses.Fixable"/>), the sum starts at 0 and is added
/// to once, and the element type is float or double: otherwise the shifted sum would leak into code that expects the
/// unshifted one. An empty collection keeps its results: the maximum is -∞ and no exp is evaluated.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SubtractMaximumCodeFixProvider)), Shared]
public sealed class SubtractMaximumCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "FusedActivations.SubtractMaximum";

    private static readonly SyntaxAnnotation SumAnnotation = new("FusedActivations.SoftmaxSum");

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnshiftedSoftmax);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        SequentialFixAllProvider.Create((document, span, _, cancellationToken) => FixAsync(document, span, cancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (await FixTarget.FindAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is { } target
                && Plan.Create(target, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Subtract the maximum before exp", cancellationToken => FixAsync(context.Document, span, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    internal static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FixTarget.FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } target
            || Plan.Create(target, cancellationToken) is not { } plan)
        {
            return document;
        }

        if (plan.Anchor is null)
        {
            // An expression-bodied method: give it a block body first, then fix the sum found again there.
            return await FixInBlockBodyAsync(document, target, plan, cancellationToken).ConfigureAwait(false);
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        SyntaxGenerator generator = editor.Generator;
        SyntaxNode max = generator.IdentifierName(plan.MaxName);
        ExpSum sum = plan.Sum;

        // The sum's own terms.
        if (sum.Term is IInvocationOperation exp)
        {
            editor.ReplaceNode(((InvocationExpressionSyntax)exp.Syntax).ArgumentList.Arguments[0].Expression, (current, g) => g.SubtractExpression(current, max));
        }
        else
        {
            // Math.Exp as a method group becomes v => Math.Exp(v - max).
            editor.ReplaceNode(sum.Term.Syntax, (current, g) => g.ValueReturningLambdaExpression(
                plan.ElementName,
                g.InvocationExpression(current.WithoutTrivia(), g.SubtractExpression(g.IdentifierName(plan.ElementName), max))).WithTriviaFrom(current));
        }

        // exp(w) / sum → exp(w - max) / sum; log(sum) → max + log(sum).
        foreach (SyntaxNode numerator in sum.Uses.ShiftedNumerators)
        {
            editor.ReplaceNode(((InvocationExpressionSyntax)numerator).ArgumentList.Arguments[0].Expression, (current, g) => g.SubtractExpression(current, max));
        }

        foreach (SyntaxNode log in sum.Uses.Logs)
        {
            editor.ReplaceNode(log, (current, g) => g.AddExpression(max, current.WithoutTrivia()).WithTriviaFrom(current));
        }

        editor.InsertBefore(plan.Anchor, MaximumStatements(generator, plan));
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// <c>T max = T.NegativeInfinity;</c> and a loop that takes the maximum of the exps' arguments: the sum's own loop
    /// header with <c>max = Math.Max(max, z);</c> as body, or <c>foreach (var v in source)</c> for LINQ.
    /// </summary>
    private static IEnumerable<SyntaxNode> MaximumStatements(SyntaxGenerator generator, Plan plan)
    {
        SyntaxNode elementType = generator.TypeExpression(plan.ElementType);
        SyntaxNode max = generator.IdentifierName(plan.MaxName);
        yield return generator.LocalDeclarationStatement(
            elementType,
            plan.MaxName,
            generator.MemberAccessExpression(elementType, nameof(double.NegativeInfinity)));

        SyntaxNode element = plan.Sum.Term is IInvocationOperation
            ? plan.Sum.Element.Syntax.WithoutTrivia()
            : generator.IdentifierName(plan.ElementName);
        var update = (StatementSyntax)generator.ExpressionStatement(generator.AssignmentStatement(
            max,
            generator.InvocationExpression(generator.MemberAccessExpression(generator.TypeExpression(plan.MathType), nameof(System.Math.Max)), max, element)));
        BlockSyntax body = SyntaxFactory.Block(update);
        StatementSyntax maximumLoop = plan.Sum.Loop?.Syntax switch
        {
            ForStatementSyntax loop => loop.WithStatement(body).WithoutTrivia(),
            ForEachStatementSyntax loop => loop.WithStatement(body).WithoutTrivia(),
            _ => SyntaxFactory.ForEachStatement(
                SyntaxFactory.IdentifierName("var"),
                SyntaxFactory.Identifier(plan.ElementName),
                (ExpressionSyntax)plan.Sum.LinqSource!.Syntax.WithoutTrivia(),
                body),
        };

        // A blank line after the block, in the document's line ending.
        SyntaxTrivia endOfLine = plan.Anchor!.GetTrailingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        yield return maximumLoop.WithTrailingTrivia(endOfLine, endOfLine);
    }

    private static async Task<Document> FixInBlockBodyAsync(Document document, FixTarget target, Plan plan, CancellationToken cancellationToken)
    {
        SyntaxNode reported = target.Node;
        SyntaxNode member = plan.ExpressionBodied!;
        SyntaxNode annotated = member.ReplaceNode(reported, reported.WithAdditionalAnnotations(SumAnnotation));
        ArrowExpressionClauseSyntax arrow = GetArrow(annotated)!;
        bool returnsValue = member is MethodDeclarationSyntax { ReturnType: var returnType } ? !IsVoid(returnType)
            : member is LocalFunctionStatementSyntax { ReturnType: var localReturnType } && !IsVoid(localReturnType);
        StatementSyntax statement = returnsValue
            ? SyntaxFactory.ReturnStatement(arrow.Expression.WithoutTrivia())
            : SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia());
        BlockSyntax block = SyntaxFactory.Block(statement);
        SyntaxNode withBlock = annotated switch
        {
            MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            _ => annotated,
        };
        SyntaxNode root = target.Root.ReplaceNode(member, withBlock.WithTriviaFrom(member).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
        Document blockDocument = document.WithSyntaxRoot(root);
        SyntaxNode? newRoot = await blockDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (newRoot?.GetAnnotatedNodes(SumAnnotation).FirstOrDefault() is not { } sum)
        {
            return document;
        }

        Document fixedDocument = await FixAsync(blockDocument, sum.Span, cancellationToken).ConfigureAwait(false);
        return fixedDocument == blockDocument ? document : fixedDocument;
    }

    private static bool IsVoid(TypeSyntax type) => type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };

    private static ArrowExpressionClauseSyntax? GetArrow(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax method => method.ExpressionBody,
        LocalFunctionStatementSyntax local => local.ExpressionBody,
        _ => null,
    };

    /// <summary>What the fix writes: where the maximum goes, its name, the element type.</summary>
    private sealed class Plan
    {
        private Plan(ExpSum sum, ITypeSymbol elementType, INamedTypeSymbol mathType, StatementSyntax? anchor, SyntaxNode? expressionBodied, string maxName, string elementName)
        {
            Sum = sum;
            ElementType = elementType;
            MathType = mathType;
            Anchor = anchor;
            ExpressionBodied = expressionBodied;
            MaxName = maxName;
            ElementName = elementName;
        }

        public ExpSum Sum { get; }

        public ITypeSymbol ElementType { get; }

        public INamedTypeSymbol MathType { get; }

        /// <summary>The statement the maximum is computed before; null when the sum is in an expression-bodied method.</summary>
        public StatementSyntax? Anchor { get; }

        /// <summary>The expression-bodied method or local function that holds the sum, when <see cref="Anchor"/> is null.</summary>
        public SyntaxNode? ExpressionBodied { get; }

        public string MaxName { get; }

        /// <summary>The loop variable of the LINQ maximum: the selector lambda's parameter, or a new name for a method group.</summary>
        public string ElementName { get; }

        public static Plan? Create(FixTarget target, CancellationToken cancellationToken)
        {
            if (target.Match.Sum is not { Uses.Fixable: true } sum
                || target.Match.ResultType is not { SpecialType: SpecialType.System_Double or SpecialType.System_Single } elementType
                || target.Model.Compilation.GetTypeByMetadataName("System.Math") is not { } mathType)
            {
                return null;
            }

            // The exps' arguments must mean the same before the loop: no local of the loop body.
            if (sum.Loop is { Body: var body } && sum.Element.DescendantsAndSelf().Any(operation =>
                operation is ILocalReferenceOperation local
                && local.Local.DeclaringSyntaxReferences.Length == 1
                && body.Syntax.Span.Contains(local.Local.DeclaringSyntaxReferences[0].Span)))
            {
                return null;
            }

            // The rewriting (SyntaxGenerator, the formatter) recurses once per level of what it rewrites: no fix for an
            // exp argument as deep as the hostile-input suite's 20,000-term sums (the diagnostic stays).
            if (IsLarge(sum.Element.Syntax) || sum.Uses.ShiftedNumerators.Any(IsLarge))
            {
                return null;
            }

            // LINQ's source is enumerated twice: only a variable, parameter, field or property.
            if (sum.LinqSource is { } source
                && StabilityMatcher.Unwrap(source) is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                    or IPropertyReferenceOperation { Arguments.Length: 0 }))
            {
                return null;
            }

            SyntaxNode first = sum.Loop?.Syntax ?? sum.LinqSum!.Syntax;
            StatementSyntax? anchor = AnchorStatement(first, sum.Accumulator, cancellationToken);
            SyntaxNode? expressionBodied = null;
            if (anchor is null)
            {
                expressionBodied = first.Ancestors().FirstOrDefault(node => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or StatementSyntax or LambdaExpressionSyntax);
                if (expressionBodied is not (MethodDeclarationSyntax { ExpressionBody: not null } or LocalFunctionStatementSyntax { ExpressionBody: not null }))
                {
                    return null;
                }
            }

            SyntaxNode scope = expressionBodied ?? (SyntaxNode?)anchor!.Ancestors().FirstOrDefault(node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
                or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax) ?? anchor!;
            HashSet<string> taken = new(scope.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText));
            string maxName = FreeName("max", taken, target.Model, first.SpanStart);
            string elementName = sum.Term is IDelegateCreationOperation
                ? FreeName("value", taken, target.Model, first.SpanStart)
                : Ancestors(sum.Term).OfType<IAnonymousFunctionOperation>().FirstOrDefault() is { } lambda ? lambda.Symbol.Parameters[0].Name : "value";
            return new Plan(sum, elementType, mathType, anchor, expressionBodied, maxName, elementName);
        }

        /// <summary>Whether <paramref name="node"/> has more than <see cref="MapLoop.MaximumFormulaOperations"/> nodes.</summary>
        private static bool IsLarge(SyntaxNode node) => node.DescendantNodesAndSelf().Skip(MapLoop.MaximumFormulaOperations).Any();

        private static IEnumerable<IOperation> Ancestors(IOperation operation)
        {
            for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            {
                yield return current;
            }
        }

        /// <summary>
        /// The statement of a block the maximum goes before: the sum's declaration when it is in the same block before
        /// the loop, else the statement that holds the loop or the LINQ sum.
        /// </summary>
        private static StatementSyntax? AnchorStatement(SyntaxNode first, ILocalSymbol? accumulator, CancellationToken cancellationToken)
        {
            StatementSyntax? statement = first.AncestorsAndSelf().TakeWhile(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax))
                .OfType<StatementSyntax>().FirstOrDefault(node => node.Parent is BlockSyntax);
            if (statement is null)
            {
                return null;
            }

            if (accumulator?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).Parent?.Parent is LocalDeclarationStatementSyntax declaration
                && declaration.Parent == statement.Parent
                && declaration.SpanStart < statement.SpanStart)
            {
                return declaration;
            }

            return statement;
        }

        private static string FreeName(string name, HashSet<string> taken, SemanticModel model, int position)
        {
            string candidate = name;
            for (int i = 2; taken.Contains(candidate) || !model.LookupSymbols(position, name: candidate).IsEmpty; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
