using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// Describes the types around an annotated method, outermost first, as the generated file must re-open them; and
/// checks that it can: every one must be a partial class, struct, record or record struct declared in a normal
/// (not file-local) scope.
/// </summary>
/// <remarks>
/// Interfaces are not supported: a static method with a body in an interface needs the runtime's default interface
/// method support, and implementing kernels there buys nothing over a class. File-local types cannot be re-opened from
/// the generated file, which is another file.
/// </remarks>
internal static class ContainingTypeParser
{
    /// <summary>
    /// The containing types, or null when they are invalid (diagnostics added) or the syntax does not match the symbols
    /// (half-typed code such as a method directly in a namespace: nothing to say beyond the compiler's errors).
    /// </summary>
    public static EquatableArray<ContainingTypeSpec>? Parse(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        List<DiagnosticInfo> diagnostics)
    {
        TypeDeclarationSyntax[] declarations = syntax.Ancestors().OfType<TypeDeclarationSyntax>().ToArray();
        var specs = new ContainingTypeSpec[declarations.Length];
        bool valid = true;

        INamedTypeSymbol? type = method.ContainingType;
        for (int i = 0; i < declarations.Length; i++, type = type.ContainingType)
        {
            TypeDeclarationSyntax declaration = declarations[i];
            if (type is null || type.Name != declaration.Identifier.ValueText)
            {
                return null;
            }

            valid &= Check(type, declaration, method.Name, diagnostics);
            specs[declarations.Length - 1 - i] = new ContainingTypeSpec(KeywordOf(declaration), NameWithTypeParameters(type));
        }

        // More symbols than declarations: the method sits in a type the compiler made up for misplaced members.
        if (type is not null || declarations.Length == 0 || !valid)
        {
            return null;
        }

        return new EquatableArray<ContainingTypeSpec>(ImmutableArray.Create(specs));
    }

    private static bool Check(INamedTypeSymbol type, TypeDeclarationSyntax declaration, string methodName, List<DiagnosticInfo> diagnostics)
    {
        LocationInfo? location = LocationInfo.From(declaration.Identifier);
        if (declaration is InterfaceDeclarationSyntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedContainingType, location, methodName, "interface", type.Name));
            return false;
        }

        if (type.IsFileLocal)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedContainingType, location, methodName, "file-local type", type.Name));
            return false;
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, location, type.Name, methodName));
            return false;
        }

        return true;
    }

    /// <summary>The keyword(s) to re-open the type with. Modifiers are left out: partial parts need not repeat them.</summary>
    internal static string KeywordOf(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    /// <summary>
    /// E.g. <c>Outer&lt;T&gt;</c>, built from the symbol rather than copied from the syntax so that attributes on type
    /// parameters are not repeated (they would be applied twice). Names are escaped: <c>@class</c> stays <c>@class</c>.
    /// </summary>
    internal static string NameWithTypeParameters(INamedTypeSymbol type)
    {
        string name = Identifiers.Escape(type.Name);
        if (type.TypeParameters.Length == 0)
        {
            return name;
        }

        return name + "<" + string.Join(", ", type.TypeParameters.Select(parameter => Identifiers.Escape(parameter.Name))) + ">";
    }
}
