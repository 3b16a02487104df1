using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// The method being recognized by <see cref="SignatureParser"/>, with helpers to locate its parts (falling back to
/// enclosing syntax when error recovery left a part out) and to report or build the result.
/// </summary>
internal sealed class SignatureContext
{
    private readonly MethodDeclarationSyntax _syntax;
    private readonly List<DiagnosticInfo> _diagnostics;

    public SignatureContext(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        Method = method;
        Compilation = compilation;
        _syntax = syntax;
        _diagnostics = diagnostics;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The method's compilation, to find the core library's types.</summary>
    public Compilation Compilation { get; }

    public LocationInfo? ParameterListLocation => LocationInfo.From(_syntax.ParameterList) ?? MethodLocation;

    public LocationInfo? ReturnTypeLocation => LocationInfo.From(_syntax.ReturnType) ?? MethodLocation;

    public LocationInfo? MethodLocation => LocationInfo.From(_syntax.Identifier);

    /// <summary>The syntax of parameter <paramref name="index"/>, or null when syntax and symbol disagree.</summary>
    public ParameterSyntax? ParameterSyntax(int index) =>
        index < _syntax.ParameterList.Parameters.Count ? _syntax.ParameterList.Parameters[index] : null;

    public LocationInfo? ParameterLocation(int index) => LocationInfo.From(ParameterSyntax(index)) ?? ParameterListLocation;

    public LocationInfo? ParameterTypeLocation(int index) => LocationInfo.From(ParameterSyntax(index)?.Type) ?? ParameterLocation(index);

    /// <summary>Adds FA1003 with <paramref name="reason"/>; returns null so that callers can return it.</summary>
    public Signature? Unsupported(LocationInfo? location, string reason)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSignature, location, Method.Name, reason));
        return null;
    }

    /// <summary>The element type <paramref name="type"/> stands for, or null after adding FA1004.</summary>
    public ElementType? Element(ITypeSymbol type, LocationInfo? location)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Single:
                return ElementType.Single;
            case SpecialType.System_Double:
                return ElementType.Double;
            default:
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedElementType, location, type.ToDisplayString(), Method.Name));
                return null;
        }
    }

    /// <summary>The signature with fully qualified types, so the generated file binds them whatever its usings.</summary>
    public Signature Success(MethodShape shape, ElementType element)
    {
        ImmutableArray<ParameterSpec> parameters = Method.Parameters
            .Select((parameter, index) => new ParameterSpec(
                ParameterModifiers(index),
                parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                Identifiers.Escape(parameter.Name)))
            .ToImmutableArray();
        return new Signature(
            shape,
            element,
            Method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            new EquatableArray<ParameterSpec>(parameters));
    }

    /// <summary>
    /// What is left of the modifiers once by-reference ones were rejected: 'scoped' and 'params', which partial
    /// declarations must repeat. Defaults and attributes are not repeated: the definition's apply.
    /// </summary>
    private string ParameterModifiers(int index) =>
        ParameterSyntax(index) is { } parameter ? string.Join(" ", parameter.Modifiers.Select(modifier => modifier.Text)) : string.Empty;
}
