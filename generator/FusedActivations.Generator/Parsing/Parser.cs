using System.Collections.Generic;
using System.Threading;
using FusedActivations.Generator.Activations;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// Turns a method that carries an activation attribute into a <see cref="ParseResult"/>: the <see cref="MethodSpec"/>
/// to emit when everything is valid, otherwise every problem found as a diagnostic.
/// </summary>
/// <remarks>
/// Runs on every keystroke in the IDE, so it must never throw, whatever half-typed code it is given: types that do not
/// resolve and attribute arguments that are not constants make it return quietly (the compiler already reports them),
/// everything it can judge gets a diagnostic, and only a cancellation escapes.
/// </remarks>
internal static class Parser
{
    /// <summary>
    /// The unroll factor used when the attribute leaves <c>Unroll</c> at 0: vectors per main-loop iteration. The kernel
    /// engineer tunes this number from benchmarks; it must stay one of 1, 2, 4 or 8.
    /// </summary>
    public const int DefaultUnroll = 4;

    /// <summary>The minimum language version of the generated code, which uses file-local types.</summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    private const string UnrollArgument = "Unroll";

    private const string ParallelArgument = "Parallel";

    private const string ParallelThresholdArgument = "ParallelThreshold";

    /// <summary>The runtime's <c>ParallelKernels.DefaultThreshold</c>, folded into the methods that leave <c>ParallelThreshold</c> at 0.</summary>
    public const int DefaultParallelThreshold = 1 << 17;

