using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// One branch taken on the way from a result down to a leaf: the comparison of a conditional (or of the Min, Max or
/// Clamp that picks an argument, or of a derivative that is 0 on one side) and which side the leaf is on. Its
/// operands are canonical nodes, so equal comparisons are the same objects.
/// </summary>
internal sealed class BranchCondition
{
    public BranchCondition(Comparison comparison, FormulaNode left, FormulaNode right, bool whenTrue)
    {
        Comparison = comparison;
        Left = left;
        Right = right;
        WhenTrue = whenTrue;
    }

    public Comparison Comparison { get; }

    public FormulaNode Left { get; }

    public FormulaNode Right { get; }

    /// <summary>True: the leaf is reached where the comparison holds; false: where it does not (NaN included).</summary>
    public bool WhenTrue { get; }

    /// <summary>Whether both test the same comparison (whichever side they take).</summary>
    public bool SameTest(BranchCondition other) =>
        Comparison == other.Comparison && ReferenceEquals(Left, other.Left) && ReferenceEquals(Right, other.Right);
}

/// <summary>
/// The branches taken from a result down to the node being differentiated, innermost last: an immutable list that
/// shares its prefix with the paths it was extended from.
/// </summary>
internal sealed class BranchPath
{
    public static readonly BranchPath Root = new(null, null, 0);

    private readonly BranchPath? _outer;
    private readonly BranchCondition? _last;

    private BranchPath(BranchPath? outer, BranchCondition? last, int depth)
    {
        _outer = outer;
        _last = last;
        Depth = depth;
    }

    public int Depth { get; }

    public BranchPath Then(BranchCondition condition) => new(this, condition, Depth + 1);

    public BranchPath Then(IReadOnlyList<BranchCondition> conditions)
    {
        BranchPath path = this;
        foreach (BranchCondition condition in conditions)
        {
            path = path.Then(condition);
        }

        return path;
    }

    /// <summary>The conditions, outermost first.</summary>
    public BranchCondition[] ToArray()
    {
        var conditions = new BranchCondition[Depth];
        BranchPath path = this;
        for (int i = Depth - 1; i >= 0; i--)
        {
            conditions[i] = path._last!;
            path = path._outer!;
        }

        return conditions;
    }
}

/// <summary>One contribution to a leaf's gradient: an adjoint that counts only where its branches are taken.</summary>
internal sealed class GradientTerm
{
    public GradientTerm(BranchCondition[] branches, FormulaNode adjoint)
    {
        Branches = branches;
        Adjoint = adjoint;
    }

    public BranchCondition[] Branches { get; }

    public FormulaNode Adjoint { get; }
}
