using System.Collections.Generic;
using System.Runtime.CompilerServices;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// Adds up the terms of one leaf's gradient, each selected by the branches it came through: the terms that share a
/// comparison go into one conditional, with the literal 0 on a side no term takes, so the gradient has the forward
/// formula's shape (<c>x &gt; 0 ? g * x + g * x : g</c> for <c>x &gt; 0 ? x * x : x</c>). A branch that is not taken
/// contributes exactly 0, by selection: an infinity or NaN computed there (<c>exp(x)</c> of a large x in the other
/// branch) does not turn the gradient into NaN, where a product with a 0/1 mask would (PyTorch's <c>torch.where</c>
/// backward has that flaw).
/// </summary>
internal static class BranchedSum
{
    /// <summary>The sum of the terms under their branches, or null when there are none.</summary>
    public static FormulaNode? Of(IReadOnlyList<GradientTerm> terms, ExactAlgebra algebra) => Of(terms, 0, algebra);

    private static FormulaNode? Of(IReadOnlyList<GradientTerm> terms, int depth, ExactAlgebra algebra)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        // Slots in the order the terms came: a plain adjoint, or a group of terms below one comparison.
        var slots = new List<object>();
        foreach (GradientTerm term in terms)
        {
            if (term.Branches.Length == depth)
            {
                slots.Add(term.Adjoint);
                continue;
            }

            BranchCondition test = term.Branches[depth];
            Group? group = null;
            foreach (object slot in slots)
            {
                if (slot is Group existing && existing.Test.SameTest(test))
                {
                    group = existing;
                    break;
                }
            }

            if (group is null)
            {
                group = new Group(test);
                slots.Add(group);
            }

            (test.WhenTrue ? group.WhenTrue : group.WhenFalse).Add(term);
        }

        var parts = new List<FormulaNode>(slots.Count);
        foreach (object slot in slots)
        {
            if (slot is Group group)
            {
                FormulaNode whenTrue = Of(group.WhenTrue, depth + 1, algebra) ?? algebra.Lit(0);
                FormulaNode whenFalse = Of(group.WhenFalse, depth + 1, algebra) ?? algebra.Lit(0);
                parts.Add(algebra.If(group.Test.Comparison, group.Test.Left, group.Test.Right, whenTrue, whenFalse));
            }
            else
            {
                parts.Add((FormulaNode)slot);
            }
        }

        return algebra.Sum(parts);
    }

    private sealed class Group
    {
        public Group(BranchCondition test) => Test = test;

        public BranchCondition Test { get; }

        public List<GradientTerm> WhenTrue { get; } = new();

        public List<GradientTerm> WhenFalse { get; } = new();
    }
}
