using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Diagnostics;

/// <summary>
/// The diagnostics the generator reports. Every one is an error: when one is reported the method is not implemented, so
/// letting the build go on would only add the compiler's less helpful "partial method must have an implementation".
/// Each ID has a page under <c>docs/diagnostics/</c> with a bad example, the reason and the fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "FusedActivations.Generator";

    public static readonly DiagnosticDescriptor MethodMustBePartialWithoutBody = Create(
        "FA1001",
        "Activation method must be a partial declaration without a body",
        // {1} is the problem and its own fix: "declare it 'static partial'" is wrong advice for a partial method that
        // already has a body (issue 9), whose fix is to remove the body.
        "Method '{0}' {1}");

    public static readonly DiagnosticDescriptor MethodMustBeStatic = Create(
        "FA1002",
        "Activation method must be static",
        "Method '{0}' must be static: add the 'static' modifier (the generated kernel uses no instance state)");

    public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
        "FA1003",
        "Unsupported activation method signature",
        "Method '{0}' has an unsupported signature: {1}; use 'void {0}(ReadOnlySpan<T> x, Span<T> destination)', 'void {0}(Span<T> values)' or 'T {0}(T x)' with T float or double");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Create(
        "FA1004",
        "Unsupported element type",
        "Element type '{0}' of method '{1}' is not supported: use float or double");

    public static readonly DiagnosticDescriptor MethodMustNotBeGeneric = Create(
        "FA1005",
        "Activation method must not be generic",
        "Method '{0}' must not be generic: remove the type parameters and declare one method per element type (float or double)");

    public static readonly DiagnosticDescriptor InvalidBeta = Create(
        "FA1006",
        "Invalid Beta",
        "Beta = {0} is not valid for '{1}': {2}; use a finite value greater than 0 such as Beta = 1");

    public static readonly DiagnosticDescriptor InvalidThreshold = Create(
        "FA1007",
        "Invalid Threshold",
        "Threshold of '{0}' must not be NaN: use a number such as Threshold = 20, or double.PositiveInfinity to turn the linear cut-off off");

    public static readonly DiagnosticDescriptor InvalidUnroll = Create(
        "FA1008",
        "Invalid Unroll",
        "Unroll = {0} is not supported for '{1}': use 1, 2, 4 or 8, or 0 (the default) to let the generator choose");

    public static readonly DiagnosticDescriptor MultipleActivationAttributes = Create(
        "FA1009",
        "More than one activation attribute",
        "Method '{0}' already has the activation attribute '{1}', so '{2}' cannot be applied too: keep one and declare a separate method for each activation");

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = Create(
        "FA1010",
        "Containing type must be partial",
        "Type '{0}', which contains the activation method '{1}', must be declared 'partial' so that the generator can add the method's body");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "FA1011",
        "C# 11 or later is required",
        "The code generated for '{0}' needs C# 11 or later (it uses file-local types), but the project uses C# {1}: set <LangVersion> to 11 or later");

    public static readonly DiagnosticDescriptor UnsupportedContainingType = Create(
        "FA1012",
        "Unsupported containing type",
        "Method '{0}' is declared in {1} '{2}': declare activation methods in a partial class, struct, record or record struct instead");

    public static readonly DiagnosticDescriptor InvalidAlpha = Create(
        "FA1013",
        "Invalid Alpha",
        "Alpha = {0} is not valid for '{1}': {2}; use a finite value greater than 0 such as Alpha = 1");

    public static readonly DiagnosticDescriptor InvalidNegativeSlope = Create(
        "FA1014",
        "Invalid NegativeSlope",
        "NegativeSlope = {0} is not valid for '{1}': {2}; use a finite value such as NegativeSlope = 0.01");

    public static readonly DiagnosticDescriptor InvalidGeluApproximation = Create(
        "FA1015",
        "Invalid Approximate",
        "Approximate = {0} is not a GeluApproximation for '{1}': use GeluApproximation.None (erf, the default) or GeluApproximation.Tanh");

    public static readonly DiagnosticDescriptor FormulaNotFound = Create(
        "FA1016",
        "Formula method not found",
        "Method '{0}' names '{1}' as its formula, but {2}");

    public static readonly DiagnosticDescriptor InvalidFormulaSignature = Create(
        "FA1017",
        "Invalid formula method signature",
        "Formula '{0}' {1}; a formula is a static method of the same type whose parameters and return value are all float or all double (a tuple of them for several outputs)");

    public static readonly DiagnosticDescriptor FusedParametersMismatch = Create(
        "FA1018",
        "Method parameters do not match the formula",
        "Method '{0}' does not match its formula '{1}': {2}");

    public static readonly DiagnosticDescriptor UnsupportedFormulaConstruct = Create(
        "FA1019",
        "Unsupported construct in a formula",
        "'{0}' is not supported in formula '{1}': {2}");

    public static readonly DiagnosticDescriptor MixedPrecisionFormula = Create(
        "FA1020",
        "Formula mixes precisions",
        "'{0}' in formula '{1}' is a {2}, but the formula computes in {3}: {4}");

    public static readonly DiagnosticDescriptor ActivationArgumentNotConstant = Create(
        "FA1021",
        "Activation argument must be a constant",
        "Argument '{0}' of FusedMath.{1} in formula '{2}' must be a constant: the kernel folds it at compile time; write a literal or a const such as {3}");

    public static readonly DiagnosticDescriptor RecursiveFormula = Create(
        "FA1022",
        "Recursive formula",
        "Formula '{0}' calls '{1}' recursively ({2}): formulas are inlined, so a call chain must not lead back to a formula it started from; compute the value without the recursive call");

    public static readonly DiagnosticDescriptor GradientParametersMismatch = Create(
        "FA1023",
        "Gradient method parameters do not match the formula",
        "Gradient method '{0}' does not match its formula '{1}': {2}");

    public static readonly DiagnosticDescriptor DerivativeNotAvailable = Create(
        "FA1024",
        "Derivative not available",
        // Every function a formula can call has a derivative rule: what remains is a formula deeper than
        // FormulaGradient.MaxDepth (or, on a small stack, one whose derivation ran the stack low: Derive gives null
        // rather than crash the compiler).
        "Formula '{0}' is too deep to differentiate, so the gradient method '{1}' cannot be generated: its operations depend on one another {2} deep through its locals, and a gradient is derived up to {3} deep (less on a small thread stack); split it into two formulas applied one after the other, each with its own [Fused] and [FusedGradient] methods, and pass the second's input gradient to the first as its output gradient");

    public static readonly DiagnosticDescriptor InvalidParallel = Create(
        "FA1025",
        "Invalid parallel setting",
        "{0} is not supported for '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidPrecision = Create(
        "FA1026",
        "Invalid precision",
        "Precision = {0} is not an ActivationPrecision for '{1}': use ActivationPrecision.Accurate (the default) or ActivationPrecision.Fast");

    /// <summary>Every descriptor, for looking one up by ID when a <see cref="DiagnosticInfo"/> is turned into a diagnostic.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = CreateIndex(
        MethodMustBePartialWithoutBody,
        MethodMustBeStatic,
        UnsupportedSignature,
        UnsupportedElementType,
        MethodMustNotBeGeneric,
        InvalidBeta,
        InvalidThreshold,
        InvalidAlpha,
        InvalidNegativeSlope,
        InvalidGeluApproximation,
        InvalidUnroll,
        MultipleActivationAttributes,
        ContainingTypeMustBePartial,
        LanguageVersionTooLow,
        UnsupportedContainingType,
        FormulaNotFound,
        InvalidFormulaSignature,
        FusedParametersMismatch,
        UnsupportedFormulaConstruct,
        MixedPrecisionFormula,
        ActivationArgumentNotConstant,
        RecursiveFormula,
        GradientParametersMismatch,
        DerivativeNotAvailable,
        InvalidParallel,
        InvalidPrecision);

    /// <summary>The documentation page of a diagnostic ID.</summary>
    public static string HelpLink(string id) =>
        $"https://github.com/fusedactivations/fusedactivations/blob/main/docs/diagnostics/{id}.md";

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat) =>
        new(
            id,
            title,
            messageFormat,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink(id),
            // As in the Regex generator: an error that means "nothing was generated" must not be turned down to a warning.
            customTags: WellKnownDiagnosticTags.NotConfigurable);

    private static ImmutableDictionary<string, DiagnosticDescriptor> CreateIndex(params DiagnosticDescriptor[] descriptors)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            builder.Add(descriptor.Id, descriptor);
        }

        return builder.ToImmutable();
    }
}
