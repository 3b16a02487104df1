using System.Collections.Immutable;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>A formula method whose signature is valid (see <see cref="FormulaSignatureChecks"/>): what lowering needs of it.</summary>
/// <param name="Symbol">The method.</param>
/// <param name="Declaration">The declaration that has the body (for a partial method, its implementing part).</param>
/// <param name="Element">float or double: every parameter and result.</param>
/// <param name="ParameterNames">The parameters' names as code spells them (<c>@in</c>).</param>
/// <param name="OutputCount">1, or the number of elements of the returned tuple.</param>
/// <param name="ReturnsTuple">Whether the outputs are returned as a tuple.</param>
internal sealed record FormulaMethod(
    IMethodSymbol Symbol,
    MethodDeclarationSyntax Declaration,
    ElementType Element,
    ImmutableArray<string> ParameterNames,
    int OutputCount,
    bool ReturnsTuple)
{
    /// <summary>The method's name as messages show it.</summary>
    public string Name => Symbol.Name;
}
