using System.Collections.Generic;
using System.Runtime.CompilerServices;
using FusedActivations.Generator.Activations;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// Reverse-mode differentiation of a forward formula, seen as one DAG of canonical nodes (its locals replaced by
/// their definitions, equal subformulas merged). Each result's gradient parameter flows down from the result; where a
/// node has several users (a join: a local used twice, or the same subformula written twice) the flows are added up
/// once and go on from there, so the work and the gradient's size grow with the DAG, not with its unfolded tree.
/// Between joins a flow carries the branches it passed (<see cref="BranchPath"/>), applied at the join or leaf it
/// reaches (<see cref="BranchedSum"/>).
/// </summary>
internal sealed class ReversePass
{
    private readonly IReadOnlyList<StreamKind> _kinds;
    private readonly int _parameterCount;
    private readonly ElementInfo _element;
    private readonly ExactAlgebra _algebra;
    private readonly Dictionary<FormulaNode, bool> _depends = new(ReferenceComparer.Instance);
    private readonly Dictionary<FormulaNode, int> _users = new(ReferenceComparer.Instance);
    private readonly Dictionary<FormulaNode, List<GradientTerm>> _terms = new(ReferenceComparer.Instance);
    private bool _unsupported;

    private ReversePass(IReadOnlyList<StreamKind> kinds, int parameterCount, ElementInfo element, ExactAlgebra algebra)
    {
        _kinds = kinds;
        _parameterCount = parameterCount;
        _element = element;
        _algebra = algebra;
    }

    /// <summary>
    /// The gradient of <c>sum over k of seeds[k] * results[k]</c> with respect to each parameter whose kind is not
    /// <see cref="StreamKind.Scalar"/>, in order (the literal 0 for one the results do not depend on); null when a node
    /// has no derivative rule. <paramref name="results"/> and <paramref name="seeds"/> are canonical nodes of
    /// <paramref name="algebra"/>'s table.
    /// </summary>
    public static FormulaNode[]? Run(
        IReadOnlyList<FormulaNode> results,
        IReadOnlyList<FormulaNode> seeds,
        IReadOnlyList<StreamKind> kinds,
        int parameterCount,
        ElementInfo element,
        ExactAlgebra algebra)
    {
        var pass = new ReversePass(kinds, parameterCount, element, algebra);
        var joinOrder = new List<FormulaNode>();
        var visited = new HashSet<FormulaNode>(ReferenceComparer.Instance);
        foreach (FormulaNode result in results)
        {
            pass.CountUser(result);
            pass.Visit(result, visited, joinOrder);
        }

        for (int k = 0; k < results.Count; k++)
        {
            pass.Flow(results[k], seeds[k], BranchPath.Root);
        }

        // Post-order puts every node after the nodes it uses: walked backwards, a join comes after all its users.
        for (int i = joinOrder.Count - 1; i >= 0 && !pass._unsupported; i--)
        {
            FormulaNode join = joinOrder[i];
            if (join is not ParameterNode && pass.IsJoin(join) && pass._terms.TryGetValue(join, out List<GradientTerm>? terms))
            {
                // Branches every use passed through stay on the flow below the join, so they still select at its leaves.
                BranchCondition[] shared = CommonBranches(terms);
                FormulaNode? adjoint = BranchedSum.Of(WithoutBranches(terms, shared.Length), algebra);
                if (adjoint is not null)
                {
                    pass.Expand(join, adjoint, BranchPath.Root.Then(shared));
                }
            }
        }

        if (pass._unsupported)
        {
            return null;
        }

        var gradients = new List<FormulaNode>();
        for (int i = 0; i < parameterCount; i++)
        {
            if (pass.KindOf(i) != StreamKind.Scalar)
            {
                FormulaNode parameter = algebra.Canonical(new ParameterNode(i));
                gradients.Add(pass._terms.TryGetValue(parameter, out List<GradientTerm>? terms)
                    ? BranchedSum.Of(terms, algebra) ?? algebra.Lit(0)
                    : algebra.Lit(0));
            }
        }

        return gradients.ToArray();
    }

    private StreamKind KindOf(int parameter) => parameter < _kinds.Count ? _kinds[parameter] : StreamKind.Elementwise;

