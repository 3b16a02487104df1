using System.Linq;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// Detects a method declared twice with the same parameter types (CS0111, or CS0756 for two partial definitions).
/// Both copies would yield the same spec and so the same hint name, and a repeated hint name makes AddSource throw,
/// which fails the whole generator run; the compiler already reports the duplicate, so the parser bails out quietly.
/// </summary>
internal static class DuplicateDeclarations
{
    public static bool Exist(IMethodSymbol method)
    {
        foreach (ISymbol member in method.ContainingType.GetMembers(method.Name))
        {
            if (member is IMethodSymbol other
                && !IsSameMethod(other, method)
                && other.Parameters.Length == method.Parameters.Length
                && other.Parameters.Zip(method.Parameters, SameType).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSameMethod(IMethodSymbol candidate, IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(candidate, method)
        || SymbolEqualityComparer.Default.Equals(candidate, method.PartialDefinitionPart)
        || SymbolEqualityComparer.Default.Equals(candidate, method.PartialImplementationPart);

    private static bool SameType(IParameterSymbol a, IParameterSymbol b) =>
        a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type);
}
