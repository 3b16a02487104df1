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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.CodeFixes;

/// <summary>
/// Replaces a naive expression (FA2001-FA2007) with the accurate scalar function of the runtime library:
/// <c>FusedMath.Softplus</c>, <c>InverseSoftplus</c>, <c>LogAddExp</c>, <c>Sigmoid</c>, <c>LogSigmoid</c>,
/// <c>Log1P</c> or <c>ExpM1</c>, in the expression's own element type, with a recognised beta folded in, adding
/// <c>using FusedActivations;</c>.
/// </summary>
/// <remarks>
/// Semantics: the naive double softplus has no linear cut-off, so for double the fix passes
/// <c>double.PositiveInfinity</c> as threshold (FusedMath's default is PyTorch's 20, which would change results by up
/// to 2e-9 near x = 20). For float the default cut-off is kept: above beta * x = 20 the correction
/// log1p(exp(-beta x)) / beta is below half a float ULP of x, so the result is the same.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseFusedMathCodeFixProvider)), Shared]
public sealed class UseFusedMathCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one for all rules: Fix All applies every FusedMath replacement).</summary>
    public const string EquivalenceKey = "FusedActivations.UseFusedMath";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.NaiveSoftplus,
        DiagnosticIds.NaiveInverseSoftplus,
        DiagnosticIds.NaiveLogAddExp,
        DiagnosticIds.NaiveSigmoid,
        DiagnosticIds.NaiveLogSigmoid,
        DiagnosticIds.ImpreciseLog1P,
        DiagnosticIds.ImpreciseExpM1);

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
                && GetFusedMath(target) is not null)
            {
                string title = $"Use FusedMath.{target.Match.Function}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(context.Document, span, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>FusedMath, when the fix applies: float or double, the library referenced, not a span API.</summary>
    private static INamedTypeSymbol? GetFusedMath(FixTarget target)
    {
        StabilityMatch match = target.Match;
        if (match.IsSpanApi || match.X is null || match.ResultType is not { SpecialType: SpecialType.System_Double or SpecialType.System_Single })
        {
            return null;
        }

        return target.Model.Compilation.GetTypeByMetadataName("FusedActivations.FusedMath");
    }

    private static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FixTarget.FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } target
            || GetFusedMath(target) is not { } fusedMath)
        {
            return document;
        }

        StabilityMatch match = target.Match;
        ITypeSymbol elementType = match.ResultType!;
        var arguments = new List<ExpressionSyntax> { Argument(match.X!, elementType, match.NegateX) };
        if (match.Function == FusedFunction.LogAddExp)
        {
            arguments.Add(Argument(match.Second!, elementType, negate: false));
        }
        else if (match.Function is FusedFunction.Softplus or FusedFunction.InverseSoftplus)
        {
            bool isDouble = elementType.SpecialType == SpecialType.System_Double;
            bool noCutOff = match.Function == FusedFunction.Softplus && isDouble;
            if (match.Second is not null)
            {
                arguments.Add(Argument(match.Second, elementType, negate: false));
            }
            else if (noCutOff)
            {
                arguments.Add(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
            }

            if (noCutOff)
            {
                arguments.Add(SyntaxFactory.ParseExpression("double.PositiveInfinity"));
            }
        }

        SyntaxGenerator generator = SyntaxGenerator.GetGenerator(document);
        var replacement = (ExpressionSyntax)generator.InvocationExpression(
            generator.MemberAccessExpression(generator.TypeExpression(fusedMath, addImport: true), match.Function.ToString()),
            arguments);
        replacement = replacement.WithTriviaFrom(target.Node).WithAdditionalAnnotations(Formatter.Annotation);

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(target.Node, replacement);
        foreach (StatementSyntax statement in RemovableExpStatements(target))
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
        }

        return await CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the usings that annotated type names need, shortens them and formats the new nodes.</summary>
    internal static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One argument of the FusedMath call, from the operand's own syntax. When the operand's type differs from the
    /// element type (a float passed to Math.Exp, an int), it is cast, so that the same overload (double) is called and
    /// the result keeps its type. Integer constants need no cast.
    /// </summary>
    internal static ExpressionSyntax Argument(IOperation operand, ITypeSymbol elementType, bool negate)
    {
        var syntax = (ExpressionSyntax)StabilityMatcher.Unwrap(operand).Syntax;
        syntax = syntax.WithoutTrivia();
        ITypeSymbol? naturalType = StabilityMatcher.Unwrap(operand).Type;
        bool integerConstant = operand.ConstantValue.HasValue && naturalType?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
        if (naturalType is not null && !SymbolEqualityComparer.Default.Equals(naturalType, elementType) && !integerConstant)
        {
            syntax = SyntaxFactory.CastExpression(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(elementType.SpecialType == SpecialType.System_Single ? SyntaxKind.FloatKeyword : SyntaxKind.DoubleKeyword)),
                Parenthesize(syntax));
        }

        return negate
            ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Parenthesize(syntax))
            : syntax;
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax syntax) => syntax is IdentifierNameSyntax or LiteralExpressionSyntax
        or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
        ? syntax
        : SyntaxFactory.ParenthesizedExpression(syntax);

    /// <summary>
    /// <c>var e = Math.Exp(x);</c> (or <c>e = Math.Exp(x);</c> and <c>double e;</c>) when the fixed expression was the
    /// local's only reader: the statements that would be left computing an unused exp.
    /// </summary>
    private static IEnumerable<StatementSyntax> RemovableExpStatements(FixTarget target)
    {
        if (target.Match.ExpLocalDeclarator is not { } declarator
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
            || declaration.Parent is not BlockSyntax block
            || declaration.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            return Enumerable.Empty<StatementSyntax>();
        }

        string name = declarator.Identifier.ValueText;
        var references = block.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(identifier => identifier.Identifier.ValueText == name && !target.Node.Span.Contains(identifier.Span))
            .ToList();
        if (declarator.Initializer is not null)
        {
            return references.Count == 0 ? new StatementSyntax[] { declaration } : Enumerable.Empty<StatementSyntax>();
        }

        // The only other reference is the assignment just before the use.
        if (references.Count == 1
            && references[0].Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignment } assignmentExpression
            && assignmentExpression.Left == references[0])
        {
            return new StatementSyntax[] { declaration, assignment };
        }

        return Enumerable.Empty<StatementSyntax>();
    }
}