    /// <summary>Whether a gradient flows into <paramref name="node"/>: it depends on a parameter that gets one.</summary>
    private bool Depends(FormulaNode node)
    {
        if (_depends.TryGetValue(node, out bool known))
        {
            return known;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        bool depends = false;
        switch (node)
        {
            case ParameterNode parameter:
                depends = parameter.Index < _parameterCount && KindOf(parameter.Index) != StreamKind.Scalar;
                break;
            case LiteralNode:
                break;
            default:
                foreach (FormulaNode child in GradientChildren(node))
                {
                    depends |= Depends(child);
                }

                break;
        }

        _depends[node] = depends;
        return depends;
    }

    /// <summary>The operands a gradient flows into: not a conditional's comparison.</summary>
    private static IEnumerable<FormulaNode> GradientChildren(FormulaNode node)
    {
        switch (node)
        {
            case NegateNode negate:
                yield return negate.Operand;
                break;
            case BinaryNode binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case ConditionalNode conditional:
                yield return conditional.WhenTrue;
                yield return conditional.WhenFalse;
                break;
            case MathNode math:
                foreach (FormulaNode argument in math.Arguments)
                {
                    yield return argument;
                }

                break;
            case ActivationNode activation:
                yield return activation.Argument;
                break;
            case WidenedNode widened:
                yield return widened.Argument;
                break;
        }
    }

    private void CountUser(FormulaNode node)
    {
        _users.TryGetValue(node, out int users);
        _users[node] = users + 1;
    }

    /// <summary>Counts each node's users and lists the nodes in post-order (a node after the nodes it uses).</summary>
    private void Visit(FormulaNode node, HashSet<FormulaNode> visited, List<FormulaNode> joinOrder)
    {
        if (!Depends(node) || !visited.Add(node))
        {
            return;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (FormulaNode child in GradientChildren(node))
        {
            if (Depends(child))
            {
                CountUser(child);
                Visit(child, visited, joinOrder);
            }
        }

        joinOrder.Add(node);
    }

    private bool IsJoin(FormulaNode node) => _users.TryGetValue(node, out int users) && users >= 2;

    /// <summary>Sends <paramref name="adjoint"/> into <paramref name="node"/>: kept at a leaf or join, else passed to its operands.</summary>
    private void Flow(FormulaNode node, FormulaNode adjoint, BranchPath path)
    {
        if (_unsupported || !Depends(node))
        {
            return;
        }

        if (node is ParameterNode || IsJoin(node))
        {
            if (!_terms.TryGetValue(node, out List<GradientTerm>? terms))
            {
                terms = new List<GradientTerm>();
                _terms.Add(node, terms);
            }

            terms.Add(new GradientTerm(path.ToArray(), adjoint));
            return;
        }

        Expand(node, adjoint, path);
    }

    /// <summary>The chain rule at <paramref name="node"/>: its operands' flows from its own.</summary>
    private void Expand(FormulaNode node, FormulaNode adjoint, BranchPath path)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case NegateNode negate:
                Flow(negate.Operand, _algebra.Neg(adjoint), path);
                break;
            case BinaryNode binary:
                ExpandBinary(binary, adjoint, path);
                break;
            case ConditionalNode c:
                // The gradient flows through the branch the comparison picks; the comparison itself has none.
                Flow(c.WhenTrue, adjoint, path.Then(new BranchCondition(c.Comparison, c.Left, c.Right, whenTrue: true)));
                Flow(c.WhenFalse, adjoint, path.Then(new BranchCondition(c.Comparison, c.Left, c.Right, whenTrue: false)));
                break;
            case MathNode math:
                Partial[]? partials = MathDerivatives.Of(math);
                if (partials is null)
                {
                    _unsupported = true;
                    return;
                }

                foreach (Partial partial in partials)
                {
                    FlowThroughRule(partial.Argument, adjoint, path.Then(partial.Branches), partial.Factor);
                }

                break;
            case ActivationNode activation:
                // A smooth rule's body is computed in double and rounded once in float formulas (a WidenedNode whose
                // parameter 0 is the argument): its several float roundings would exceed the 2 ULP bar. A piecewise
                // rule (a conditional at the top: relu, hardswish, elu, softplus's threshold) stays as written, so that
                // the gradient is selected per branch (PyTorch's 0 for an infinite gradient where the slope is 0).
                Activation? owner = RuleOf(activation.Activation);
                FormulaNode? rule = owner?.Derivative(activation.Activation, new ParameterNode(0), _element);
                FormulaNode? derivative = rule switch
                {
                    null => null,
                    ConditionalNode => owner!.Derivative(activation.Activation, activation.Argument, _element),
                    _ => new WidenedNode(rule, activation.Argument),
                };
                if (derivative is null)
                {
                    _unsupported = true;
                    return;
                }

                FlowThroughRule(activation.Argument, adjoint, path, derivative);
                break;
        }
    }

