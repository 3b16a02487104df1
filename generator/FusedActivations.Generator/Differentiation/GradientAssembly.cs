using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// Writes the gradient's DAG of canonical nodes out as a formula: a node used more than once becomes a local
/// (computed once, as the DAG shares it), and so does a subformula the forward formula had named as a local, so the
/// gradient reads like the forward formula. Everything else is written in place: the formula's size is the DAG's.
/// </summary>
internal sealed class GradientAssembly
{
    private readonly Dictionary<FormulaNode, int> _users = new(ReferenceComparer.Instance);
    private readonly Dictionary<FormulaNode, int> _localIndex = new(ReferenceComparer.Instance);
    private readonly List<FormulaNode> _locals = new();
    private readonly ISet<FormulaNode> _namedByForward;

    private GradientAssembly(ISet<FormulaNode> namedByForward) => _namedByForward = namedByForward;

    /// <summary>The locals (in an order where each uses only earlier ones) and results of a formula computing <paramref name="results"/>.</summary>
    public static (EquatableArray<FormulaNode> Locals, EquatableArray<FormulaNode> Results) Assemble(
        IReadOnlyList<FormulaNode> results,
        ISet<FormulaNode> namedByForward)
    {
        var assembly = new GradientAssembly(namedByForward);
        var visited = new HashSet<FormulaNode>(ReferenceComparer.Instance);
        foreach (FormulaNode result in results)
        {
            assembly.CountUser(result);
            assembly.CountUsers(result, visited);
        }

        var written = ImmutableArray.CreateBuilder<FormulaNode>(results.Count);
        foreach (FormulaNode result in results)
        {
            written.Add(assembly.Write(result));
        }

        return (new EquatableArray<FormulaNode>(assembly._locals.ToImmutableArray()), new EquatableArray<FormulaNode>(written.MoveToImmutable()));
    }

    private void CountUser(FormulaNode node)
    {
        _users.TryGetValue(node, out int users);
        _users[node] = users + 1;
    }

    private void CountUsers(FormulaNode node, HashSet<FormulaNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (FormulaNode child in Children(node))
        {
            CountUser(child);
            CountUsers(child, visited);
        }
    }

    /// <summary>Whether the node gets a local: a computation used twice or named by the forward formula, but not <c>-x</c> of a leaf.</summary>
    private bool IsLocal(FormulaNode node) =>
        !IsLeaf(node)
        && !(node is NegateNode negate && IsLeaf(negate.Operand))
        && (_users[node] >= 2 || _namedByForward.Contains(node));

    private static bool IsLeaf(FormulaNode node) => node is ParameterNode or LiteralNode;

    /// <summary>The node as the formula refers to it: a leaf, a local's reference (defining it first) or the node written in place.</summary>
    private FormulaNode Write(FormulaNode node)
    {
        if (!IsLocal(node))
        {
            return IsLeaf(node) ? node : WriteInPlace(node);
        }

        if (!_localIndex.TryGetValue(node, out int index))
        {
            FormulaNode definition = WriteInPlace(node);
            index = _locals.Count;
            _locals.Add(definition);
            _localIndex.Add(node, index);
        }

        return new LocalNode(index);
    }

    private FormulaNode WriteInPlace(FormulaNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case NegateNode negate:
                return new NegateNode(Write(negate.Operand));
            case BinaryNode binary:
                return new BinaryNode(binary.Operator, Write(binary.Left), Write(binary.Right));
            case ConditionalNode c:
                return new ConditionalNode(c.Comparison, Write(c.Left), Write(c.Right), Write(c.WhenTrue), Write(c.WhenFalse));
            case MathNode math:
                var arguments = ImmutableArray.CreateBuilder<FormulaNode>(math.Arguments.Count);
                foreach (FormulaNode argument in math.Arguments)
                {
                    arguments.Add(Write(argument));
                }

                return new MathNode(math.Function, new EquatableArray<FormulaNode>(arguments.MoveToImmutable()));
            case ActivationNode activation:
                return new ActivationNode(activation.Activation, Write(activation.Argument));
            case WidenedNode widened:
                return new WidenedNode(widened.Body, Write(widened.Argument));
            default:
                return node;
        }
    }

    /// <summary>Every operand of a node, a conditional's comparison included.</summary>
    internal static IEnumerable<FormulaNode> Children(FormulaNode node)
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
            case ConditionalNode c:
                yield return c.Left;
                yield return c.Right;
                yield return c.WhenTrue;
                yield return c.WhenFalse;
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
}
