using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// "Generate a SIMD kernel": where a naive activation is the body of a loop that maps one array or span onto another,
/// <c>for (int i = 0; i &lt; n; i++) y[i] = Math.Log(1 + Math.Exp(b * x[i])) / b;</c>, adds its activation's kernel
/// (<see cref="KernelTarget"/>: FA2001 → <c>[Softplus(Beta = b)]</c>, FA2004 → <c>[Sigmoid]</c>, FA2005 →
/// <c>[LogSigmoid]</c>, FA2008 → <c>[Tanh]</c>, FA2009's whole GELU formula →
/// <c>[Gelu(Approximate = GeluApproximation.Tanh)]</c>), e.g.
/// <c>[Softplus(Beta = b)] private static partial void Softplus(ReadOnlySpan&lt;T&gt; x, Span&lt;T&gt; destination);</c>,
/// to the containing type (made partial, with its containing types) and replaces the loop with one call. The
/// FusedActivations generator writes the method's body. Modelled on dotnet/runtime's UpgradeToGeneratedRegexCodeFixer.
/// </summary>
/// <remarks>
/// A method of the type with the same attribute, element type, shape (and for Softplus beta and cut-off) is reused;
/// otherwise the new method is named after the attribute, Softplus, Softplus2, ... whichever is free. For double the attribute gets
/// <c>Threshold = double.PositiveInfinity</c>, since the naive loop has no linear cut-off (for float the default 20
/// changes no result, see <see cref="UseFusedMathCodeFixProvider"/>). A loop with <c>y[i] = f(y[i])</c> becomes an
/// in-place kernel.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateKernelCodeFixProvider)), Shared]
public sealed class GenerateKernelCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "FusedActivations.GenerateKernel";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.NaiveSoftplus,
        DiagnosticIds.NaiveSigmoid,
        DiagnosticIds.NaiveLogSigmoid,
        DiagnosticIds.NaiveTanh,
        DiagnosticIds.CancellingTanh);

    /// <summary>Kernels for map loops, FusedMath for the other occurrences (see <see cref="OccurrenceFix"/>).</summary>
    public override FixAllProvider GetFixAllProvider() => OccurrenceFix.FixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (await FixTarget.FindAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is { } target
                && LoopShape.TryCreate(target, context.CancellationToken) is { } loop)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(loop.Target.Title, cancellationToken => FixAsync(context.Document, span, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Whether the occurrence is a map loop this fix rewrites (and the expression fix leaves to it).</summary>
    internal static bool IsMapLoop(FixTarget target, CancellationToken cancellationToken) => LoopShape.TryCreate(target, cancellationToken) is not null;

    internal static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        if (await FixTarget.FindAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } target
            || LoopShape.TryCreate(target, cancellationToken) is not { } loop)
        {
            return document;
        }

        SemanticModel model = target.Model;
        if (KernelWriter.FindType(model, loop.Loop, cancellationToken, out TypeDeclarationSyntax? declaration) is not { } type)
        {
            return document;
        }

        IMethodSymbol? existing = FindReusableKernel(type, loop);
        string name = existing?.Name ?? KernelWriter.FreeName(loop.Target.Attribute, type, model, loop.Loop.SpanStart);
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var writer = new KernelWriter(editor, model, loop.Loop.SpanStart);
        SyntaxGenerator g = writer.Generator;
        if (existing is null)
        {
            if (KernelDeclaration(name, loop, model, writer) is not { } kernel)
            {
                return document;
            }

            writer.AddMembers(declaration, type, new[] { kernel });
        }

        // The loop becomes the call: Softplus(x, y) or, in place, Softplus(values).
        var arguments = new List<SyntaxNode>();
        if (!loop.InPlace)
        {
            arguments.Add(writer.SpanArgument(loop.Source, loop.Bound, loop.SourceCoversBound));
        }

        arguments.Add(writer.SpanArgument(loop.Destination, loop.Bound, loop.DestinationCoversBound));
        editor.ReplaceNode(loop.Loop, g.ExpressionStatement(g.InvocationExpression(g.IdentifierName(name), arguments)).WithTriviaFrom(loop.Loop));
        writer.AddImports();
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// <c>[Softplus(Beta = 2, Threshold = double.PositiveInfinity)] private static partial void Softplus(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; destination);</c>
    /// (in place: <c>Span&lt;T&gt; values</c>); null if the library's types are missing.
    /// </summary>
    private static SyntaxNode? KernelDeclaration(string name, LoopShape loop, SemanticModel model, KernelWriter writer)
    {
        Compilation compilation = model.Compilation;
        if (compilation.GetTypeByMetadataName(loop.Target.AttributeMetadataName) is not { } attributeType
            || compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not { } readOnlySpanType
            || compilation.GetTypeByMetadataName("System.Span`1") is not { } spanType)
        {
            return null;
        }

        SyntaxGenerator g = writer.Generator;
        var attributeArguments = new List<SyntaxNode>();
        if (loop.BetaText is not null)
        {
            attributeArguments.Add(g.AttributeArgument("Beta", SyntaxFactory.ParseExpression(loop.BetaText)));
        }

        if (loop.Target.Approximation is { } approximation)
        {
            if (compilation.GetTypeByMetadataName("FusedActivations.GeluApproximation") is not { } approximationType)
            {
                return null;
            }

            attributeArguments.Add(g.AttributeArgument("Approximate", g.MemberAccessExpression(writer.TypeName(approximationType), approximation)));
        }

        if (loop.Target.HasBeta && loop.ElementType.SpecialType == SpecialType.System_Double)
        {
            attributeArguments.Add(g.AttributeArgument("Threshold", g.MemberAccessExpression(g.TypeExpression(SpecialType.System_Double), "PositiveInfinity")));
        }

        SyntaxNode[] parameters = loop.InPlace
            ? new[] { g.ParameterDeclaration("values", writer.Of(spanType, loop.ElementType)) }
            : new[]
            {
                g.ParameterDeclaration("x", writer.Of(readOnlySpanType, loop.ElementType)),
                g.ParameterDeclaration("destination", writer.Of(spanType, loop.ElementType)),
            };
        return writer.PartialMethod(name, parameters, writer.Attribute(attributeType, attributeArguments));
    }

    /// <summary>
    /// A method of the type with the loop's attribute that computes the same thing, to call instead of adding another:
    /// the same shape and element type, Softplus's beta and cut-off, GELU's approximation, and no setting that changes
    /// results (Precision).
    /// </summary>
    private static IMethodSymbol? FindReusableKernel(INamedTypeSymbol type, LoopShape loop)
    {
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (!method.IsStatic || !method.ReturnsVoid || method.IsGenericMethod || method.Parameters.Length != (loop.InPlace ? 1 : 2))
            {
                continue;
            }

            AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == loop.Target.AttributeMetadataName);
            if (attribute is null || !ParametersMatch(method, loop))
            {
                continue;
            }

            double beta = 1, threshold = 20;
            bool changesResults = false;
            string? approximate = null;
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == "Approximate" && argument.Value.Value is int member)
                {
                    approximate = member == 0 ? null : argument.Value.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.ConstantValue is int v && v == member)?.Name ?? "?";
                }

                if (argument.Key == "Precision" && argument.Value.Value is not (null or 0))
                {
                    changesResults = true;
                }

                if (argument.Value.Value is double value)
                {
                    if (argument.Key == "Beta")
                    {
                        beta = value;
                    }
                    else if (argument.Key == "Threshold")
                    {
                        threshold = value;
                    }
                }
                else if (argument.Key == "Unroll")
                {
                    continue;
                }
            }

            bool isFloat = loop.ElementType.SpecialType == SpecialType.System_Single;
            bool sameBeta = isFloat ? (float)beta == (float)loop.Beta : beta == loop.Beta;
            bool sameCutOff = isFloat ? threshold >= 20 : double.IsPositiveInfinity(threshold);
            if (!changesResults && approximate == loop.Target.Approximation && (!loop.Target.HasBeta || (sameBeta && sameCutOff)))
            {
                return method;
            }
        }

        return null;
    }

    private static bool ParametersMatch(IMethodSymbol method, LoopShape loop)
    {
        static bool IsSpanOf(ITypeSymbol type, string name, ITypeSymbol element) =>
            type is INamedTypeSymbol { IsGenericType: true } named
            && named.ConstructedFrom.ToDisplayString() == name
            && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], element);

        return loop.InPlace
            ? IsSpanOf(method.Parameters[0].Type, "System.Span<T>", loop.ElementType)
            : IsSpanOf(method.Parameters[0].Type, "System.ReadOnlySpan<T>", loop.ElementType)
                && IsSpanOf(method.Parameters[1].Type, "System.Span<T>", loop.ElementType);
    }

    /// <summary>The recognised loop: <c>for (int i = 0; i &lt; bound; i++) destination[i] = f(source[i]);</c>, f naive.</summary>
    private sealed class LoopShape
    {
        private LoopShape(KernelTarget target, ForStatementSyntax loop, IOperation source, IOperation destination, IOperation bound, ITypeSymbol elementType)
        {
            Target = target;
            Loop = loop;
            Source = source;
            Destination = destination;
            Bound = bound;
            ElementType = elementType;
        }

        /// <summary>The attribute the loop's kernel gets.</summary>
        public KernelTarget Target { get; }

        public ForStatementSyntax Loop { get; }

        public IOperation Source { get; }

        public IOperation Destination { get; }

        public IOperation Bound { get; }

        public ITypeSymbol ElementType { get; }

        public double Beta { get; private set; } = 1;

        /// <summary>The attribute's Beta value as C# (the literal as written where it is one), or null for 1.</summary>
        public string? BetaText { get; private set; }

        public bool InPlace { get; private set; }

        public bool SourceCoversBound { get; private set; }

        public bool DestinationCoversBound { get; private set; }

        public static LoopShape? TryCreate(FixTarget target, CancellationToken cancellationToken)
        {
            StabilityMatch match = target.Match;
            // The activation of x[i] itself: a negated argument (log(1 / (1 + exp(x))) = LogSigmoid(-x)) is not a map.
            if (KernelTarget.For(match.Function) is not { } kernel || match.NegateX || match.ExpLocalDeclarator is not null || match.X is null
                || target.Model.Compilation.GetTypeByMetadataName(kernel.AttributeMetadataName) is null
                || target.Node.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 })
            {
                return null;
            }

            // destination[i] = (T)softplus;
            IOperation value = match.Report;
            while (value.Parent is IConversionOperation { Type.SpecialType: SpecialType.System_Single or SpecialType.System_Double } conversion)
            {
                value = conversion;
            }

            if (value.Parent is not ISimpleAssignmentOperation assignment
                || !ReferenceEquals(assignment.Value, value)
                || assignment.Parent is not IExpressionStatementOperation statement)
            {
                return null;
            }

            IForLoopOperation? loop = statement.Parent as IForLoopOperation
                ?? (statement.Parent is IBlockOperation { Operations.Length: 1 } block ? block.Parent as IForLoopOperation : null);
            if (loop?.Syntax is not ForStatementSyntax loopSyntax
                || loop.Locals.Length != 1
                || !CountingLoops.IsCountingFromZero(loop, loop.Locals[0], out IOperation? bound)
                || !CountingLoops.TryGetElement(assignment.Target, loop.Locals[0], out IOperation destination, out ITypeSymbol destinationElement, out _, out bool destinationReadOnly)
                || destinationReadOnly
                || !CountingLoops.TryGetElement(StabilityMatcher.Unwrap(match.X), loop.Locals[0], out IOperation source, out ITypeSymbol sourceElement, out _, out _)
                || !SymbolEqualityComparer.Default.Equals(sourceElement, destinationElement)
                || sourceElement.SpecialType is not (SpecialType.System_Single or SpecialType.System_Double))
            {
                return null;
            }

            var shape = new LoopShape(kernel, loopSyntax, source, destination, bound!, sourceElement)
            {
                InPlace = Equivalence.AreEquivalent(source, destination),
                SourceCoversBound = CountingLoops.IsLengthOf(bound!, source),
                DestinationCoversBound = CountingLoops.IsLengthOf(bound!, destination),
            };

            // Beta must be a positive constant: it becomes an attribute argument.
            if (kernel.HasBeta && match.Second is { } beta)
            {
                Optional<object?> constant = beta.ConstantValue.HasValue ? beta.ConstantValue : StabilityMatcher.Unwrap(beta).ConstantValue;
                if (!constant.HasValue || !TryToDouble(constant.Value, out double betaValue) || !(betaValue > 0) || double.IsInfinity(betaValue))
                {
                    return null;
                }

                shape.Beta = betaValue;
                shape.BetaText = StabilityMatcher.Unwrap(beta).Syntax is LiteralExpressionSyntax literal
                    ? literal.WithoutTrivia().ToString()
                    : constant.Value is float single
                        ? single.ToString("R", CultureInfo.InvariantCulture) + "f"
                        : StabilityMatcher.FormatInvariant(betaValue);
                if (betaValue == 1)
                {
                    shape.BetaText = null;
                }
            }

            return shape;
        }

        private static bool TryToDouble(object? value, out double result)
        {
            switch (value)
            {
                case double d: result = d; return true;
                case float f: result = f; return true;
                case int i: result = i; return true;
                case long l: result = l; return true;
                case decimal m: result = (double)m; return true;
                default: result = 0; return false;
            }
        }
    }
}
