using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// A fused method being matched against its formula: its parameters classified, where each is, the element type's
/// spellings, and the checks shared by <c>[Fused]</c> and <c>[FusedGradient]</c> methods (passing modes, the inputs'
/// roles). Problems of the inputs are FA1018 for both; a gradient method's own layout is FA1023.
/// </summary>
internal sealed class FusedSignatureContext
{
    private readonly MethodDeclarationSyntax _syntax;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private readonly Compilation _compilation;

    private FusedSignatureContext(IMethodSymbol method, MethodDeclarationSyntax syntax, FormulaMethod formula, ImmutableArray<MethodParameter> parameters, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        Method = method;
        _compilation = compilation;
        Formula = formula;
        Parameters = parameters;
        _syntax = syntax;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public IMethodSymbol Method { get; }

    public FormulaMethod Formula { get; }

    public ImmutableArray<MethodParameter> Parameters { get; }

    /// <summary>The element type's name, e.g. <c>float</c>.</summary>
    public string T => FormulaSignatureChecks.Name(Formula.Element);

    public LocationInfo? ParameterListLocation => LocationInfo.From(_syntax.ParameterList) ?? LocationInfo.From(_syntax.Identifier);

    /// <summary>
    /// The context, or null when the signature mentions types that do not resolve or parameters without usable names
    /// (quietly: the compiler reports those).
    /// </summary>
    public static FusedSignatureContext? Create(IMethodSymbol method, MethodDeclarationSyntax syntax, FormulaMethod formula, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (SignatureParser.ContainsErrorType(method.ReturnType)
            || method.Parameters.Any(parameter => SignatureParser.ContainsErrorType(parameter.Type))
            || !SignatureParser.NamesAreUsable(method))
        {
            return null;
        }

        ImmutableArray<MethodParameter> parameters = method.Parameters.Select((parameter, index) => Classify(parameter, index, compilation)).ToImmutableArray();
        return new FusedSignatureContext(method, syntax, formula, parameters, compilation, diagnostics, cancellationToken);
    }

    /// <summary>The element type the method's first parameter suggests (span element or value type), to choose among formula overloads.</summary>
    public static ElementType? ElementHint(IMethodSymbol method, Compilation compilation) =>
        method.Parameters.Length == 0 ? null : FormulaSignatureChecks.ElementTypeOf(Classify(method.Parameters[0], 0, compilation).Element);

    /// <summary>
    /// Checks what holds for every fused method: void, no <c>__arglist</c>, parameters by value, no look-alike core
    /// spans in source. Adds FA1018 per problem; returns whether there were none.
    /// </summary>
    public bool CheckPassingModes()
    {
        int before = _diagnostics.Count;
        if (SignatureParser.HiddenCoreSpan(_compilation) is { } hidden)
        {
            Mismatch(LocationInfo.From(_syntax.Identifier), $"'{hidden}' is declared in this project's source and hides the core library's type, which the generated kernel needs; remove or rename that declaration");
            return false;
        }

        if (Method.IsVararg)
        {
            Mismatch(ParameterListLocation, "variable argument lists (__arglist) are not supported");
        }

        if (!Method.ReturnsVoid)
        {
            Mismatch(LocationInfo.From(_syntax.ReturnType) ?? ParameterListLocation, $"it must return void: the outputs are its Span<{T}> parameters");
        }

        foreach (MethodParameter parameter in Parameters)
        {
            ParameterSyntax? syntax = ParameterSyntax(parameter.Index);
            if (syntax is not null && syntax.Modifiers.Any(SyntaxKind.ThisKeyword))
            {
                Mismatch(LocationInfo.From(syntax), $"parameter '{parameter.Symbol.Name}' is declared 'this', but extension methods are not supported");
            }
            else if (parameter.Symbol.RefKind != RefKind.None)
            {
                Mismatch(ParameterLocation(parameter.Index), $"parameter '{parameter.Symbol.Name}' is passed by reference: pass spans and scalars by value");
            }
        }

        return _diagnostics.Count == before;
    }

    /// <summary>
    /// The role of the method's input <paramref name="index"/> (formula parameter <paramref name="index"/>), or null
    /// after adding FA1018: <c>ReadOnlySpan&lt;T&gt;</c>, <c>[Broadcast] ReadOnlySpan&lt;T&gt;</c> or <c>T</c>.
    /// </summary>
    public StreamKind? InputRole(int index)
    {
        MethodParameter parameter = Parameters[index];
        string roles = $"a ReadOnlySpan<{T}>, a [Broadcast] ReadOnlySpan<{T}> or a {T}";
        string which = $"input '{parameter.Symbol.Name}' (formula parameter '{Formula.Symbol.Parameters[index].Name}')";
        bool ofElement = FormulaSignatureChecks.IsElement(parameter.Element, Formula.Element);
        switch (parameter.Form)
        {
            case ParameterForm.ReadOnlySpan when ofElement:
                return parameter.Broadcast is null ? StreamKind.Elementwise : StreamKind.Broadcast;
            case ParameterForm.Value when ofElement:
                if (parameter.Broadcast is not null)
                {
                    Mismatch(BroadcastLocation(parameter), $"[Broadcast] applies to ReadOnlySpan<{T}> inputs only, and '{parameter.Symbol.Name}' is a {T} (one run-time value for every element): remove the attribute, or make it a ReadOnlySpan<{T}>");
                    return null;
                }

                return StreamKind.Scalar;
            default:
                Mismatch(ParameterTypeLocation(parameter.Index), $"{which} must be {roles}, not '{FormulaSignatureChecks.Shown(parameter.Symbol.Type)}'");
                return null;
        }
    }

    /// <summary>Whether <paramref name="parameter"/> is a <c>Span&lt;T&gt;</c> without <c>[Broadcast]</c>; otherwise the problem, for the caller to report.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="description">How messages name it, e.g. <c>output 'destination'</c>.</param>
    public string? OutputProblem(MethodParameter parameter, string description)
    {
        if (parameter.Form != ParameterForm.Span || !FormulaSignatureChecks.IsElement(parameter.Element, Formula.Element))
        {
            return $"{description} must be a Span<{T}>, not '{FormulaSignatureChecks.Shown(parameter.Symbol.Type)}'";
        }

        return parameter.Broadcast is null ? null : $"[Broadcast] applies to inputs only: remove it from {description}";
    }

    /// <summary>Where a problem of <paramref name="parameter"/> is shown: its [Broadcast] when that is the problem, else its type.</summary>
    public LocationInfo? OutputProblemLocation(MethodParameter parameter) =>
        parameter.Form == ParameterForm.Span && FormulaSignatureChecks.IsElement(parameter.Element, Formula.Element) && parameter.Broadcast is not null
            ? BroadcastLocation(parameter)
            : ParameterTypeLocation(parameter.Index);

    public void Mismatch(LocationInfo? location, string problem) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FusedParametersMismatch, location, Method.Name, Formula.Name, problem));

    public void GradientMismatch(LocationInfo? location, string problem) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GradientParametersMismatch, location, Method.Name, Formula.Name, problem));

    public LocationInfo? ParameterLocation(int index) => LocationInfo.From(ParameterSyntax(index)) ?? ParameterListLocation;

    public LocationInfo? ParameterTypeLocation(int index) => LocationInfo.From(ParameterSyntax(index)?.Type) ?? ParameterLocation(index);

    public LocationInfo? BroadcastLocation(MethodParameter parameter) =>
        LocationInfo.From(parameter.Broadcast?.ApplicationSyntaxReference?.GetSyntax(_cancellationToken)) ?? ParameterLocation(parameter.Index);

    /// <summary>The parameters with fully qualified types, so the generated file binds them whatever its usings.</summary>
    public EquatableArray<ParameterSpec> ParameterSpecs() =>
        new(Parameters.Select(parameter => new ParameterSpec(
                ParameterSyntax(parameter.Index) is { } syntax ? string.Join(" ", syntax.Modifiers.Select(modifier => modifier.Text)) : string.Empty,
                parameter.Symbol.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                Identifiers.Escape(parameter.Symbol.Name)))
            .ToImmutableArray());

    /// <summary>The parameter's name as code spells it.</summary>
    public string NameOf(int index) => Identifiers.Escape(Parameters[index].Symbol.Name);

    /// <summary>"1 value" / "2 values": counts in messages.</summary>
    public static string Count(int count, string singular, string plural) => count == 1 ? $"1 {singular}" : $"{count} {plural}";

    private ParameterSyntax? ParameterSyntax(int index) =>
        index < _syntax.ParameterList.Parameters.Count ? _syntax.ParameterList.Parameters[index] : null;

    private static MethodParameter Classify(IParameterSymbol parameter, int index, Compilation compilation)
    {
        AttributeData? broadcast = parameter.GetAttributes().FirstOrDefault(attribute =>
            FusedAttributes.MetadataNameOf(attribute.AttributeClass) == FusedAttributes.BroadcastMetadataName);
        if (parameter.Type is INamedTypeSymbol { Arity: 1, Name: "ReadOnlySpan" or "Span" } named
            && SignatureParser.CoreType(compilation, "System." + named.Name + "`1") is { } span
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, span))
        {
            return new MethodParameter(index, parameter, named.Name == "Span" ? ParameterForm.Span : ParameterForm.ReadOnlySpan, named.TypeArguments[0], broadcast);
        }

        return new MethodParameter(index, parameter, ParameterForm.Value, parameter.Type, broadcast);
    }
}
