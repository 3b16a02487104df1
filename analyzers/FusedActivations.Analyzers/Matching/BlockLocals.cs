using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// What the exp-local pattern needs to know about a block: how often each local name is written in it, and where
/// each of its statements is. Computed in one pass the first time a match asks about the block, then shared by
/// every match in it: asking per match (a full scan for writes, <c>Statements.IndexOf</c>) made a method with N
/// pairs of <c>var e = Math.Exp(x); s += Math.Log(1 + e);</c> cost O(N²): 65 s at N = 5,000 (issue 10).
/// </summary>
internal sealed class BlockLocals
{
    private readonly Dictionary<string, int> _writes = new();
    private readonly Dictionary<StatementSyntax, int> _indexes = new();

    private BlockLocals(BlockSyntax block)
    {
        SyntaxList<StatementSyntax> statements = block.Statements;
        for (int i = 0; i < statements.Count; i++)
        {
            _indexes[statements[i]] = i;
        }

        foreach (SyntaxNode node in block.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && IsWrite(identifier))
            {
                string name = identifier.Identifier.ValueText;
                _writes[name] = _writes.TryGetValue(name, out int count) ? count + 1 : 1;
            }
        }
    }

    /// <summary>Writes to a local named <paramref name="name"/> in the block (assignments, ++/--, ref/out), nested code included.</summary>
    public int CountWrites(string name) => _writes.TryGetValue(name, out int count) ? count : 0;

    /// <summary>The index of <paramref name="statement"/> among the block's statements, or -1.</summary>
    public int IndexOf(StatementSyntax statement) => _indexes.TryGetValue(statement, out int index) ? index : -1;

    /// <summary>
    /// The facts of <paramref name="block"/>, computed once per block and matcher (a matcher lives for one
    /// compilation; the table lets go of a block when its tree goes). Thread-safe: callbacks run concurrently.
    /// </summary>
    public static BlockLocals Get(ConditionalWeakTable<BlockSyntax, BlockLocals> cache, BlockSyntax block) =>
        cache.GetValue(block, static b => new BlockLocals(b));

    private static bool IsWrite(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == identifier,
        PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
        PostfixUnaryExpressionSyntax => true,
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
        RefExpressionSyntax => true,
        _ => false,
    };
}
