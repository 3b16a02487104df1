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
/// <c>[LogSigmoid]</c>, FA2008 → <c>[Tanh]</c>), e.g.
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
        DiagnosticIds.NaiveTanh);

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
        SyntaxNode container = loop.Loop.Ancestors().FirstOrDefault(a => a is TypeDeclarationSyntax) ?? target.Root;
        INamedTypeSymbol? type = container is TypeDeclarationSyntax typeDeclaration
            ? model.GetDeclaredSymbol(typeDeclaration, cancellationToken)
            : model.GetEnclosingSymbol(loop.Loop.SpanStart, cancellationToken)?.ContainingType;
        if (type is null)
        {
            return document;
        }

        IMethodSymbol? existing = FindReusableKernel(type, loop);
        string name = existing?.Name ?? PickFreeName(loop.Target.Attribute, type, model, loop.Loop.SpanStart);
        string endOfLine = Imports.EndOfLine(target.Root);
        var imports = new HashSet<string>(StringComparer.Ordinal);
        if (loop.NeedsSystemImport)
        {
            imports.Add("System");
        }

        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        StatementSyntax call = SyntaxFactory.ParseStatement(KernelCall(name, loop)).WithTriviaFrom(loop.Loop);
        editor.ReplaceNode(loop.Loop, call);
        if (existing is null && KernelDeclaration(name, loop, model, imports) is { } signature)
        {
            if (container is TypeDeclarationSyntax declaration)
            {
                string indentation = MemberIndentation(declaration);
                MemberDeclarationSyntax kernel = SyntaxFactory.ParseMemberDeclaration(
                    endOfLine + indentation + signature.Replace("\n", endOfLine + indentation) + endOfLine)!;
                foreach (TypeDeclarationSyntax enclosing in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
                {
                    bool isTarget = enclosing == declaration;
                    if (isTarget || !enclosing.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        editor.ReplaceNode(enclosing, (node, _) =>
                        {
                            var current = (TypeDeclarationSyntax)node;
                            current = current.Modifiers.Any(SyntaxKind.PartialKeyword) ? current : MakePartial(current);
                            return isTarget ? current.AddMembers(kernel) : current;
                        });
                    }
                }
            }
            else
            {
                // Top-level statements: their Program class is implicitly partial; add the kernel to a declaration of it.
                bool endsWithLineBreak = container.GetLastToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                string program = (endsWithLineBreak ? endOfLine : endOfLine + endOfLine) + "partial class " + type.Name + endOfLine + "{" + endOfLine + "    "
                    + signature.Replace("\n", endOfLine + "    ") + endOfLine + "}" + endOfLine;
                editor.ReplaceNode(container, (node, _) => ((CompilationUnitSyntax)node).AddMembers(SyntaxFactory.ParseMemberDeclaration(program)!));
            }
        }

        if (imports.Count > 0 && target.Root is CompilationUnitSyntax)
        {
            editor.ReplaceNode(target.Root, (node, _) => imports.OrderBy(n => n, StringComparer.Ordinal).Aggregate((CompilationUnitSyntax)node, Imports.AddUsing));
        }

        return editor.GetChangedDocument();
    }

    private static string KernelCall(string name, LoopShape loop)
    {
        var arguments = new List<string>();
        if (!loop.InPlace)
        {
            arguments.Add(loop.SpanArgument(loop.Source, loop.SourceCoversBound));
        }

        arguments.Add(loop.SpanArgument(loop.Destination, loop.DestinationCoversBound));
        return name + "(" + string.Join(", ", arguments) + ");";
    }

    /// <summary>The attribute and signature of the new kernel, lines separated by \n; null if a name cannot be spelled.</summary>
    private static string? KernelDeclaration(string name, LoopShape loop, SemanticModel model, HashSet<string> imports)
    {
        Compilation compilation = model.Compilation;
        int position = loop.Loop.SpanStart;
        if (compilation.GetTypeByMetadataName(loop.Target.AttributeMetadataName) is not { } attributeType
            || compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not { } readOnlySpanType
            || compilation.GetTypeByMetadataName("System.Span`1") is not { } spanType)
        {
            return null;
        }

        string Spell(INamedTypeSymbol type, string simpleName, string written)
        {
            string spelled = Imports.Spell(model, position, type, simpleName, out string? namespaceToImport);
            if (namespaceToImport is not null)
            {
                imports.Add(namespaceToImport);
            }

            return spelled == simpleName ? written : "global::" + type.ContainingNamespace.ToDisplayString() + "." + written;
        }

        // [Softplus] binds to SoftplusAttribute unless a type named Softplus is in scope too.
        string shortName = loop.Target.Attribute;
        string attribute = model.LookupNamespacesAndTypes(position, name: shortName).IsEmpty
            ? Spell(attributeType, shortName + "Attribute", shortName)
            : "global::FusedActivations." + shortName;
        string element = loop.ElementType.SpecialType == SpecialType.System_Single ? "float" : "double";
        var attributeArguments = new List<string>();
        if (loop.BetaText is not null)
        {
            attributeArguments.Add("Beta = " + loop.BetaText);
        }

        if (loop.Target.HasBeta && loop.ElementType.SpecialType == SpecialType.System_Double)
        {
            attributeArguments.Add("Threshold = double.PositiveInfinity");
        }

        if (attributeArguments.Count > 0)
        {
            attribute += "(" + string.Join(", ", attributeArguments) + ")";
        }

        string span = Spell(spanType, "Span", "Span");
        string parameters = loop.InPlace
            ? $"{span}<{element}> values"
            : $"{Spell(readOnlySpanType, "ReadOnlySpan", "ReadOnlySpan")}<{element}> x, {span}<{element}> destination";
        return $"[{attribute}]\nprivate static partial void {name}({parameters});";
    }

    /// <summary>The indentation of the type's members (that of its first member, or the type's plus four spaces).</summary>
    private static string MemberIndentation(TypeDeclarationSyntax declaration)
    {
        static string LineIndentation(SyntaxTriviaList trivia)
        {
            string indentation = string.Empty;
            foreach (SyntaxTrivia t in trivia)
            {
                indentation = t.IsKind(SyntaxKind.WhitespaceTrivia) ? t.ToString() : t.IsKind(SyntaxKind.EndOfLineTrivia) ? string.Empty : indentation;
            }

            return indentation;
        }

        return declaration.Members.Count > 0
            ? LineIndentation(declaration.Members[0].GetFirstToken().LeadingTrivia)
            : LineIndentation(declaration.GetFirstToken().LeadingTrivia) + "    ";
    }

    internal static TypeDeclarationSyntax MakePartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            // `class C` -> `partial class C`, keeping the indentation and comments before the keyword.
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList())).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }

    /// <summary>
    /// A method of the type with the loop's attribute that computes the same thing, to call instead of adding another:
    /// the same shape and element type, Softplus's beta and cut-off, and no setting that changes results (Precision).
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
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
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
            if (!changesResults && (!loop.Target.HasBeta || (sameBeta && sameCutOff)))
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

    /// <summary>Softplus, Softplus2, Softplus3, ... (after the attribute): the first name no member of the type or symbol in scope has.</summary>
    internal static string PickFreeName(string baseName, INamedTypeSymbol type, SemanticModel model, int position)
    {
        for (int suffix = 1; ; suffix++)
        {
            string name = suffix == 1 ? baseName : baseName + suffix.ToString(CultureInfo.InvariantCulture);
            bool taken = false;
            for (INamedTypeSymbol? t = type; t is not null && !taken; t = t.BaseType)
            {
                taken = !t.GetMembers(name).IsEmpty;
            }

            if (!taken && model.LookupSymbols(position, name: name).IsEmpty)
            {
                return name;
            }
        }
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

        public bool NeedsSystemImport { get; private set; }

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
                || !CountingLoops.TryGetElement(assignment.Target, loop.Locals[0], out IOperation destination, out ITypeSymbol destinationElement, out bool destinationIsArray, out bool destinationReadOnly)
                || destinationReadOnly
                || !CountingLoops.TryGetElement(StabilityMatcher.Unwrap(match.X), loop.Locals[0], out IOperation source, out ITypeSymbol sourceElement, out bool sourceIsArray, out _)
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

            // x.AsSpan(0, n) needs MemoryExtensions, i.e. `using System;`.
            bool needsAsSpan = (sourceIsArray && !shape.SourceCoversBound && !shape.InPlace) || (destinationIsArray && !shape.DestinationCoversBound);
            shape.NeedsSystemImport = needsAsSpan
                && target.Model.LookupNamespacesAndTypes(loopSyntax.SpanStart, name: "MemoryExtensions")
                    .All(s => s.ContainingNamespace?.ToDisplayString() != "System");
            return shape;
        }

        /// <summary>The span argument for an array or span: itself if the loop covers all of it, else its first n elements.</summary>
        public string SpanArgument(IOperation collection, bool coversBound)
        {
            string syntax = collection.Syntax.ToString();
            if (coversBound)
            {
                return syntax;
            }

            string slice = collection.Type is IArrayTypeSymbol ? "AsSpan" : "Slice";
            return syntax + "." + slice + "(0, " + Bound.Syntax + ")";
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
