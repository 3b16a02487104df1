using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// Checks the declaration's form: a static, non-generic partial definition with no body and no implementation yet,
/// since the generator writes the implementation.
/// </summary>
internal static class MethodFormChecks
{
    /// <summary>Adds a diagnostic per problem; returns whether there were none.</summary>
    public static bool Check(IMethodSymbol method, MethodDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        LocationInfo? identifier = LocationInfo.From(syntax.Identifier);

        if (PartialProblem(method, syntax) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustBePartialWithoutBody, identifier, method.Name, problem));
        }

        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustBeStatic, identifier, method.Name));
        }

        if (method.IsGenericMethod)
        {
            LocationInfo? typeParameters = LocationInfo.From(syntax.TypeParameterList) ?? identifier;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodMustNotBeGeneric, typeParameters, method.Name));
        }

        return diagnostics.Count == before;
    }

    private static string? PartialProblem(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        bool isPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword);
        bool hasBody = syntax.Body is not null || syntax.ExpressionBody is not null;
        if (!isPartial)
        {
            return hasBody
                ? "is not declared 'partial' and has a body: declare it 'static partial', remove the body and end it with ';' so that the generator can supply the body"
                : "is not declared 'partial': declare it 'static partial' and end it with ';' so that the generator can supply the body";
        }

        if (hasBody)
        {
            return "already has a body: remove the body and end the declaration with ';' so that the generator can supply it";
        }

        if (method.PartialImplementationPart is not null)
        {
            return "already has an implementing declaration: remove that declaration so that the generator can supply the body";
        }

        // E.g. 'static extern partial void F();', which the compiler takes as an implementation.
        return method.IsPartialDefinition ? null : "is not a partial method definition: declare it 'static partial' without 'extern' and end it with ';' so that the generator can supply the body";
    }
}
