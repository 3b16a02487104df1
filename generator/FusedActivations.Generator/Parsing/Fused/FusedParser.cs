using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Differentiation;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// Turns a method that carries <c>[Fused]</c> or <c>[FusedGradient]</c> into a <see cref="FusedParseResult"/>: the
/// <see cref="FusedMethodSpec"/> to emit when the method, its formula and the two together are valid, otherwise every
/// problem found as a diagnostic and a declaration that completes the method.
/// </summary>
/// <remarks>
/// Like <see cref="Parser"/>, it runs on every keystroke and never throws: code that does not compile yet (types that
/// do not resolve, a formula with errors, an attribute argument that is not a constant) makes it return quietly, as
/// the compiler reports it. The steps: which attribute owns the method (<see cref="FusedAttributes"/>); the method's
/// form and containing types, as for activation methods; the formula method (<see cref="FormulaLocator"/>) and its
/// body (<see cref="FormulaLowerer"/>); the parameters against the formula (<see cref="ForwardSignatureMatcher"/>,
/// <see cref="GradientSignatureMatcher"/>); for a gradient method, the derivative (<see cref="FormulaGradient"/>).
/// </remarks>
internal static class FusedParser
{
    /// <summary>Parses <paramref name="syntax"/> on behalf of the pipeline of <paramref name="attributeMetadataName"/>.</summary>
    public static FusedParseResult Parse(
        MethodDeclarationSyntax syntax,
        SemanticModel semanticModel,
        string attributeMetadataName,
        CancellationToken cancellationToken) =>
        Parse(syntax, semanticModel, attributeMetadataName, FormulaGradient.Derive, cancellationToken);

    /// <summary>
    /// <see cref="Parse(MethodDeclarationSyntax, SemanticModel, string, CancellationToken)"/> with the derivative taken
    /// by <paramref name="derive"/>: tests put a stand-in there to check how a gradient method's spec is assembled.
    /// </summary>
    internal static FusedParseResult Parse(
        MethodDeclarationSyntax syntax,
        SemanticModel semanticModel,
        string attributeMetadataName,
        Func<FormulaSpec, IReadOnlyList<StreamKind>, FormulaSpec?> derive,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bool isGradient = attributeMetadataName == FusedAttributes.GradientMetadataName;
        if ((!isGradient && attributeMetadataName != FusedAttributes.FusedMetadataName)
            || semanticModel.GetDeclaredSymbol(syntax, cancellationToken) is not IMethodSymbol method)
        {
            return FusedParseResult.Empty;
        }

        FusedAttributes attributes = FusedAttributes.Of(method);
        if (attributes.First is not { } owner
            || FusedAttributes.MetadataNameOf(owner.AttributeClass) != attributeMetadataName
            || method.ContainingType is null
            || DuplicateDeclarations.Exist(method))
        {
            return FusedParseResult.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        attributes.ReportExtras(method.Name, diagnostics, cancellationToken);
        if (attributes.ActivationOwnsMethod)
        {
            // The activation's pipeline implements (or completes) the method: nothing more to say or emit here.
            return FusedParseResult.Failure(diagnostics);
        }

        Compilation compilation = semanticModel.Compilation;
        EquatableArray<ContainingTypeSpec>? containingTypes = ContainingTypeParser.Parse(method, syntax, diagnostics);
        bool formIsValid = MethodFormChecks.Check(method, syntax, diagnostics);
        Parser.CheckLanguageVersion(syntax, method.Name, diagnostics);

        FormulaMethod? formula = FormulaLocator.Locate(method, owner, FusedSignatureContext.ElementHint(method, compilation), compilation, diagnostics, cancellationToken);
        FormulaSpec? forward = formula is null ? null : FormulaLowerer.Lower(formula, semanticModel, diagnostics, cancellationToken);

        // A generic method's signature mentions type parameters: FA1005 says all there is to say.
        StreamBinding? binding = null;
        if (formula is not null && !method.IsGenericMethod
            && FusedSignatureContext.Create(method, syntax, formula, compilation, diagnostics, cancellationToken) is { } context)
        {
            binding = isGradient ? GradientSignatureMatcher.Match(context) : ForwardSignatureMatcher.Match(context);
        }

        // [Fused(Precision = ...)]: the activation calls' precision (a gradient's derivative rules stay accurate).
        var arguments = new AttributeArguments(owner, semanticModel, cancellationToken);
        KernelPrecision? precision = PrecisionArgument.Read(arguments, method.Name, diagnostics);

        // Parallel = true: the spans are pinned while chunks of them run on the thread pool.
        int? parallelThreshold = Parser.ReadParallel(arguments, shape: null, method.Name, diagnostics);
        if (parallelThreshold > 0 && binding is not null)
        {
            CheckParallelStreams(binding, arguments, method.Name, diagnostics);
        }

        FormulaSpec? computed = forward is null || precision is null ? null : forward with { Precision = precision.Value };
        if (isGradient && forward is not null && binding is not null && diagnostics.Count == 0)
        {
            // Too deep is decided by the formula, not by the stack this run happens to have (FormulaGradient.MaxDepth).
            int depth = FormulaDepth.Of(forward);
            computed = depth > FormulaGradient.MaxDepth ? null : derive(forward, binding.KindsOfFirst(forward.Parameters.Count));
            if (computed is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DerivativeNotAvailable,
                    LocationInfo.From(owner.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? LocationInfo.From(syntax.Identifier),
                    formula!.Name,
                    method.Name,
                    depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FormulaGradient.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        if (diagnostics.Count > 0 || containingTypes is null || !formIsValid || computed is null || binding is null || parallelThreshold is null)
        {
            return FusedParseResult.Failure(diagnostics, StubBuilder.TryCreate(method, syntax, diagnostics, Parser.NamespaceOf(method)));
        }

        return FusedParseResult.Success(new FusedMethodSpec(
            Parser.NamespaceOf(method),
            containingTypes.Value,
            string.Join(" ", syntax.Modifiers),
            Identifiers.Escape(method.Name),
            binding.Parameters,
            binding.Inputs,
            binding.Outputs,
            computed,
            isGradient,
            Parser.RuntimeAliasOf(owner.AttributeClass!, compilation),
            parallelThreshold.Value));
    }

    /// <summary>
    /// A parallel call pins every span while its chunks run, through a runtime method of
    /// <see cref="MaximumParallelStreams"/> span parameters: a method with more is FA1025 at <c>Parallel</c>.
    /// </summary>
    private static void CheckParallelStreams(StreamBinding binding, AttributeArguments arguments, string methodName, List<DiagnosticInfo> diagnostics)
    {
        int spans = binding.Inputs.Count(input => input.Kind != StreamKind.Scalar) + binding.Outputs.Count;
        if (spans > MaximumParallelStreams)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidParallel,
                arguments.LocationOf("Parallel"),
                "Parallel = true",
                methodName,
                $"it takes {spans.ToString(System.Globalization.CultureInfo.InvariantCulture)} spans and a parallel fused method takes at most {MaximumParallelStreams}: remove Parallel, or split the formula"));
        }
    }

    /// <summary>The runtime's <c>ParallelKernels.MaximumFusedStreams</c>.</summary>
    public const int MaximumParallelStreams = 16;
}
