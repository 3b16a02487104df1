using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// One instance per distinct formula (hash-consing): after <see cref="Intern"/>, two nodes are equal formulas exactly
/// when they are the same object. The gradient shares subformulas by reference (an adjoint used by every term below
/// it), so its nodes form a DAG whose unfolded tree can be exponentially larger: the records' own Equals and
/// GetHashCode recurse through that tree, while a key made of the children's identities costs one step per node.
/// </summary>
internal sealed class CanonicalNodes
{
    private readonly Dictionary<FormulaNode, FormulaNode> _canonical = new(ReferenceComparer.Instance);
    private readonly Dictionary<NodeKey, FormulaNode> _byKey = new();
    private readonly List<FormulaNode> _locals = new();

    /// <summary>
    /// Makes <c>LocalNode(index)</c> stand for <paramref name="definition"/> (canonical, added in index order): a
    /// local is a name for a shared subformula, and interning puts its definition in its place, so the derivation
    /// sees one DAG in which every sharing, named or not, is the same object.
    /// </summary>
    public void DefineLocal(FormulaNode definition) => _locals.Add(definition);

    /// <summary>
    /// The canonical instance of <paramref name="node"/>'s formula, its locals replaced by their definitions. Null
    /// when the formula holds a node this pass does not know (a node type added to the IR later), a math call with the
    /// wrong number of arguments or a local not defined yet.
    /// </summary>
    public FormulaNode? Intern(FormulaNode? node)
    {
        // A null where a node belongs (the records do not prevent it) is a formula the parser does not make.
        if (node is null)
        {
            return null;
        }

        if (_canonical.TryGetValue(node, out FormulaNode? known))
        {
            return known;
        }

        // Formulas nest as deeply as the user wrote them: a stack that runs low ends the derivation (the caller
        // returns no gradient) instead of the compiler's process.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        FormulaNode? rebuilt = WithCanonicalChildren(node);
        if (rebuilt is null)
        {
            return null;
        }

        NodeKey key = NodeKey.Of(rebuilt);
        if (!_byKey.TryGetValue(key, out FormulaNode? canonical))
        {
            canonical = rebuilt;
            _byKey.Add(key, canonical);
            _canonical[canonical] = canonical;
        }

        _canonical[node] = canonical;
        return canonical;
    }

    /// <summary>The node with its children replaced by their canonical instances (itself when they already are).</summary>
    private FormulaNode? WithCanonicalChildren(FormulaNode node)
    {
        switch (node)
        {
            case LocalNode local:
                return local.Index >= 0 && local.Index < _locals.Count ? _locals[local.Index] : null;
            case ParameterNode or LiteralNode:
                return node;
            case NegateNode negate:
                return Intern(negate.Operand) is { } operand ? Same(operand, negate.Operand) ? node : new NegateNode(operand) : null;
            case BinaryNode binary:
            {
                FormulaNode? left = Intern(binary.Left);
                FormulaNode? right = Intern(binary.Right);
                if (left is null || right is null)
                {
                    return null;
                }

                return Same(left, binary.Left) && Same(right, binary.Right) ? node : new BinaryNode(binary.Operator, left, right);
            }

            case ConditionalNode conditional:
            {
                FormulaNode? left = Intern(conditional.Left);
                FormulaNode? right = Intern(conditional.Right);
                FormulaNode? whenTrue = Intern(conditional.WhenTrue);
                FormulaNode? whenFalse = Intern(conditional.WhenFalse);
                if (left is null || right is null || whenTrue is null || whenFalse is null)
                {
                    return null;
                }

                return Same(left, conditional.Left) && Same(right, conditional.Right) && Same(whenTrue, conditional.WhenTrue) && Same(whenFalse, conditional.WhenFalse)
                    ? node
                    : new ConditionalNode(conditional.Comparison, left, right, whenTrue, whenFalse);
            }

            case MathNode math:
            {
                if (math.Arguments.Count != MathArity.Of(math.Function))
                {
                    return null;
                }

                var arguments = ImmutableArray.CreateBuilder<FormulaNode>(math.Arguments.Count);
                bool same = true;
                foreach (FormulaNode item in math.Arguments)
                {
                    FormulaNode? canonical = Intern(item);
                    if (canonical is null)
                    {
                        return null;
                    }

                    same &= Same(canonical, item);
                    arguments.Add(canonical);
                }

                return same ? node : new MathNode(math.Function, new EquatableArray<FormulaNode>(arguments.MoveToImmutable()));
            }

            case WidenedNode { Body: null }:
                return null;
            case WidenedNode widened:
                // The body is its own scope (its parameter 0 is the argument): only the argument is shared.
                return Intern(widened.Argument) is { } widenedArgument
                    ? Same(widenedArgument, widened.Argument) ? node : new WidenedNode(widened.Body, widenedArgument)
                    : null;
            case ActivationNode { Activation: null }:
                return null;
            case ActivationNode activation:
                return Intern(activation.Argument) is { } argument
                    ? Same(argument, activation.Argument) ? node : new ActivationNode(activation.Activation, argument)
                    : null;
            default:
                return null;
        }
    }

