using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// Reads an attribute's named arguments as numbers, and finds where each was written so that a diagnostic can point at
/// the argument's expression rather than at the whole attribute.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly AttributeData _attribute;
    private readonly AttributeSyntax? _syntax;
    private readonly SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Wraps <paramref name="attribute"/>; <paramref name="semanticModel"/> is that of the method's tree.</summary>
    public AttributeArguments(AttributeData attribute, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _attribute = attribute;
        _syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Reads the named argument <paramref name="name"/> as a double (<paramref name="defaultValue"/> when absent).
    /// Returns false when it is present but not a numeric constant, which only happens in code that does not compile.
    /// </summary>
    public bool TryGetDouble(string name, double defaultValue, out double value)
    {
        value = defaultValue;
        if (!TryGetConstant(name, out TypedConstant constant, out bool present))
        {
            return false;
        }

        // The compiler converts e.g. 'Beta = 2' to the property type, but accept any numeric constant rather than
        // depend on that: code with errors may leave the int as it was written.
        return !present || TryConvertToDouble(constant.Value, out value);
    }

    /// <summary>Reads the named argument <paramref name="name"/> as an int; see <see cref="TryGetDouble"/>.</summary>
    public bool TryGetInt32(string name, int defaultValue, out int value)
    {
        value = defaultValue;
        if (!TryGetConstant(name, out TypedConstant constant, out bool present))
        {
            return false;
        }

        if (!present)
        {
            return true;
        }

        switch (constant.Value)
        {
            case int i: value = i; return true;
            case short s: value = s; return true;
            case sbyte sb: value = sb; return true;
            case byte b: value = b; return true;
            case ushort us: value = us; return true;
            default: return false;
        }
    }

    /// <summary>Reads the named argument <paramref name="name"/> as a bool; see <see cref="TryGetDouble"/>.</summary>
    public bool TryGetBoolean(string name, bool defaultValue, out bool value)
    {
        value = defaultValue;
        if (!TryGetConstant(name, out TypedConstant constant, out bool present))
        {
            return false;
        }

        if (!present)
        {
            return true;
        }

        if (constant.Value is bool b)
        {
            value = b;
            return true;
        }

        return false;
    }

    /// <summary>Where the named argument's value was written, falling back to the attribute, then to nothing.</summary>
    public LocationInfo? LocationOf(string name) => LocationInfo.From(ExpressionOf(name)) ?? LocationInfo.From(_syntax);

    /// <summary>A double as it should read in a message: invariant, round-trippable, the same on every host.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private bool TryGetConstant(string name, out TypedConstant constant, out bool present)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in _attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                constant = argument.Value;
                present = true;
                // An enum argument (GeluApproximation) comes as its underlying value.
                return constant.Kind is TypedConstantKind.Primitive or TypedConstantKind.Enum && constant.Value is not null && ConvertsImplicitly(name);
            }
        }

        constant = default;
        present = false;
        return true;
    }

    /// <summary>
    /// False when the argument's expression needs an explicit conversion to the property's type: the compiler reports
    /// an error (e.g. 'Unroll = 2.5') yet still hands over a converted constant (2), which must not be used.
    /// </summary>
    private bool ConvertsImplicitly(string name)
    {
        if (ExpressionOf(name) is not { } expression || expression.SyntaxTree != _semanticModel.SyntaxTree)
        {
            // Written elsewhere (another part of a partial method): the constant is all there is to go by.
            return true;
        }

        Conversion conversion = _semanticModel.GetConversion(expression, _cancellationToken);
        return conversion.Exists && conversion.IsImplicit;
    }

    private ExpressionSyntax? ExpressionOf(string name)
    {
        if (_syntax?.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }
        }

        return null;
    }

    private static bool TryConvertToDouble(object? boxed, out double value)
    {
        switch (boxed)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            case short s: value = s; return true;
            case sbyte sb: value = sb; return true;
            case byte b: value = b; return true;
            case ushort us: value = us; return true;
            case uint ui: value = ui; return true;
            case ulong ul: value = ul; return true;
            case decimal m: value = (double)m; return true;
            default: value = 0; return false;
        }
    }
}
