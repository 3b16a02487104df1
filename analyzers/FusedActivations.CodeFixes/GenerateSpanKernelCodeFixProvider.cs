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
/// FA2006/FA2007 on <c>TensorPrimitives.LogP1(x, destination)</c> and <c>TensorPrimitives.ExpM1(x, destination)</c>
/// over float or double, which compute <c>log(x + 1)</c> and <c>exp(x) - 1</c> element by element: the fix declares a
/// <c>[Fused]</c> kernel of <c>FusedMath.Log1P</c> (<c>ExpM1</c>) next to the call,
/// <c>private static float Log1P(float x) =&gt; FusedMath.Log1P(x);</c> and
/// <c>[Fused(nameof(Log1P))] private static partial void Log1P(ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; destination);</c>,
/// and calls it with the same arguments (a kernel of the type that computes the same is reused). Built with
/// <see cref="KernelWriter"/>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateSpanKernelCodeFixProvider)), Shared]
public sealed class GenerateSpanKernelCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "FusedActivations.GenerateSpanKernel";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ImpreciseLog1P, DiagnosticIds.ImpreciseExpM1);

    /// <summary>The shared Fix All: span calls get kernels, the other occurrences FusedMath (see <see cref="OccurrenceFix"/>).</summary>
    public override FixAllProvider GetFixAllProvider() => OccurrenceFix.FixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (await FixTarget.FindAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is { } target
                && SpanCall.TryCreate(target) is { } call)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Generate a SIMD kernel of FusedMath." + call.Function + " with [Fused]", cancellationToken => FixAsync(context.Document, span, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Whether the occurrence is a span call this fix rewrites.</summary>
    internal static bool IsSpanCall(FixTarget target) => SpanCall.TryCreate(target) is not null;

    internal static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FixTarget.FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } target
            || SpanCall.TryCreate(target) is not { } call)
        {
            return document;
        }

        SemanticModel model = target.Model;
        Compilation compilation = model.Compilation;
        int position = call.Syntax.SpanStart;
        if (KernelWriter.FindType(model, call.Syntax, cancellationToken, out TypeDeclarationSyntax? declaration) is not { } type
            || compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not { } readOnlySpan
            || compilation.GetTypeByMetadataName("System.Span`1") is not { } span1
            || compilation.GetTypeByMetadataName("FusedActivations.FusedAttribute") is not { } fusedAttribute
            || compilation.GetTypeByMetadataName("FusedActivations.FusedMath") is not { } fusedMath)
        {
            return document;
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var writer = new KernelWriter(editor, model, position);
        SyntaxGenerator g = writer.Generator;
        string? name = FindReusableKernel(type, call, fusedAttribute, fusedMath);
        if (name is null)
        {
            name = KernelWriter.FreeName(call.Function, type, model, position);
            // private static T Log1P(T x) => FusedMath.Log1P(x);
            var body = (ExpressionSyntax)g.InvocationExpression(g.MemberAccessExpression(writer.TypeName(fusedMath), call.Function), g.IdentifierName("x"));
            SyntaxNode formulaMethod = writer.FormulaMethod(name, new[] { "x" }, call.ElementType, body);

            SyntaxNode kernel = writer.PartialMethod(
                name,
                new[] { g.ParameterDeclaration("x", writer.Of(readOnlySpan, call.ElementType)), g.ParameterDeclaration("destination", writer.Of(span1, call.ElementType)) },
                writer.FusedAttribute(fusedAttribute, name));
            writer.AddMembers(declaration, type, new[] { formulaMethod, kernel });
        }

        editor.ReplaceNode(
            call.Syntax,
            g.InvocationExpression(g.IdentifierName(name), call.Source.Syntax.WithoutTrivia(), call.Destination.Syntax.WithoutTrivia()).WithTriviaFrom(call.Syntax));
        writer.AddImports();
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// A <c>[Fused(nameof(F))]</c> method of the type over spans of the element type whose formula <c>F</c> is this
    /// function of its one parameter (what an earlier fix wrote): its name, or null.
    /// </summary>
    private static string? FindReusableKernel(INamedTypeSymbol type, SpanCall call, INamedTypeSymbol fusedAttribute, INamedTypeSymbol fusedMath)
    {
        foreach (IMethodSymbol kernel in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (kernel.Parameters.Length != 2
                || kernel.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, fusedAttribute)) is not { } attribute
                || attribute.ConstructorArguments.FirstOrDefault().Value is not string formulaName
                || attribute.NamedArguments.Length != 0)
            {
                continue;
            }

            foreach (IMethodSymbol formula in type.GetMembers(formulaName).OfType<IMethodSymbol>())
            {
                if (formula.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(formula.Parameters[0].Type, call.ElementType)
                    && formula.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax
                    {
                        ExpressionBody.Expression: InvocationExpressionSyntax
                        {
                            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var function } access,
                            ArgumentList.Arguments: { Count: 1 } arguments,
                        },
                    }
                    && function == call.Function
                    && access.Expression.ToString().EndsWith(fusedMath.Name, System.StringComparison.Ordinal)
                    && arguments[0].Expression is IdentifierNameSyntax argument
                    && argument.Identifier.ValueText == formula.Parameters[0].Name)
                {
                    return kernel.Name;
                }
            }
        }

        return null;
    }

    /// <summary><c>TensorPrimitives.LogP1(x, destination);</c> over float or double, as a statement, in code that can declare a kernel.</summary>
    private sealed record SpanCall(InvocationExpressionSyntax Syntax, string Function, ITypeSymbol ElementType, IOperation Source, IOperation Destination)
    {
        public static SpanCall? TryCreate(FixTarget target)
        {
            StabilityMatch match = target.Match;
            if (!match.IsSpanApi
                || match.Report is not IInvocationOperation { Arguments.Length: 2 } invocation
                || invocation.Syntax is not InvocationExpressionSyntax syntax
                || invocation.Parent is not IExpressionStatementOperation
                || invocation.TargetMethod.TypeArguments.Length != 1
                || invocation.TargetMethod.TypeArguments[0] is not { SpecialType: SpecialType.System_Single or SpecialType.System_Double } element
                || syntax.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 }
                || target.Model.Compilation.GetTypeByMetadataName("FusedActivations.FusedAttribute") is null
                || !FusableLoopRule.CanDeclareKernel(syntax))
            {
                return null;
            }

            IOperation? source = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            IOperation? destination = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value;
            string function = match.Function == FusedFunction.Log1P ? "Log1P" : "ExpM1";
            return source is null || destination is null ? null : new SpanCall(syntax, function, element, source, destination);
        }
    }
}