    private static bool Same(FormulaNode a, FormulaNode b) => ReferenceEquals(a, b);

    /// <summary>A node's identity from its own fields and its (canonical) children's identities.</summary>
    private sealed class NodeKey : IEquatable<NodeKey>
    {
        private readonly Type _type;
        private readonly int _code;
        private readonly long _bits;
        private readonly ActivationSpec? _spec;
        private readonly FormulaNode? _body;
        private readonly FormulaNode[] _children;

        private NodeKey(Type type, int code, long bits, ActivationSpec? spec, params FormulaNode[] children)
            : this(type, code, bits, spec, null, children)
        {
        }

        private NodeKey(Type type, int code, long bits, ActivationSpec? spec, FormulaNode? body, FormulaNode[] children)
        {
            _type = type;
            _code = code;
            _bits = bits;
            _spec = spec;
            _body = body;
            _children = children;
        }

        public static NodeKey Of(FormulaNode node) => node switch
        {
            ParameterNode parameter => new(typeof(ParameterNode), parameter.Index, 0, null),

            // The bits, so that -0 and +0 stay apart (the record's equality would merge them).
            LiteralNode literal => new(typeof(LiteralNode), 0, BitConverter.DoubleToInt64Bits(literal.Value), null),
            NegateNode negate => new(typeof(NegateNode), 0, 0, null, negate.Operand),
            BinaryNode binary => new(typeof(BinaryNode), (int)binary.Operator, 0, null, binary.Left, binary.Right),
            ConditionalNode c => new(typeof(ConditionalNode), (int)c.Comparison, 0, null, c.Left, c.Right, c.WhenTrue, c.WhenFalse),
            MathNode math => new(typeof(MathNode), (int)math.Function, 0, null, ToArray(math.Arguments)),
            ActivationNode activation => new(typeof(ActivationNode), 0, 0, activation.Activation, activation.Argument),
            WidenedNode widened => new(typeof(WidenedNode), 0, 0, null, widened.Body, new[] { widened.Argument }),
            _ => throw new ArgumentException("Unknown node type " + node.GetType().Name, nameof(node)),
        };

        public bool Equals(NodeKey? other)
        {
            if (other is null || _type != other._type || _code != other._code || _bits != other._bits || !Equals(_spec, other._spec) || !Equals(_body, other._body)
                || _children.Length != other._children.Length)
            {
                return false;
            }

            for (int i = 0; i < _children.Length; i++)
            {
                if (!ReferenceEquals(_children[i], other._children[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as NodeKey);

        public override int GetHashCode()
        {
            int hash = (_type.GetHashCode() * 31) + _code;
            hash = (hash * 31) + _bits.GetHashCode();
            hash = (hash * 31) + (_spec?.GetHashCode() ?? 0);
            foreach (FormulaNode child in _children)
            {
                hash = (hash * 31) + RuntimeHelpers.GetHashCode(child);
            }

            return hash;
        }

        private static FormulaNode[] ToArray(EquatableArray<FormulaNode> items)
        {
            var array = new FormulaNode[items.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = items[i];
            }

            return array;
        }
    }
}

/// <summary>Compares nodes by identity (netstandard2.0 has no <c>ReferenceEqualityComparer</c>).</summary>
internal sealed class ReferenceComparer : IEqualityComparer<FormulaNode>
{
    public static readonly ReferenceComparer Instance = new();

    public bool Equals(FormulaNode? x, FormulaNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(FormulaNode obj) => RuntimeHelpers.GetHashCode(obj);
}

/// <summary>How many arguments each math function takes.</summary>
internal static class MathArity
{
    /// <summary>The argument count of <paramref name="function"/>, or -1 for a value this version does not know.</summary>
    public static int Of(MathFunction function) => function switch
    {
        MathFunction.Min or MathFunction.Max => 2,
        MathFunction.Clamp or MathFunction.FusedMultiplyAdd => 3,
        MathFunction.Abs or MathFunction.Exp or MathFunction.Log or MathFunction.Sqrt or MathFunction.Log1P
            or MathFunction.ExpM1 or MathFunction.NormalCdf or MathFunction.NormalPdf => 1,
        _ => -1,
    };
}
