using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FusedActivations.Analyzers;
using FusedActivations.Analyzers.Matching;
using FusedActivations.Analyzers.Rules;
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
/// FA2012: a map loop, <c>for (int i = 0; i &lt; n; i++) y[i] = FusedMath.Silu(a[i]) * b[i] + c;</c>, becomes one
/// generated kernel. The right-hand side moves into a formula method with one parameter per input (elements and
/// loop-invariant scalars, in order of first use), a <c>[Fused(nameof(F))]</c> partial method of the same name takes
/// <c>ReadOnlySpan&lt;T&gt;</c> per element input, <c>T</c> per scalar and the destination, and the loop becomes its
/// call. When the right-hand side is one <c>FusedMath</c> activation of one element (<c>FusedMath.Sigmoid(x[i])</c>,
/// <c>FusedMath.Softplus(x[i], 2f)</c>), the kernel gets that activation's attribute instead (<c>[Sigmoid]</c>,
/// <c>[Softplus(Beta = 2f)]</c>, <c>GeluTanh</c> → <c>[Gelu(Approximate = GeluApproximation.Tanh)]</c>). Built with
/// <see cref="SyntaxGenerator"/>; types are spelled as the file can see them (<see cref="Imports"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateFusedKernelCodeFixProvider)), Shared]
public sealed class GenerateFusedKernelCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "FusedActivations.GenerateFusedKernel";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FusableLoop);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        SequentialFixAllProvider.Create((document, span, _, cancellationToken) => FixAsync(document, span, cancellationToken), inSourceOrder: true);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (await FindAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is { } found)
            {
                string title = ActivationAttribute(found.Map, found.Model.Compilation) is { } attribute
                    ? "Generate a SIMD kernel with [" + attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) + "]"
                    : "Generate a fused SIMD kernel with [Fused]";
                context.RegisterCodeFix(CodeAction.Create(title, cancellationToken => FixAsync(context.Document, span, cancellationToken), EquivalenceKey), diagnostic);
            }
        }
    }

    private static async Task<(MapLoop Map, SemanticModel Model, SyntaxNode Root)?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !root.FullSpan.Contains(span)
            || root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<ForStatementSyntax>().FirstOrDefault() is not { } loop
            || loop.ForKeyword.SpanStart != span.Start
            || model.GetOperation(loop, cancellationToken) is not IForLoopOperation operation
            || FusableLoopRule.Match(operation, new StabilityMatcher(KnownSymbols.Create(model.Compilation)), cancellationToken) is not { } map)
        {
            return null;
        }

        return (map, model, root);
    }

    private static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not var (map, model, _))
        {
            return document;
        }

        Compilation compilation = model.Compilation;
        int position = map.Syntax.SpanStart;
        if (KernelWriter.FindType(model, map.Syntax, cancellationToken, out TypeDeclarationSyntax? declaration) is not { } type
            || compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not { } readOnlySpan
            || compilation.GetTypeByMetadataName("System.Span`1") is not { } span1
            || compilation.GetTypeByMetadataName("FusedActivations.FusedAttribute") is not { } fusedAttribute)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var writer = new KernelWriter(editor, model, position);
        SyntaxGenerator g = writer.Generator;
        INamedTypeSymbol? activation = ActivationAttribute(map, compilation);
        string baseName = activation is null ? "Fused" : activation.Name.Substring(0, activation.Name.Length - "Attribute".Length);
        string name = KernelWriter.FreeName(baseName, type, model, position);
        SyntaxNode elementType = writer.ElementType(map.ElementType);

        // The kernel: [Fused(nameof(F))] or the activation's attribute, then the partial method.
        SyntaxNode attribute = activation is null
            ? writer.FusedAttribute(fusedAttribute, name)
            : writer.Attribute(activation, ActivationArguments(map, compilation, writer).ToList());
        var parameters = new List<SyntaxNode>();
        foreach (MapInput input in map.Inputs)
        {
            parameters.Add(g.ParameterDeclaration(input.Name, input.Kind == MapInputKind.Scalar ? elementType : writer.Of(readOnlySpan, map.ElementType)));
        }

        string destinationName = map.Inputs.Any(input => input.Name == "destination") ? "output" : "destination";
        parameters.Add(g.ParameterDeclaration(destinationName, writer.Of(span1, map.ElementType)));
        var members = new List<SyntaxNode>();
        if (activation is null)
        {
            members.Add(FormulaMethod(map, name, writer));
        }

        members.Add(writer.PartialMethod(name, parameters, attribute));
        writer.AddMembers(declaration, type, members);

        // The loop becomes the call.
        var arguments = new List<SyntaxNode>();
        foreach (MapInput input in map.Inputs)
        {
            arguments.Add(input.Kind == MapInputKind.Scalar
                ? input.Operation.Syntax.WithoutTrivia()
                : writer.SpanArgument(input.Operation, map.Bound, CountingLoops.IsLengthOf(map.Bound, input.Operation)));
        }

        arguments.Add(writer.SpanArgument(map.Destination, map.Bound, CountingLoops.IsLengthOf(map.Bound, map.Destination)));
        editor.ReplaceNode(map.Syntax, g.ExpressionStatement(g.InvocationExpression(g.IdentifierName(name), arguments)).WithTriviaFrom(map.Syntax));
        writer.AddImports();
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// The activation attribute of a loop that is one <c>FusedMath</c> activation of one element, when the library has
    /// it (<c>GeluTanh</c> is <c>[Gelu]</c> with <c>Approximate</c>); otherwise null (a <c>[Fused]</c> kernel).
    /// </summary>
    private static INamedTypeSymbol? ActivationAttribute(MapLoop map, Compilation compilation)
    {
        if (map.Activation is not { } function)
        {
            return null;
        }

        if (function == "GeluTanh" && compilation.GetTypeByMetadataName("FusedActivations.GeluApproximation") is null)
        {
            return null;
        }

        string attribute = function == "GeluTanh" ? "Gelu" : function;
        return compilation.GetTypeByMetadataName("FusedActivations." + attribute + "Attribute") is { } type
            && map.ActivationArguments.All(argument => type.GetMembers(Property(argument.Parameter)).OfType<IPropertySymbol>().Any())
            ? type
            : null;
    }

    private static IEnumerable<SyntaxNode> ActivationArguments(MapLoop map, Compilation compilation, KernelWriter writer)
    {
        SyntaxGenerator g = writer.Generator;
        if (map.Activation == "GeluTanh" && compilation.GetTypeByMetadataName("FusedActivations.GeluApproximation") is { } approximation)
        {
            yield return g.AttributeArgument("Approximate", g.MemberAccessExpression(writer.TypeName(approximation), "Tanh"));
        }

        foreach ((string parameter, object? value, _) in map.ActivationArguments)
        {
            yield return g.AttributeArgument(Property(parameter), SyntaxFactory.ParseExpression(MapLoop.Literal(value)));
        }
    }

    /// <summary>beta → Beta, negativeSlope → NegativeSlope: FusedMath's parameter as the attribute's property.</summary>
    private static string Property(string parameter) => parameter.Length == 0 ? parameter : char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

    /// <summary><c>private static T F(T x, T b, T c) =&gt; formula;</c>: the loop's right-hand side with each input as its parameter.</summary>
    private static SyntaxNode FormulaMethod(MapLoop map, string name, KernelWriter writer)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach ((SyntaxNode node, int input) in map.Reads)
        {
            replacements[node] = SyntaxFactory.IdentifierName(map.Inputs[input].Name).WithTriviaFrom(node);
        }

        foreach ((SyntaxNode node, string literal) in map.Constants)
        {
            replacements[node] = SyntaxFactory.ParseExpression(literal).WithTriviaFrom(node);
        }

        var body = (ExpressionSyntax)map.Value.Syntax.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]).WithoutTrivia();
        return writer.FormulaMethod(name, map.Inputs.Select(input => input.Name), map.ElementType, body);
    }
}
