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
/// Decides whether a method the generator reported an error for can be completed without a new error (see
/// <see cref="StubSpec"/>), and describes the declaration to emit. Issue 9: without it, most FA10xx errors came with
/// <c>CS8795: Partial method must have an implementation part</c>, which suggests the opposite of the fix.
/// </summary>
/// <remarks>
/// Nothing is emitted where the compiler's remaining error says the same as ours anyway, or where nothing can be
/// emitted: a method that is not <c>partial</c> (CS0501 "must declare a body because it is not marked ... partial", or
/// no error for a method with a body), a file-local containing type (it cannot be re-opened from another file; CS8795
/// then says the implementation FA1012 explains is missing), signatures with pointer types (the re-opened type would
/// need <c>unsafe</c>) or types that do not resolve, and two declarations whose completion would get an error the
/// user's does not show (see <see cref="TryCreate"/>). A containing type that is not partial is re-opened: see
/// <see cref="ContainingTypes"/>.
/// </remarks>
internal static class StubBuilder
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static StubSpec? TryCreate(IMethodSymbol method, MethodDeclarationSyntax syntax, IReadOnlyList<DiagnosticInfo> diagnostics, string? ns)
    {
        if (diagnostics.Count == 0 || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return null;
        }

        bool hasBody = syntax.Body is not null || syntax.ExpressionBody is not null;
        bool isDefinition;
        if (!hasBody && method.IsPartialDefinition && method.PartialImplementationPart is null && !syntax.Modifiers.Any(SyntaxKind.ExternKeyword))
        {
            isDefinition = false;
        }
        else if (hasBody && !method.IsPartialDefinition && method.PartialDefinitionPart is null)
        {
            isDefinition = true;
        }
        else
        {
            return null;
        }

        // Declarations whose completion would have an error the user's declaration does not show: a body for an
        // 'abstract' one (CS0500), and the 'async' declaration of an instance method in a static class, where the
        // compiler reports CS1994 and not CS0708, which the completion (a definition cannot be 'async') would get.
        if (syntax.Modifiers.Any(SyntaxKind.AbstractKeyword)
            || (syntax.Modifiers.Any(SyntaxKind.AsyncKeyword) && !method.IsStatic && method.ContainingType.IsStatic))
        {
            return null;
        }

        if (ContainingTypes(method, syntax) is not { } types || !Renderable(method))
        {
            return null;
        }

        var parameters = new List<ParameterSpec>();
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            string modifiers = i < syntax.ParameterList.Parameters.Count
                ? string.Join(" ", syntax.ParameterList.Parameters[i].Modifiers.Select(modifier => modifier.Text))
                : string.Empty;
            parameters.Add(new ParameterSpec(modifiers, parameter.Type.ToDisplayString(TypeFormat), Identifiers.Escape(parameter.Name)));
        }

        string returnType = method.ReturnsVoid
            ? "void"
            : (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty) + method.ReturnType.ToDisplayString(TypeFormat);
        string typeParameters = method.TypeParameters.Length == 0
            ? string.Empty
            : "<" + string.Join(", ", method.TypeParameters.Select(parameter => Identifiers.Escape(parameter.Name))) + ">";

        // A definition may not be 'async' (only its implementation may).
        string modifiersText = string.Join(" ", syntax.Modifiers.Where(modifier => !modifier.IsKind(SyntaxKind.AsyncKeyword)).Select(modifier => modifier.Text));
        string ids = string.Join(", ", diagnostics.Select(diagnostic => diagnostic.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal));
        FileLinePositionSpan position = syntax.Identifier.GetLocation().GetLineSpan();

        return new StubSpec(
            ns,
            types,
            modifiersText,
            returnType,
            Identifiers.Escape(method.Name),
            typeParameters,
            new EquatableArray<ParameterSpec>(parameters.ToImmutableArray()),
            method.IsVararg,
            new EquatableArray<string>(method.TypeParameters.Select(Constraint).Where(clause => clause is not null).Select(clause => clause!).ToImmutableArray()),
            isDefinition,
            ids,
            position.Path + ":" + syntax.Identifier.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The containing types to re-open, or null when one cannot be (file-local, or broken code). A type that is not
    /// partial is re-opened anyway: the compiler then reports CS0260 "Missing partial modifier on declaration of type",
    /// at the type, which is FA1010's advice, instead of CS0751 and CS8795 at the method, which suggest writing a body.
    /// </summary>
    private static EquatableArray<ContainingTypeSpec>? ContainingTypes(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        TypeDeclarationSyntax[] declarations = syntax.Ancestors().OfType<TypeDeclarationSyntax>().ToArray();
        var specs = new ContainingTypeSpec[declarations.Length];
        INamedTypeSymbol? type = method.ContainingType;
        for (int i = 0; i < declarations.Length; i++, type = type.ContainingType)
        {
            TypeDeclarationSyntax declaration = declarations[i];
            if (type is null
                || type.Name != declaration.Identifier.ValueText
                || type.IsFileLocal)
            {
                return null;
            }

            specs[declarations.Length - 1 - i] = new ContainingTypeSpec(ContainingTypeParser.KeywordOf(declaration), ContainingTypeParser.NameWithTypeParameters(type));
        }

        return type is not null || declarations.Length == 0 ? null : new EquatableArray<ContainingTypeSpec>(ImmutableArray.Create(specs));
    }

    /// <summary>Whether every type in the signature resolves and can be written in a re-opened type that is not unsafe.</summary>
    private static bool Renderable(IMethodSymbol method) =>
        Plain(method.ReturnType)
        && method.Parameters.All(parameter => Plain(parameter.Type))
        && method.TypeParameters.All(parameter => parameter.ConstraintTypes.All(Plain));

    private static bool Plain(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer } => false,
        INamedTypeSymbol named => named.TypeArguments.All(Plain),
        IArrayTypeSymbol array => Plain(array.ElementType),
        _ => true,
    };

    /// <summary>The <c>where</c> clause of <paramref name="parameter"/>, or null when it has no constraint.</summary>
    private static string? Constraint(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(parameter.ConstraintTypes.Select(type => type.ToDisplayString(TypeFormat)));
        if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint)
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? null : $"where {Identifiers.Escape(parameter.Name)} : {string.Join(", ", parts)}";
    }
}
