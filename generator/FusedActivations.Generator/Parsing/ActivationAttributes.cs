using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// What the parser knows about activation attributes in general; the ones the generator implements are listed by
/// <see cref="Activations.ActivationRegistry"/> (the generator registers one pipeline per entry).
/// </summary>
internal static class ActivationAttributes
{
    /// <summary>The namespace of the runtime library's attributes.</summary>
    public const string Namespace = "FusedActivations";

    /// <summary>The name of the base class every activation attribute derives from.</summary>
    public const string BaseTypeName = "ActivationAttribute";

    /// <summary>
    /// Whether <paramref name="type"/> derives from <c>FusedActivations.ActivationAttribute</c>. Any such attribute,
    /// including ones the generator does not (yet) implement, counts when checking for more than one activation.
    /// </summary>
    public static bool IsActivationAttribute(INamedTypeSymbol? type)
    {
        for (INamedTypeSymbol? current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == BaseTypeName && current.ContainingType is null && IsRuntimeNamespace(current.ContainingNamespace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The metadata name (<c>Namespace.Name</c>) of a top-level type, as ForAttributeWithMetadataName matches it.</summary>
    public static string MetadataNameOf(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.Name + "." + name;
        }

        return name;
    }

    /// <summary>The attribute's name as written in code, without the <c>Attribute</c> suffix (e.g. <c>Softplus</c>).</summary>
    public static string ShortNameOf(INamedTypeSymbol? type)
    {
        string name = type?.Name ?? string.Empty;
        const string Suffix = "Attribute";
        return name.Length > Suffix.Length && name.EndsWith(Suffix, System.StringComparison.Ordinal)
            ? name.Substring(0, name.Length - Suffix.Length)
            : name;
    }

    private static bool IsRuntimeNamespace(INamespaceSymbol? ns) =>
        ns is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true };
}
