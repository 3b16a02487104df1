using Microsoft.CodeAnalysis.CSharp;

namespace FusedActivations.Generator.Parsing;

/// <summary>Turns symbol names back into identifiers that can be written into generated code.</summary>
internal static class Identifiers
{
    /// <summary>
    /// <paramref name="name"/> with an <c>@</c> prefix when it is a reserved keyword: a symbol declared as
    /// <c>@default</c> is named <c>default</c>, which the generated code cannot repeat as is.
    /// </summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