    private void ExpandBinary(BinaryNode binary, FormulaNode adjoint, BranchPath path)
    {
        FormulaNode a = binary.Left;
        FormulaNode b = binary.Right;
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
                Flow(a, adjoint, path);
                Flow(b, adjoint, path);
                break;
            case BinaryOperator.Subtract:
                Flow(a, adjoint, path);
                if (Depends(b))
                {
                    Flow(b, _algebra.Neg(adjoint), path);
                }

                break;
            case BinaryOperator.Multiply:
                // The forward formula's own product: g * b, also where b is 0 (g infinite gives NaN, as the product does).
                if (Depends(a))
                {
                    Flow(a, _algebra.Mul(adjoint, b), path);
                }

                if (Depends(b))
                {
                    Flow(b, _algebra.Mul(adjoint, a), path);
                }

                break;
            case BinaryOperator.Divide:
                // d(a/b) = da / b - (a/b) db / b: g / b for a, -(g / b) * (a / b) for b, the quotient reused
                // (PyTorch: grad / b and -grad * ((a / b) / b)).
                FormulaNode overB = _algebra.Div(adjoint, b);
                if (Depends(a))
                {
                    Flow(a, overB, path);
                }

                if (Depends(b))
                {
                    Flow(b, _algebra.Neg(_algebra.Mul(overB, binary)), path);
                }

                break;
        }
    }

    /// <summary>
    /// Sends <c>adjoint * factor</c> into <paramref name="argument"/> for a derivative rule's factor (null: 1). Where
    /// the factor's outer conditionals are the literal 0 on one side, that side becomes a branch of the flow: the
    /// gradient is 0 there by selection (PyTorch's backward kernels select too: relu's threshold_backward,
    /// hardswish_backward), so an infinite or NaN gradient does not become NaN on the side where the derivative is 0.
    /// </summary>
    private void FlowThroughRule(FormulaNode argument, FormulaNode adjoint, BranchPath path, FormulaNode? factor)
    {
        if (_unsupported || !Depends(argument))
        {
            return;
        }

        if (factor is null)
        {
            Flow(argument, adjoint, path);
            return;
        }

        FormulaNode? canonical = _algebra.TryCanonical(factor);
        if (canonical is null)
        {
            _unsupported = true;
            return;
        }

        while (canonical is ConditionalNode c && (Nodes.IsZero(c.WhenTrue) || Nodes.IsZero(c.WhenFalse)))
        {
            if (Nodes.IsZero(c.WhenTrue) && Nodes.IsZero(c.WhenFalse))
            {
                return;
            }

            bool keepTrue = Nodes.IsZero(c.WhenFalse);
            path = path.Then(new BranchCondition(c.Comparison, c.Left, c.Right, keepTrue));
            canonical = keepTrue ? c.WhenTrue : c.WhenFalse;
        }

        Flow(argument, Chain(adjoint, canonical), path);
    }

    /// <summary>
    /// <c>adjoint * factor</c> for a rule's factor, in its most accurate exact form: <c>adjoint / q</c> for
    /// <c>1 / q</c> (one rounding), the negation outside, and distributed over a conditional with a literal branch
    /// (<c>c ? g : g * s</c> for <c>c ? 1 : s</c>, as PyTorch's leaky_relu and elu backward write it); a literal 0
    /// branch there selects 0.
    /// </summary>
    private FormulaNode Chain(FormulaNode adjoint, FormulaNode factor)
    {
        switch (factor)
        {
            case BinaryNode { Operator: BinaryOperator.Divide, Left: LiteralNode { Value: 1 or -1 } one } quotient:
                FormulaNode divided = _algebra.Div(adjoint, quotient.Right);
                return one.Value == 1 ? divided : _algebra.Neg(divided);
            case NegateNode negate:
                return _algebra.Neg(Chain(adjoint, negate.Operand));
            case ConditionalNode c when c.WhenTrue is LiteralNode || c.WhenFalse is LiteralNode:
                return _algebra.If(c.Comparison, c.Left, c.Right, ChainBranch(adjoint, c.WhenTrue), ChainBranch(adjoint, c.WhenFalse));
            default:
                return _algebra.Mul(adjoint, factor);
        }
    }

    private FormulaNode ChainBranch(FormulaNode adjoint, FormulaNode factor) => Nodes.IsZero(factor) ? factor : Chain(adjoint, factor);

    /// <summary>The activation that owns <paramref name="spec"/>, or null for one this version does not know.</summary>
    private static Activation? RuleOf(ActivationSpec spec)
    {
        foreach (Activation activation in ActivationRegistry.All)
        {
            if (activation.Name == spec.Name)
            {
                return activation;
            }
        }

        return null;
    }

    /// <summary>The branches at the start of every term's path.</summary>
    private static BranchCondition[] CommonBranches(List<GradientTerm> terms)
    {
        BranchCondition[] first = terms[0].Branches;
        int length = first.Length;
        foreach (GradientTerm term in terms)
        {
            int i = 0;
            while (i < length && i < term.Branches.Length && term.Branches[i].SameTest(first[i]) && term.Branches[i].WhenTrue == first[i].WhenTrue)
            {
                i++;
            }

            length = i;
        }

        var common = new BranchCondition[length];
        System.Array.Copy(first, common, length);
        return common;
    }

    private static List<GradientTerm> WithoutBranches(List<GradientTerm> terms, int count)
    {
        if (count == 0)
        {
            return terms;
        }

        var rest = new List<GradientTerm>(terms.Count);
        foreach (GradientTerm term in terms)
        {
            var branches = new BranchCondition[term.Branches.Length - count];
            System.Array.Copy(term.Branches, count, branches, 0, branches.Length);
            rest.Add(new GradientTerm(branches, term.Adjoint));
        }

        return rest;
    }
}