    /// <summary>
    /// Parses <paramref name="syntax"/> on behalf of the pipeline of <paramref name="attributeMetadataName"/>.
    /// A method with several activation attributes is handled by the pipeline of the first one the generator
    /// implements; the other pipelines return <see cref="ParseResult.Empty"/> so nothing is reported twice.
    /// </summary>
    /// <remarks>
    /// The spec is ready to be written out verbatim: namespace, type, method and parameter names are identifiers as
    /// code must spell them (<c>@default</c> for a keyword), types are fully qualified (<c>global::System.Span&lt;float&gt;</c>),
    /// modifiers are the declaration's own. Hint names must therefore not be built from these strings unfiltered.
    /// </remarks>
    public static ParseResult Parse(
        MethodDeclarationSyntax syntax,
        SemanticModel semanticModel,
        string attributeMetadataName,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (semanticModel.GetDeclaredSymbol(syntax, cancellationToken) is not IMethodSymbol method
            || ActivationRegistry.ForAttribute(attributeMetadataName) is not { } activation)
        {
            return ParseResult.Empty;
        }

        ActivationAttributeSet attributes = ActivationAttributeSet.Of(method);
        if (attributes.Owner is not { } owner || ActivationAttributes.MetadataNameOf(owner.AttributeClass!) != attributeMetadataName)
        {
            return ParseResult.Empty;
        }

        if (method.ContainingType is null || DuplicateDeclarations.Exist(method))
        {
            return ParseResult.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        attributes.ReportExtras(method.Name, diagnostics, cancellationToken);

        EquatableArray<ContainingTypeSpec>? containingTypes = ContainingTypeParser.Parse(method, syntax, diagnostics);
        bool formIsValid = MethodFormChecks.Check(method, syntax, diagnostics);

        // A generic method's signature mentions type parameters: FA1005 says all there is to say.
        Signature? signature = method.IsGenericMethod ? null : SignatureParser.Parse(method, syntax, semanticModel.Compilation, diagnostics);

        var arguments = new AttributeArguments(owner, semanticModel, cancellationToken);
        int? unroll = ReadUnroll(arguments, method.Name, diagnostics);
        int? parallelThreshold = ReadParallel(arguments, signature?.Shape, method.Name, diagnostics);
        KernelPrecision? precision = PrecisionArgument.Read(arguments, method.Name, diagnostics);
        ActivationSpec? activationSpec = activation.ReadArguments(
            new ActivationArgumentContext(arguments, signature?.Element, method.Name, diagnostics));

        CheckLanguageVersion(syntax, method.Name, diagnostics);

        if (diagnostics.Count > 0 || containingTypes is null || !formIsValid || signature is null || unroll is null || parallelThreshold is null || precision is null || activationSpec is null)
        {
            return ParseResult.Failure(diagnostics, StubBuilder.TryCreate(method, syntax, diagnostics, NamespaceOf(method)));
        }

        return ParseResult.Success(new MethodSpec(
            NamespaceOf(method),
            containingTypes.Value,
            string.Join(" ", syntax.Modifiers),
            signature.ReturnType,
            Identifiers.Escape(method.Name),
            signature.Parameters,
            signature.Shape,
            new KernelSpec(activationSpec, signature.Element, unroll.Value, precision.Value),
            RuntimeAliasOf(owner.AttributeClass!, semanticModel.Compilation),
            parallelThreshold.Value));
    }

    /// <summary>
    /// The extern alias of the runtime library's reference (where the attribute comes from), or null when the library is
    /// in the global namespace: a reference with aliases and without <c>global</c> among them is only reachable as
    /// <c>alias::FusedActivations</c>, so generated code must declare and use the alias.
    /// </summary>
    internal static string? RuntimeAliasOf(INamedTypeSymbol attribute, Compilation compilation)
    {
        if (compilation.GetMetadataReference(attribute.ContainingAssembly) is not { } reference)
        {
            return null;
        }

        System.Collections.Immutable.ImmutableArray<string> aliases = reference.Properties.Aliases;
        return aliases.IsDefaultOrEmpty || aliases.Contains("global") ? null : aliases[0];
    }

    /// <summary>The resolved unroll factor, or null when it is invalid (diagnostic added) or not a constant.</summary>
    private static int? ReadUnroll(AttributeArguments arguments, string methodName, List<DiagnosticInfo> diagnostics)
    {
        if (!arguments.TryGetInt32(UnrollArgument, 0, out int unroll))
        {
            return null;
        }

        switch (unroll)
        {
            case 0:
                return DefaultUnroll;
            case 1 or 2 or 4 or 8:
                return unroll;
            default:
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidUnroll,
                    arguments.LocationOf(UnrollArgument),
                    unroll.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    methodName));
                return null;
        }
    }

    /// <summary>
    /// The element count from which the method splits its work across the thread pool: 0 without <c>Parallel = true</c>,
    /// the attribute's <c>ParallelThreshold</c> or <see cref="DefaultParallelThreshold"/> with it; null when a setting is
    /// invalid (diagnostic added) or not a constant.
    /// </summary>
    internal static int? ReadParallel(AttributeArguments arguments, MethodShape? shape, string methodName, List<DiagnosticInfo> diagnostics)
    {
        if (!arguments.TryGetBoolean(ParallelArgument, false, out bool parallel)
            || !arguments.TryGetInt32(ParallelThresholdArgument, 0, out int threshold))
        {
            return null;
        }

        if (threshold < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidParallel,
                arguments.LocationOf(ParallelThresholdArgument),
                "ParallelThreshold = " + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
                methodName,
                "use a positive number of elements, from which a call is split across the thread pool, or 0 (the default, 131072)"));
            return null;
        }

        if (parallel && shape == MethodShape.Scalar)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidParallel,
                arguments.LocationOf(ParallelArgument),
                "Parallel = true",
                methodName,
                "it computes one element, and Parallel splits spans across threads: remove Parallel, or take a ReadOnlySpan and a Span (or one Span, in place)"));
            return null;
        }

        return !parallel ? 0 : threshold == 0 ? DefaultParallelThreshold : threshold;
    }

    internal static void CheckLanguageVersion(MethodDeclarationSyntax syntax, string methodName, List<DiagnosticInfo> diagnostics)
    {
        if (syntax.SyntaxTree.Options is CSharpParseOptions options && options.LanguageVersion < MinimumLanguageVersion)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LanguageVersionTooLow,
                LocationInfo.From(syntax.Identifier),
                methodName,
                options.LanguageVersion.ToDisplayString()));
        }
    }

    /// <summary>The namespace as the generated file must declare it (<c>A.B</c>, keywords escaped), or null for the global one.</summary>
    internal static string? NamespaceOf(IMethodSymbol method)
    {
        INamedTypeSymbol outermost = method.ContainingType;
        while (outermost.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        INamespaceSymbol? ns = outermost.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace
            ? null
            : ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
    }
}
