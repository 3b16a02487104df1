using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing.Fused;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// Calls the <see cref="FusedParser"/> directly, as the pipeline would. The fused emitter is not written yet, so the
/// tests of valid methods stop at the parser: a generator run over them would call the emitter.
/// </summary>
internal static class FusedParserHarness
{
    /// <summary>
    /// Parses method <paramref name="methodName"/> (the one of that name with a <c>[Fused]</c> or <c>[FusedGradient]</c>
    /// attribute) of <paramref name="sources"/> (the first holds it unless another does), for the pipeline of its first
    /// such attribute.
    /// </summary>
    public static FusedParseResult Parse(string methodName, params string[] sources) =>
        Parse(methodName, derive: null, sources);

    /// <summary>As <see cref="Parse(string, string[])"/>, with <paramref name="derive"/> standing in for the derivative.</summary>
    public static FusedParseResult Parse(string methodName, Func<FormulaSpec, IReadOnlyList<StreamKind>, FormulaSpec?>? derive, params string[] sources)
    {
        CSharpCompilation compilation = TestCompilation.Create(sources);
        (MethodDeclarationSyntax method, SemanticModel model, string metadataName) = Find(compilation, methodName);
        return derive is null
            ? FusedParser.Parse(method, model, metadataName, CancellationToken.None)
            : FusedParser.Parse(method, model, metadataName, derive, CancellationToken.None);
    }

    /// <summary>Runs the parser, as both pipelines would, on every method of <paramref name="compilation"/> with an attribute.</summary>
    public static IEnumerable<FusedParseResult> ParseAll(Compilation compilation)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.AttributeLists.Count > 0))
            {
                yield return FusedParser.Parse(method, model, FusedAttributes.FusedMetadataName, CancellationToken.None);
                yield return FusedParser.Parse(method, model, FusedAttributes.GradientMetadataName, CancellationToken.None);
            }
        }
    }

    private static (MethodDeclarationSyntax, SemanticModel, string) Find(Compilation compilation, string methodName)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Identifier.ValueText != methodName || model.GetDeclaredSymbol(method) is not { } symbol)
                {
                    continue;
                }

                string? metadataName = symbol.GetAttributes()
                    .Where(attribute => attribute.ApplicationSyntaxReference is not null)
                    .OrderBy(attribute => attribute.ApplicationSyntaxReference!.Span.Start)
                    .Select(attribute => FusedAttributes.MetadataNameOf(attribute.AttributeClass))
                    .FirstOrDefault(name => name is FusedAttributes.FusedMetadataName or FusedAttributes.GradientMetadataName);
                if (metadataName is not null)
                {
                    return (method, model, metadataName);
                }
            }
        }

        throw new ArgumentException($"No method '{methodName}' with [Fused] or [FusedGradient] in the sources.", nameof(methodName));
    }
}
