using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// Finds the formula method a <c>[Fused(nameof(F))]</c> or <c>[FusedGradient(nameof(F))]</c> attribute names: a
/// method of the annotated method's own type. The two may share a name (the span method and its element formula), so
/// among several methods of that name the one whose parameters and results are all of one element type is chosen,
/// preferring the annotated method's element type.
/// </summary>
internal static class FormulaLocator
{
    /// <summary>
    /// The formula, or null when there is none (FA1016), its signature is invalid (FA1017), or the attribute's argument
    /// is not a constant yet (quietly: the compiler reports it).
    /// </summary>
    public static FormulaMethod? Locate(
        IMethodSymbol method,
        AttributeData attribute,
        ElementType? methodElement,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        if (attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Primitive or TypedConstantKind.Error } argument
            || argument.Kind == TypedConstantKind.Error
            || (argument.Value is not null && argument.Value is not string))
        {
            return null;
        }

        string name = argument.Value as string ?? string.Empty;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        ExpressionSyntax? expression = attributeSyntax?.ArgumentList?.Arguments.Count == 1 ? attributeSyntax.ArgumentList.Arguments[0].Expression : null;
        LocationInfo? location = LocationInfo.From(expression) ?? LocationInfo.From(attributeSyntax);
        INamedTypeSymbol type = method.ContainingType;
        string example = $"declare 'static {FormulaSignatureChecks.Name(methodElement ?? ElementType.Single)} {(name.Length == 0 ? "F" : name)}(...) => ...' in '{type.Name}' and name it with nameof";

        if (NameofTarget(expression, compilation, cancellationToken) is { } target
            && !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, type.OriginalDefinition))
        {
            return NotFound($"nameof refers to a member of '{target.Name}': the formula must be a method of '{type.Name}' itself; declare it there, or call the other method from a formula of '{type.Name}'");
        }

        List<IMethodSymbol> candidates = name.Length == 0
            ? new List<IMethodSymbol>()
            : type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !IsSelf(m, method)).ToList();
        if (candidates.Count == 0)
        {
            return NotFound(name.Length == 0 ? $"that names no method: {example}" : $"'{type.Name}' has no method of that name: {example}");
        }

        IMethodSymbol? chosen = candidates.Count == 1 ? candidates[0] : Choose(candidates, methodElement);
        if (chosen is null)
        {
            bool anyShaped = candidates.Any(candidate => FormulaSignatureChecks.IsFormulaShaped(candidate, out _));
            return NotFound(anyShaped
                ? $"'{type.Name}' has several methods of that name whose parameters and results are all of one element type: give the formula a name of its own"
                : $"none of the methods of that name in '{type.Name}' has parameters and results that are all float or all double: {example}");
        }

        FormulaSignatureCheck check = FormulaSignatureChecks.Check(chosen, cancellationToken);
        foreach (FormulaSignatureProblem problem in check.Problems)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFormulaSignature, problem.Location, chosen.Name, problem.Problem));
        }

        return check.Formula;

        FormulaMethod? NotFound(string reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormulaNotFound, location, method.Name, name, reason));
            return null;
        }
    }

    /// <summary>The one formula-shaped candidate, of the method's element type where several are; null when not one.</summary>
    private static IMethodSymbol? Choose(List<IMethodSymbol> candidates, ElementType? methodElement)
    {
        var shaped = candidates
            .Select(candidate => (Method: candidate, IsShaped: FormulaSignatureChecks.IsFormulaShaped(candidate, out ElementType element), Element: element))
            .Where(candidate => candidate.IsShaped)
            .ToList();
        if (shaped.Count > 1 && methodElement is not null)
        {
            shaped = shaped.Where(candidate => candidate.Element == methodElement).ToList();
        }

        return shaped.Count == 1 ? shaped[0].Method : null;
    }

    private static bool IsSelf(IMethodSymbol candidate, IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(candidate, method)
        || SymbolEqualityComparer.Default.Equals(candidate, method.PartialDefinitionPart)
        || SymbolEqualityComparer.Default.Equals(candidate, method.PartialImplementationPart);

    /// <summary>
    /// The type whose member <c>nameof(...)</c> names, when the argument is a <c>nameof</c> of members of one type
    /// (a method group), otherwise null: a plain string, or a <c>nameof</c> of something else, is looked up by name.
    /// </summary>
    private static INamedTypeSymbol? NameofTarget(ExpressionSyntax? expression, Compilation compilation, CancellationToken cancellationToken)
    {
        if (expression is not InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments } invocation
            || !compilation.ContainsSyntaxTree(invocation.SyntaxTree))
        {
            return null;
        }

        SemanticModel model = compilation.GetSemanticModel(invocation.SyntaxTree);
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not null)
        {
            return null; // A method called 'nameof', not the operator.
        }

        SymbolInfo info = model.GetSymbolInfo(arguments[0].Expression, cancellationToken);
        ISymbol[] members = (info.Symbol is { } symbol ? new[] { symbol } : info.CandidateSymbols.ToArray())
            .Where(member => member is IMethodSymbol)
            .ToArray();
        INamedTypeSymbol? owner = members.FirstOrDefault()?.ContainingType;
        return owner is not null && members.All(member => SymbolEqualityComparer.Default.Equals(member.ContainingType, owner)) ? owner : null;
    }
}
