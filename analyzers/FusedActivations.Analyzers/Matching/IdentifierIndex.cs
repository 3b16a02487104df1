using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// The identifiers of a block by name, found in one pass the first time a sum's reads are asked for, then shared by
/// every sum declared in it: scanning the block once per sum made a method with N softmax loops cost O(N²), as
/// <see cref="BlockLocals"/> explains for exp locals.
/// </summary>
internal sealed class IdentifierIndex
{
    private readonly Dictionary<string, ImmutableArray<IdentifierNameSyntax>.Builder> _byName = new();

    private IdentifierIndex(SyntaxNode scope)
    {
        foreach (SyntaxNode node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier)
            {
                string name = identifier.Identifier.ValueText;
                if (!_byName.TryGetValue(name, out ImmutableArray<IdentifierNameSyntax>.Builder? list))
                {
                    _byName[name] = list = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
                }

                list.Add(identifier);
            }
        }
    }

    /// <summary>The identifiers spelled <paramref name="name"/> in the scope, in document order.</summary>
    public IEnumerable<IdentifierNameSyntax> Named(string name) =>
        _byName.TryGetValue(name, out ImmutableArray<IdentifierNameSyntax>.Builder? list) ? list : System.Array.Empty<IdentifierNameSyntax>();

    /// <summary>The index of <paramref name="scope"/>, computed once per scope and matcher; thread-safe.</summary>
    public static IdentifierIndex Get(ConditionalWeakTable<SyntaxNode, IdentifierIndex> cache, SyntaxNode scope) =>
        cache.GetValue(scope, static s => new IdentifierIndex(s));
}
