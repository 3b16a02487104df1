using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// The arithmetic the gradient is built with: canonical nodes (<see cref="CanonicalNodes"/>) and only the
/// simplifications that give the same value in IEEE arithmetic for every input, NaN and infinities included:
/// <c>x * 1 = x</c>, <c>x * -1 = -x</c>, <c>x / 1 = x</c>, <c>-(-x) = x</c>, <c>(-a) * b = -(a * b)</c> (rounding is
/// symmetric), <c>a + (-b) = a - b</c>, <c>(-a) + b = b - a</c>, <c>a - (-b) = a + b</c>, <c>t + t = 2 * t</c>. Never
/// <c>0 * x = 0</c> (NaN and infinity times 0 are NaN) nor <c>x + 0 = x</c> (-0 + 0 is +0), and no reassociation.
/// </summary>
internal sealed class ExactAlgebra
{
    private readonly CanonicalNodes _nodes;

    public ExactAlgebra(CanonicalNodes nodes) => _nodes = nodes;

    /// <summary>The canonical instance of a node this class builds (of known types, with the right arities).</summary>
    public FormulaNode Canonical(FormulaNode node) =>
        _nodes.Intern(node) ?? throw new System.InvalidOperationException("The gradient built a node it cannot intern.");

    /// <summary>The canonical instance of a node a derivative rule built, or null when it holds an unknown node.</summary>
    public FormulaNode? TryCanonical(FormulaNode node) => _nodes.Intern(node);

    public FormulaNode Lit(double value) => Canonical(new LiteralNode(value));

    public FormulaNode Neg(FormulaNode a) => a switch
    {
        NegateNode negate => negate.Operand,
        LiteralNode literal => Lit(-literal.Value),
        _ => Canonical(new NegateNode(a)),
    };

    public FormulaNode Mul(FormulaNode a, FormulaNode b)
    {
        if (Nodes.IsLiteral(b, 1))
        {
            return a;
        }

        if (Nodes.IsLiteral(a, 1))
        {
            return b;
        }

        if (Nodes.IsLiteral(b, -1))
        {
            return Neg(a);
        }

        if (Nodes.IsLiteral(a, -1))
        {
            return Neg(b);
        }

        if (a is NegateNode na)
        {
            return Neg(Mul(na.Operand, b));
        }

        if (b is NegateNode nb)
        {
            return Neg(Mul(a, nb.Operand));
        }

        return Canonical(new BinaryNode(BinaryOperator.Multiply, a, b));
    }

    public FormulaNode Div(FormulaNode a, FormulaNode b)
    {
        if (Nodes.IsLiteral(b, 1))
        {
            return a;
        }

        if (Nodes.IsLiteral(b, -1))
        {
            return Neg(a);
        }

        if (a is NegateNode na)
        {
            return Neg(Div(na.Operand, b));
        }

        if (b is NegateNode nb)
        {
            return Neg(Div(a, nb.Operand));
        }

        return Canonical(new BinaryNode(BinaryOperator.Divide, a, b));
    }

    public FormulaNode Add(FormulaNode a, FormulaNode b)
    {
        if (b is NegateNode nb)
        {
            return Sub(a, nb.Operand);
        }

        if (a is NegateNode na)
        {
            return Sub(b, na.Operand);
        }

        return ReferenceEquals(a, b) ? Mul(Lit(2), a) : Canonical(new BinaryNode(BinaryOperator.Add, a, b));
    }

    public FormulaNode Sub(FormulaNode a, FormulaNode b) =>
        b is NegateNode nb ? Add(a, nb.Operand) : Canonical(new BinaryNode(BinaryOperator.Subtract, a, b));

    public FormulaNode If(Comparison comparison, FormulaNode left, FormulaNode right, FormulaNode whenTrue, FormulaNode whenFalse) =>
        Canonical(new ConditionalNode(comparison, left, right, whenTrue, whenFalse));

    /// <summary>
    /// The sum of <paramref name="terms"/> (null when there are none), left to right from the first term (not from 0,
    /// which would turn a -0 sum into +0), a term that occurs twice added as <c>2 * t</c>. The order of a
    /// gradient's sum is not given by the formula (PyTorch's depends on its graph), so any order is as exact.
    /// </summary>
    public FormulaNode? Sum(IReadOnlyList<FormulaNode> terms)
    {
        var order = new List<FormulaNode>();
        var count = new Dictionary<FormulaNode, int>(ReferenceComparer.Instance);
        foreach (FormulaNode term in terms)
        {
            if (count.TryGetValue(term, out int n))
            {
                count[term] = n + 1;
            }
            else
            {
                count.Add(term, 1);
                order.Add(term);
            }
        }

        FormulaNode? sum = null;
        foreach (FormulaNode term in order)
        {
            int n = count[term];
            for (; n >= 2; n -= 2)
            {
                sum = Plus(sum, Mul(Lit(2), term));
            }

            if (n == 1)
            {
                sum = Plus(sum, term);
            }
        }

        return sum;
    }

    private FormulaNode Plus(FormulaNode? sum, FormulaNode term) => sum is null ? term : Add(sum, term);
}
