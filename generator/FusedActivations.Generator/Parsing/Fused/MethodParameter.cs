using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>What a parameter of a fused method is, before its role is checked against the formula.</summary>
internal enum ParameterForm
{
    /// <summary>The core library's <c>ReadOnlySpan&lt;E&gt;</c>.</summary>
    ReadOnlySpan,

    /// <summary>The core library's <c>Span&lt;E&gt;</c>.</summary>
    Span,

    /// <summary>Anything else, a float or a double included: a scalar if its type is the element type.</summary>
    Value,
}

/// <summary>A parameter of a fused method, classified.</summary>
/// <param name="Index">Its position.</param>
/// <param name="Symbol">The parameter.</param>
/// <param name="Form">Span, read-only span or value.</param>
/// <param name="Element">The span's element type, or the value's own type.</param>
/// <param name="Broadcast">The <c>[Broadcast]</c> attribute on it, or null.</param>
internal sealed record MethodParameter(int Index, IParameterSymbol Symbol, ParameterForm Form, ITypeSymbol Element, AttributeData? Broadcast);
