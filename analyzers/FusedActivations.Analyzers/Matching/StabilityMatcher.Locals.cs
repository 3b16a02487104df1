using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>exp(z) directly or through a local assigned just before its use.</summary>
internal sealed partial class StabilityMatcher
{
    /// <summary>Per-block write counts and statement indexes, shared by all matches of the compilation.</summary>
    private readonly ConditionalWeakTable<BlockSyntax, BlockLocals> _blockLocals = new();

    /// <summary>
    /// exp(z), or a local assigned exp(z) once, in the statement just before the one that reads it:
    /// <c>var e = Math.Exp(x); return Math.Log(1 + e);</c>.
    /// </summary>
    internal bool TryGetExp(IOperation operation, CancellationToken cancellationToken, out IOperation z, out VariableDeclaratorSyntax? local)
    {
        local = null;
        if (IsCall(operation, MathFunction.Exp, out z))
        {
            return true;
        }

        if (Unwrap(operation) is ILocalReferenceOperation reference
            && reference.SemanticModel is { } model
            && TryGetSingleAssignment(reference, out VariableDeclaratorSyntax declarator, out ExpressionSyntax value)
            && model.GetOperation(value, cancellationToken) is { } valueOperation
            && IsCall(valueOperation, MathFunction.Exp, out z))
        {
            local = declarator;
            return true;
        }

        z = null!;
        return false;
    }

    private bool TryGetSingleAssignment(ILocalReferenceOperation reference, out VariableDeclaratorSyntax declarator, out ExpressionSyntax value)
    {
        declarator = null!;
        value = null!;
        ILocalSymbol local = reference.Local;
        if (local.IsRef || local.IsConst || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax candidate
            || candidate.Parent is not VariableDeclarationSyntax { Variables.Count: 1 }
            || candidate.Parent.Parent is not LocalDeclarationStatementSyntax declaration
            || declaration.Parent is not BlockSyntax block)
        {
            return false;
        }

        // The statement of the block that contains the read.
        SyntaxNode? use = reference.Syntax;
        while (use is not null && use.Parent != block)
        {
            use = use.Parent;
        }

        if (use is not StatementSyntax useStatement)
        {
            return false;
        }

        BlockLocals facts = BlockLocals.Get(_blockLocals, block);
        int useIndex = facts.IndexOf(useStatement);
        int declarationIndex = facts.IndexOf(declaration);
        string name = local.Name;
        if (candidate.Initializer is { } initializer)
        {
            if (useIndex != declarationIndex + 1 || facts.CountWrites(name) != 0)
            {
                return false;
            }

            value = initializer.Value;
        }
        else
        {
            // double e; ... e = Math.Exp(x); y = Math.Log(1 + e);
            if (useIndex < 1
                || block.Statements[useIndex - 1] is not ExpressionStatementSyntax
                {
                    Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment,
                }
                || target.Identifier.ValueText != name
                || facts.CountWrites(name) != 1)
            {
                return false;
            }

            value = assignment.Right;
        }

        declarator = candidate;
        return true;
    }
}
