using System;
using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// How deep a formula's operations depend on one another once its locals are seen through: the depth the derivative's
/// recursive passes reach. The parser bounds each expression (<c>FormulaLowerer.MaxDepth</c>), but a local that uses the
/// one before it chains those bounds, and the derivation sees the chain whole.
/// </summary>
internal static class FormulaDepth
{
    /// <summary>
    /// The longest chain of operations from a result of <paramref name="formula"/> down to a parameter or literal,
    /// counting through locals (each local's depth is computed once, so this is linear in the formula's size). The
    /// recursion goes no deeper than one expression, which the parser bounds.
    /// </summary>
    public static int Of(FormulaSpec formula)
    {
        var locals = new int[formula.Locals.Count];
        for (int i = 0; i < locals.Length; i++)
        {
            locals[i] = Of(formula.Locals[i], locals, i);
        }

        int deepest = 0;
        foreach (FormulaNode result in formula.Results)
        {
            deepest = Math.Max(deepest, Of(result, locals, locals.Length));
        }

        return deepest;
    }

    /// <summary>
    /// The depth of <paramref name="node"/>, given the depths of the first <paramref name="defined"/> locals. Iterative
    /// (an explicit stack of the nodes on the path and their depths so far), so it needs no thread stack whatever the
    /// formula, and the caller can use it to decide before any recursive pass runs.
    /// </summary>
    private static int Of(FormulaNode node, int[] locals, int defined)
    {
        var path = new Stack<(IEnumerator<FormulaNode> Children, int Deepest)>();
        int finished = Leaf(node, locals, defined) ?? Push(path, node);
        while (path.Count > 0)
        {
            (IEnumerator<FormulaNode> children, int deepest) = path.Pop();
            if (finished >= 0)
            {
                deepest = Math.Max(deepest, finished);
            }

            if (children.MoveNext())
            {
                path.Push((children, deepest));
                FormulaNode child = children.Current;
                finished = Leaf(child, locals, defined) ?? Push(path, child);
            }
            else
            {
                finished = deepest + 1;
            }
        }

        return finished;
    }

    /// <summary>Starts <paramref name="node"/>'s children; -1 says no depth is finished yet.</summary>
    private static int Push(Stack<(IEnumerator<FormulaNode> Children, int Deepest)> path, FormulaNode node)
    {
        path.Push((GradientAssembly.Children(node).GetEnumerator(), 0));
        return -1;
    }

    /// <summary>The depth of a node without operands (a parameter, literal or local: 0 or the local's), null for an operation.</summary>
    private static int? Leaf(FormulaNode node, int[] locals, int defined) =>
        node switch
        {
            // A local reads only locals declared before it; anything else is not a formula the parser makes.
            LocalNode local => local.Index >= 0 && local.Index < defined ? locals[local.Index] : 0,
            ParameterNode or LiteralNode => 0,
            _ => null,
        };
}
