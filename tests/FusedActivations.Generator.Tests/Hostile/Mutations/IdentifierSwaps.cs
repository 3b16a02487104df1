using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>A user identifier of a seed: its name, what it names, and every place it is written.</summary>
public sealed record UserIdentifier(string Name, string Kind, ImmutableArray<TextSpan> Spans);

/// <summary>Names the generator writes for a seed, split by where they are written.</summary>
/// <param name="InUserScope">
/// Names written where the user's declarations are in scope: the generated method body in the user's type and
/// namespace, the generated namespace and its using directives. A user name equal to one of these can change what the
/// generated code binds to.
/// </param>
/// <param name="InKernel">Names written only inside the file-local kernel class in <c>FusedActivations.Generated</c>.</param>
/// <param name="InMethodBody">
/// The names of <paramref name="InUserScope"/> written in the statements of the generated method body, where every
/// member, parameter and namespace name of the user's is in scope (offset, nameof, the parameters, Run, ...).
/// </param>
public sealed record GeneratedNames(ImmutableArray<string> InUserScope, ImmutableArray<string> InKernel, ImmutableArray<string> InMethodBody);

/// <summary>
/// Renames each user identifier of a seed (the [Softplus], [Fused] and [FusedGradient] methods' parameters, the methods,
/// their containing types and type parameters, the namespace's parts, and a fused method's formula's parameters and
/// locals, whose names the fused kernel derives its own from) to each identifier the generator writes for that seed
/// (collected from its generated text) and to contextual keywords.
/// </summary>
internal static class IdentifierSwaps
{
    /// <summary>Contextual keywords, and names that are special somewhere in C#.</summary>
    public static readonly string[] ContextualKeywords =
    {
        "value", "var", "nameof", "dynamic", "async", "await", "record", "file", "scoped", "required", "field",
        "global", "managed", "unmanaged", "notnull", "args", "extension", "allows", "_", "@this", "@class",
    };

    /// <summary>Keywords whose meaning changed in recent C# versions: renames to these also run at LangVersion preview.</summary>
    public static readonly string[] RecentKeywords = { "field", "extension", "scoped", "file", "value", "var" };

