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
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.CodeFixes;

/// <summary>
/// Replaces a naive expression (FA2001-FA2010) with the accurate scalar function of the runtime library:
/// <c>FusedMath.Softplus</c>, <c>InverseSoftplus</c>, <c>LogAddExp</c>, <c>Sigmoid</c>, <c>LogSigmoid</c>,
/// <c>Log1P</c>, <c>ExpM1</c> or <c>Log1MExp</c>, in the expression's own element type, with a recognised beta folded in, adding
/// <c>using FusedActivations;</c>; a tanh written with exp (FA2008) with .NET's own <c>Math.Tanh</c> or
/// <c>MathF.Tanh</c>; <c>1 ± tanh(u)</c> (FA2009) with <c>2 * FusedMath.Sigmoid(±2 * u)</c>. Not offered where the expression is the body of a map loop: that occurrence gets the kernel fix
/// (<see cref="OccurrenceFix"/>).
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
    /// <summary>The equivalence key of the fix, one for all rules (Fix All gives each occurrence its fix: <see cref="OccurrenceFix"/>).</summary>
    public const string EquivalenceKey = "FusedActivations.UseFusedMath";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.NaiveSoftplus,
        DiagnosticIds.NaiveInverseSoftplus,
        DiagnosticIds.NaiveLogAddExp,
        DiagnosticIds.NaiveSigmoid,
        DiagnosticIds.NaiveLogSigmoid,
        DiagnosticIds.ImpreciseLog1P,
        DiagnosticIds.ImpreciseExpM1,
        DiagnosticIds.NaiveTanh,
        DiagnosticIds.CancellingTanh,
        DiagnosticIds.NaiveLog1MExp);

    /// <summary>FusedMath for these occurrences, kernels for map loops (see <see cref="OccurrenceFix"/>).</summary>
    public override FixAllProvider GetFixAllProvider() => OccurrenceFix.FixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (await FixTarget.FindAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is { } target
                && GetReplacementType(target) is { } type
                && !GenerateKernelCodeFixProvider.IsMapLoop(target, context.CancellationToken))
            {
                string title = target.Match.Function == FusedFunction.TwiceSigmoid
                    ? $"Use 2 * {type.Name}.Sigmoid({(target.Match.NegateX ? "-2" : "2")} * u)"
                    : $"Use {type.Name}.{target.Match.Function}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(context.Document, span, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The type whose function replaces the expression, when the fix applies (float or double, not a span API):
    /// FusedMath (the library referenced), or for tanh Math or MathF by the element type.
    /// </summary>
    private static INamedTypeSymbol? GetReplacementType(FixTarget target)
    {
        StabilityMatch match = target.Match;
        if (match.IsSpanApi || match.X is null || match.ResultType is not { SpecialType: SpecialType.System_Double or SpecialType.System_Single } elementType)
        {
            return null;
        }

        string metadataName = match.Function != FusedFunction.Tanh ? "FusedActivations.FusedMath"
            : elementType.SpecialType == SpecialType.System_Single ? "System.MathF"
            : "System.Math";
        return target.Model.Compilation.GetTypeByMetadataName(metadataName);
    }

    internal static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FixTarget.FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } target
            || GetReplacementType(target) is not { } replacementType)
        {
            return document;
        }

        StabilityMatch match = target.Match;
        ITypeSymbol elementType = match.ResultType!;
        string typeName = Imports.Spell(target.Model, target.Node.SpanStart, replacementType, replacementType.Name, out string? namespaceToImport);
        string call = match.Function == FusedFunction.TwiceSigmoid
            ? TwiceSigmoid(typeName, match, elementType)
            : typeName + "." + match.Function + "(" + string.Join(", ", Arguments(match, elementType)) + ")";
        ExpressionSyntax replacement = SyntaxFactory.ParseExpression(call).WithTriviaFrom(target.Node);

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(target.Node, replacement);
        foreach (StatementSyntax statement in RemovableExpStatements(target))
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
        }

        if (namespaceToImport is not null && target.Root is CompilationUnitSyntax)
        {
            editor.ReplaceNode(target.Root, (root, _) => Imports.AddUsing((CompilationUnitSyntax)root, namespaceToImport));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>1 ± tanh(u) = 2 * sigmoid(±2u) (FA2009): the factor and the doubled argument written out.</summary>
    private static string TwiceSigmoid(string typeName, StabilityMatch match, ITypeSymbol elementType)
    {
        string u = Argument(match.X!, elementType, negate: false);
        if (!IsPrimary(SyntaxFactory.ParseExpression(u)))
        {
            u = "(" + u + ")";
        }

        return "2 * " + typeName + ".Sigmoid(" + (match.NegateX ? "-2 * " : "2 * ") + u + ")";
    }

    /// <summary>The arguments of the FusedMath (or Math) call that replaces the expression.</summary>
    private static List<string> Arguments(StabilityMatch match, ITypeSymbol elementType)
    {
        var arguments = new List<string> { Argument(match.X!, elementType, match.NegateX) };
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
                arguments.Add("1");
            }

            if (noCutOff)
            {
                arguments.Add("double.PositiveInfinity");
            }
        }

        return arguments;
    }

    /// <summary>
    /// One argument of the FusedMath call, from the operand's own text. When the operand's type differs from the
    /// element type (a float passed to Math.Exp, an int), it is cast, so that the same overload (double) is called and
    /// the result keeps its type. Integer constants need no cast.
    /// </summary>
    /// <remarks>
    /// Built as text and read back by the parser, not with SyntaxGenerator or by rewriting the operand's syntax: the
    /// operand may be a 20,000-term sum (issue 10), and everything else recurses down it, one frame per term, until it
    /// throws for want of stack: <c>WithLeadingTrivia</c> on the operand (a syntax rewriter to its first token), and
    /// SyntaxGenerator's nodes, whose elastic trivia make the code action's clean-up run the formatter's trivia
    /// rewriter over the whole new call (measured: InsufficientExecutionStackException in
    /// <c>Formatting.TriviaRewriter</c> on every deep-expression fix test). The parser reads such sums without
    /// recursion, as it did for the original file, and the parsed call carries no elastic trivia.
    /// </remarks>
    internal static string Argument(IOperation operand, ITypeSymbol elementType, bool negate)
    {
        var syntax = (ExpressionSyntax)StabilityMatcher.Unwrap(operand).Syntax;
        string text = TrimWhitespace(syntax.GetLeadingTrivia(), atStart: true).ToFullString()
            + syntax.ToString()
            + TrimWhitespace(syntax.GetTrailingTrivia(), atStart: false).ToFullString();
        bool isPrimary = IsPrimary(syntax);
        ITypeSymbol? naturalType = StabilityMatcher.Unwrap(operand).Type;
        bool integerConstant = operand.ConstantValue.HasValue && naturalType?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
        if (naturalType is not null && !SymbolEqualityComparer.Default.Equals(naturalType, elementType) && !integerConstant)
        {
            string keyword = elementType.SpecialType == SpecialType.System_Single ? "float" : "double";
            text = "(" + keyword + ")" + (isPrimary ? text : "(" + text + ")");
            isPrimary = false;
        }

        return negate ? "-" + (isPrimary ? text : "(" + text + ")") : text;
    }

    /// <summary>
    /// Leading trivia without the whitespace before the first comment, trailing trivia without the whitespace after
    /// the last one: comments next to an operand stay, the spacing around the operand does not.
    /// </summary>
    private static SyntaxTriviaList TrimWhitespace(SyntaxTriviaList trivia, bool atStart)
    {
        static bool IsSpace(SyntaxTrivia t) => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia);
        int start = 0, end = trivia.Count;
        while (start < end && IsSpace(trivia[start]) && (atStart || trivia.Skip(start).All(IsSpace)))
        {
            start++;
        }

        while (end > start && IsSpace(trivia[end - 1]) && (!atStart || trivia.Take(end).All(IsSpace)))
        {
            end--;
        }

        return SyntaxFactory.TriviaList(trivia.Skip(start).Take(end - start));
    }

    /// <summary>Whether the expression needs no parentheses as the operand of a cast or a minus.</summary>
    private static bool IsPrimary(ExpressionSyntax syntax) => syntax is IdentifierNameSyntax or LiteralExpressionSyntax
        or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax;

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
