using System.Linq;
using System.Threading;
using FusedActivations.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Tests.Infrastructure;

/// <summary>Calls the <see cref="Parser"/> directly, as the pipeline would, on the one attributed method of a source.</summary>
internal static class ParserHarness
{
    public const string Softplus = "FusedActivations.SoftplusAttribute";

    /// <summary>Parses the first method that has an attribute in <paramref name="source"/>.</summary>
    public static ParseResult Parse(string source, LanguageVersion languageVersion = TestCompilation.DefaultLanguageVersion)
    {
        CSharpCompilation compilation = TestCompilation.Create(languageVersion, source);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        MethodDeclarationSyntax method = tree.GetRoot().DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .First(m => m.AttributeLists.Count > 0);
        return Parser.Parse(method, compilation.GetSemanticModel(tree), Softplus, CancellationToken.None);
    }
}