    /// <summary>Every user identifier of <paramref name="source"/> that belongs to a [Softplus] or fused method's declaration, or to its formula.</summary>
    public static IReadOnlyList<UserIdentifier> FindUserIdentifiers(string source)
    {
        CSharpCompilation compilation = TestCompilation.Create(source);
        SyntaxTree tree = compilation.SyntaxTrees[0];
        SemanticModel model = compilation.GetSemanticModel(tree);
        SyntaxNode root = tree.GetRoot();

        var symbols = new List<(ISymbol Symbol, string Kind)>();
        foreach (MethodDeclarationSyntax method in root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                     .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => Mutators.IsSoftplus(a) || Mutators.IsFused(a))))
        {
            if (model.GetDeclaredSymbol(method) is not IMethodSymbol symbol)
            {
                continue;
            }

            symbols.Add((symbol, "method"));
            symbols.AddRange(symbol.Parameters.Select(p => ((ISymbol)p, "parameter")));
            if (FormulaOf(method, symbol) is { } formula)
            {
                symbols.AddRange(formula.Parameters.Select(p => ((ISymbol)p, "formula parameter")));
                symbols.AddRange(formula.DeclaringSyntaxReferences
                    .SelectMany(reference => reference.GetSyntax().DescendantNodes().OfType<VariableDeclaratorSyntax>())
                    .Select(declarator => model.GetDeclaredSymbol(declarator))
                    .Where(local => local is not null)
                    .Select(local => (local!, "formula local")));
            }
            for (INamedTypeSymbol? type = symbol.ContainingType; type is not null; type = type.ContainingType)
            {
                symbols.Add((type, "type"));
                symbols.AddRange(type.TypeParameters.Select(p => ((ISymbol)p, "type parameter")));
            }

            for (INamespaceSymbol? ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                symbols.Add((ns, "namespace"));
            }
        }

        var identifiers = new List<UserIdentifier>();
        foreach ((ISymbol symbol, string kind) in symbols.Distinct())
        {
            ImmutableArray<TextSpan> spans = root.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == symbol.Name && Binds(model, t, symbol))
                .Select(t => t.Span)
                .ToImmutableArray();
            if (spans.Length > 0)
            {
                identifiers.Add(new UserIdentifier(symbol.Name, kind, spans));
            }
        }

        return identifiers;
    }

    /// <summary>The formula a fused method's <c>nameof</c> argument names: the method of that name in its type that has a body.</summary>
    private static IMethodSymbol? FormulaOf(MethodDeclarationSyntax method, IMethodSymbol symbol)
    {
        string? name = method.AttributeLists.SelectMany(l => l.Attributes).Where(Mutators.IsFused)
            .Select(attribute => attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
            .OfType<InvocationExpressionSyntax>()
            .Select(nameOf => nameOf.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<IdentifierNameSyntax>()
            .FirstOrDefault()?.Identifier.ValueText;
        return name is null
            ? null
            : symbol.ContainingType.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsPartialDefinition && m.PartialDefinitionPart is null && m.DeclaringSyntaxReferences.Length > 0);
    }

    /// <summary>The identifiers of the generated text of <paramref name="source"/>, in first-seen order.</summary>
    public static GeneratedNames CollectGeneratedNames(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source).AssertNoGeneratorFailure();
        var userScope = new List<string>();
        var kernel = new List<string>();
        var body = new List<string>();
        foreach (GeneratedSourceResult generated in run.Result.GeneratedSources)
        {
            SyntaxNode root = generated.SyntaxTree.GetRoot();
            foreach (SyntaxToken token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) && !token.IsKind(SyntaxKind.GlobalKeyword))
                {
                    continue;
                }

                // Everything in the generator's namespace (shared kernels, constants structs and interfaces) is out of the
                // user's scopes; the rest of a method file is the user's namespace and types.
                bool inKernel = token.Parent!.AncestorsAndSelf().Any(n => n is BaseNamespaceDeclarationSyntax ns && ns.Name.ToString() == "FusedActivations.Generated");
                (inKernel ? kernel : userScope).Add(token.ValueText);
                if (!inKernel && token.Parent.AncestorsAndSelf().Any(n => n is BlockSyntax { Parent: MethodDeclarationSyntax }))
                {
                    body.Add(token.ValueText);
                }
            }
        }

        ImmutableArray<string> user = userScope.Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new GeneratedNames(
            user,
            kernel.Distinct(StringComparer.Ordinal).Where(n => !user.Contains(n)).ToImmutableArray(),
            body.Distinct(StringComparer.Ordinal).ToImmutableArray());
    }

    /// <summary><paramref name="source"/> with every occurrence of <paramref name="identifier"/> renamed to <paramref name="name"/>.</summary>
    public static string Rename(string source, UserIdentifier identifier, string name)
    {
        string written = name.StartsWith('@') || SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
        string result = source;
        foreach (TextSpan span in identifier.Spans.OrderByDescending(s => s.Start))
        {
            result = result.Remove(span.Start, span.Length).Insert(span.Start, written);
        }

        return result;
    }

    public static HostileCase Case(Seed seed, UserIdentifier identifier, string name, string languageVersion = "CSharp12") =>
        new(
            "identifier",
            $"{seed.Name}: {identifier.Kind} '{identifier.Name}' renamed to '{name}'" + (languageVersion == "CSharp12" ? string.Empty : $" ({languageVersion})"),
            new[] { Rename(seed.Source, identifier, name) },
            OracleKind.Swap,
            languageVersion);

    private static bool Binds(SemanticModel model, SyntaxToken token, ISymbol symbol)
    {
        ISymbol? bound = token.Parent switch
        {
            IdentifierNameSyntax name => model.GetSymbolInfo(name).Symbol,
            { } parent => model.GetDeclaredSymbol(parent),
            _ => null,
        };
        return bound is not null && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, symbol.OriginalDefinition);
    }
}
