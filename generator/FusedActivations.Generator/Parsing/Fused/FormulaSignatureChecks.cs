using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>One thing wrong with a would-be formula method's signature, and where.</summary>
/// <param name="Location">The node at fault (parameter, return type, identifier).</param>
/// <param name="Problem">What is wrong, phrased to follow the method's name: <c>is not static</c>.</param>
internal sealed record FormulaSignatureProblem(LocationInfo? Location, string Problem);

/// <summary>The verdict on a would-be formula method: the formula, or its problems, or neither (code with errors: quiet).</summary>
internal sealed record FormulaSignatureCheck(FormulaMethod? Formula, ImmutableArray<FormulaSignatureProblem> Problems);

/// <summary>
/// Checks that a method can be a formula: static, not generic, with a body, parameters of the element type passed by
/// value, and a return value of that type or a tuple of them. The element type is the return value's (or, where that
/// is not a float or a double, the first parameter's), so that one wrong parameter gets the diagnostic, not the others.
/// </summary>
internal static class FormulaSignatureChecks
{
    public static FormulaSignatureCheck Check(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (SignatureParser.ContainsErrorType(method.ReturnType)
            || method.Parameters.Any(parameter => SignatureParser.ContainsErrorType(parameter.Type))
            || !SignatureParser.NamesAreUsable(method))
        {
            return Quiet;
        }

        MethodDeclarationSyntax[] declarations = Declarations(method, cancellationToken);
        if (declarations.Length == 0)
        {
            return Quiet;
        }

        MethodDeclarationSyntax? withBody = declarations.FirstOrDefault(d => d.Body is not null || d.ExpressionBody is not null);
        MethodDeclarationSyntax shown = withBody ?? declarations[0];
        var problems = new List<FormulaSignatureProblem>();
        LocationInfo? identifier = LocationInfo.From(shown.Identifier);

        if (!method.IsStatic)
        {
            problems.Add(new(identifier, "is not static: declare it 'static' (a formula uses no instance state)"));
        }

        if (method.IsGenericMethod)
        {
            problems.Add(new(LocationInfo.From(shown.TypeParameterList) ?? identifier, "is generic: declare one formula per element type"));
        }

        if (withBody is null)
        {
            problems.Add(new(identifier, "has no body: give it an expression body ('=> ...') or a block of local declarations and one 'return'"));
        }

        if (method.IsVararg)
        {
            problems.Add(new(LocationInfo.From(shown.ParameterList) ?? identifier, "has a variable argument list (__arglist)"));
        }

        ElementType? element = ElementOf(method);
        int outputs = 0;
        bool returnsTuple = false;
        LocationInfo? returnType = LocationInfo.From(shown.ReturnType) ?? identifier;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            problems.Add(new(returnType, "returns by reference: return by value"));
        }
        else if (element is null)
        {
            problems.Add(new(returnType, $"returns '{Shown(method.ReturnType)}': return float or double, or a tuple of them for several outputs"));
        }
        else if (IsElement(method.ReturnType, element.Value))
        {
            outputs = 1;
        }
        else if (TupleElements(method.ReturnType) is { } tuple && tuple.All(type => IsElement(type, element.Value)))
        {
            outputs = tuple.Length;
            returnsTuple = true;
        }
        else
        {
            problems.Add(new(returnType, $"returns '{Shown(method.ReturnType)}': return {Name(element.Value)}, or a tuple of {Name(element.Value)}s for several outputs, like its parameters"));
        }

        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            ParameterSyntax? syntax = i < shown.ParameterList.Parameters.Count ? shown.ParameterList.Parameters[i] : null;
            if (parameter.RefKind != RefKind.None || syntax?.Modifiers.Any(SyntaxKind.ThisKeyword) == true)
            {
                problems.Add(new(LocationInfo.From(syntax) ?? identifier, $"takes parameter '{parameter.Name}' by reference or as 'this': pass it by value"));
            }
            else if (element is not null && !IsElement(parameter.Type, element.Value))
            {
                problems.Add(new(
                    LocationInfo.From(syntax?.Type) ?? identifier,
                    $"has parameter '{parameter.Name}' of type '{Shown(parameter.Type)}', but its element type is {Name(element.Value)}: make it {Name(element.Value)}"));
            }
        }

        if (problems.Count > 0)
        {
            return new FormulaSignatureCheck(null, problems.ToImmutableArray());
        }

        ImmutableArray<string> names = method.Parameters.Select(parameter => Identifiers.Escape(parameter.Name)).ToImmutableArray();
        return new FormulaSignatureCheck(new FormulaMethod(method, withBody!, element!.Value, names, outputs, returnsTuple), ImmutableArray<FormulaSignatureProblem>.Empty);
    }

    /// <summary>Whether <paramref name="method"/> looks like a formula at all: parameters and results all float, or all double.</summary>
    public static bool IsFormulaShaped(IMethodSymbol method, out ElementType element)
    {
        element = default;
        if (ElementOf(method) is not { } candidate)
        {
            return false;
        }

        element = candidate;
        bool returns = IsElement(method.ReturnType, candidate)
            || (TupleElements(method.ReturnType) is { } tuple && tuple.All(type => IsElement(type, candidate)));
        return returns && method.Parameters.All(parameter => parameter.RefKind == RefKind.None && IsElement(parameter.Type, candidate));
    }

    /// <summary>float or double, as messages spell them.</summary>
    public static string Name(ElementType element) => element == ElementType.Single ? "float" : "double";

    public static bool IsElement(ITypeSymbol? type, ElementType element) =>
        type?.SpecialType == (element == ElementType.Single ? SpecialType.System_Single : SpecialType.System_Double);

    /// <summary>float or double for those types, otherwise null.</summary>
    public static ElementType? ElementTypeOf(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Single => ElementType.Single,
        SpecialType.System_Double => ElementType.Double,
        _ => null,
    };

    /// <summary>A type as messages show it: <c>ReadOnlySpan&lt;double&gt;</c>, <c>(float, int)</c>.</summary>
    public static string Shown(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static FormulaSignatureCheck Quiet { get; } = new(null, ImmutableArray<FormulaSignatureProblem>.Empty);

    private static ElementType? ElementOf(IMethodSymbol method) =>
        ElementTypeOf(method.ReturnType)
        ?? (TupleElements(method.ReturnType) is { Length: > 0 } tuple ? ElementTypeOf(tuple[0]) : null)
        ?? (method.Parameters.Length > 0 ? ElementTypeOf(method.Parameters[0].Type) : null);

    private static ImmutableArray<ITypeSymbol>? TupleElements(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsTupleType: true } tuple ? tuple.TupleElements.Select(field => field.Type).ToImmutableArray() : null;

    /// <summary>The method's declarations, the implementing part of a partial method included.</summary>
    private static MethodDeclarationSyntax[] Declarations(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences
            .Concat(method.PartialImplementationPart?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .ToArray();
}
