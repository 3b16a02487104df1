using System.Collections.Generic;
using FusedActivations.Generator.Activations;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>
/// Writes a <see cref="FormulaSpec"/> onto a <see cref="FormulaBuilder"/>: the plain arithmetic as C# evaluates it, in
/// the element type (one rounding per operator, no contraction), so a formula without functions matches a scalar loop
/// bit for bit; every activation exactly as its attribute's kernel computes it (widened float activations are widened
/// here too, then rounded and finished by their epilogue), so <c>[Fused]</c> of one activation call is that kernel;
/// math functions from <see cref="FusedMathFunctions"/>. Each local is written once and reused.
/// </summary>
internal sealed class FormulaLowering
{
    private readonly FormulaBuilder _b;
    private readonly IReadOnlyList<FormulaNode> _localNodes;
    private readonly IReadOnlyList<Value> _parameters;
    private readonly Value?[] _locals;

    /// <summary>
    /// Whether this lowers the double body of a <see cref="WidenedNode"/> in a float formula: activations and math
    /// functions then take their widened forms directly (float's accuracy needs, computed in double, no rounding).
    /// </summary>
    private readonly bool _wide;

    /// <summary>
    /// What each operation node was lowered to, by reference: a node the formula uses twice (a derivative rule's
    /// sigmoid, used in two factors) is computed once. Values are locals or pure expressions in straight-line code, so
    /// any later use may read them.
    /// </summary>
    private readonly Dictionary<FormulaNode, Value> _lowered = new(Differentiation.ReferenceComparer.Instance);

    /// <summary>The precision of the formula's activation calls (<see cref="FormulaSpec.Precision"/>).</summary>
    private readonly KernelPrecision _precision;

    private FormulaLowering(FormulaBuilder b, IReadOnlyList<FormulaNode> locals, IReadOnlyList<Value> parameters, bool wide, KernelPrecision precision = KernelPrecision.Accurate)
    {
        _precision = precision;
        _b = b;
        _localNodes = locals;
        _parameters = parameters;
        _locals = new Value?[locals.Count];
        _wide = wide;
    }

    /// <summary>The results of <paramref name="formula"/> for the inputs <paramref name="parameters"/>, each bound to a local.</summary>
    public static IReadOnlyList<Value> Lower(FormulaBuilder b, FormulaSpec formula, IReadOnlyList<Value> parameters)
    {
        var lowering = new FormulaLowering(b, formula.Locals, parameters, wide: false, formula.Precision);
        var results = new List<Value>();
        for (int i = 0; i < formula.Results.Count; i++)
        {
            Value result = lowering.Lower(formula.Results[i]);
            results.Add(result is LocalValue or ConstantValue ? result : b.Let(formula.Results.Count == 1 ? "y" : "y" + i, result));
        }

        return results;
    }

    /// <summary>
    /// The unroll factor a path can afford for <paramref name="formula"/>: the smallest group of its activations, as
    /// their own kernels compute them (widened, or in the element type: Fast, double).
    /// </summary>
    public static int UnrollFor(Isa.IsaDialect isa, FormulaSpec formula, int preferred)
    {
        int unroll = preferred;
        ElementInfo element = ElementInfo.For(formula.Element);
        foreach (FormulaNode node in Nodes(formula))
        {
            if (node is ActivationNode call)
            {
                Activation activation = ActivationRegistry.For(call.Activation);
                bool fast = formula.Precision == KernelPrecision.Fast && activation.HasFast(call.Activation, element);
                int group = !fast && activation.Widens(isa, element) ? activation.WideGroupOn(isa, call.Activation) : activation.GroupOn(isa, call.Activation);
                unroll = System.Math.Min(unroll, group);
            }
        }

        return unroll;
    }

    private Value Lower(FormulaNode node)
    {
        if (node is ParameterNode or LocalNode or LiteralNode)
        {
            return LowerOnce(node);
        }

        if (!_lowered.TryGetValue(node, out Value? value))
        {
            value = LowerOnce(node);
            _lowered.Add(node, value);
        }

        return value;
    }

    private Value LowerOnce(FormulaNode node)
    {
        switch (node)
        {
            case ParameterNode p:
                return _parameters[p.Index];
            case LocalNode l:
                return _locals[l.Index] ??= _b.Let("t" + l.Index, Lower(_localNodes[l.Index]));
            case LiteralNode literal:
                return _b.Lit(literal.Value);
            case NegateNode negate:
                return _b.Neg(Lower(negate.Operand));
            case BinaryNode binary:
                return Binary(binary.Operator, Lower(binary.Left), Lower(binary.Right));
            case ConditionalNode conditional:
                Value mask = Compare(conditional.Comparison, Lower(conditional.Left), Lower(conditional.Right));
                return _b.Select(mask, Lower(conditional.WhenTrue), Lower(conditional.WhenFalse));
            case MathNode math:
                var arguments = new Value[math.Arguments.Count];
                for (int i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = Lower(math.Arguments[i]);
                }

                if (!_wide)
                {
                    return FusedMathFunctions.Call(_b, math.Function, arguments);
                }

                // Inside a widened body: double arithmetic to float's needs, so an FMA need not be exact on the path without one.
                return math.Function switch
                {
                    MathFunction.FusedMultiplyAdd => _b.Fma(arguments[0], arguments[1], arguments[2]),
                    MathFunction.Exp or MathFunction.ExpM1 or MathFunction.Log or MathFunction.Log1P or MathFunction.NormalCdf or MathFunction.NormalPdf =>
                        _b.Let(math.Function.ToString().ToLowerInvariant(), FusedMathFunctions.Wide(_b, math.Function, arguments[0] as LocalValue ?? _b.Let("fx", arguments[0]))),
                    _ => FusedMathFunctions.Call(_b, math.Function, arguments),
                };
            case ActivationNode call:
                return _wide ? WideActivation(call.Activation, Lower(call.Argument)) : Activation(call.Activation, Lower(call.Argument));
            case WidenedNode widened:
                return Widen(widened);
            default:
                throw new System.InvalidOperationException("Unknown formula node " + node.GetType().Name + ".");
        }
    }

    private Value Binary(BinaryOperator op, Value left, Value right) => op switch
    {
        BinaryOperator.Add => _b.Add(left, right),
        BinaryOperator.Subtract => _b.Sub(left, right),
        BinaryOperator.Multiply => _b.Mul(left, right),
        _ => _b.Div(left, right),
    };

    private Value Compare(Comparison comparison, Value left, Value right) => comparison switch
    {
        Comparison.LessThan => _b.LessThan(left, right),
        Comparison.LessThanOrEqual => _b.LessThanOrEqual(left, right),
        Comparison.GreaterThan => _b.GreaterThan(left, right),
        Comparison.GreaterThanOrEqual => _b.GreaterThanOrEqual(left, right),
        Comparison.Equal => _b.Equal(left, right),
        _ => _b.NotEqual(left, right),
    };

    /// <summary>
    /// The activation of <paramref name="x"/> as its kernel computes it: its folded constants declared under names of
    /// their own (a second call with other arguments gets <c>Beta2</c>, ...), widened where its kernel widens.
    /// </summary>
    private Value Activation(ActivationSpec spec, Value x)
    {
        Activation activation = ActivationRegistry.For(spec);
        ElementInfo element = _b.Element;
        var aliases = new Dictionary<string, string>(System.StringComparer.Ordinal);
        bool fast = _precision == KernelPrecision.Fast && activation.HasFast(spec, element);
        foreach (KernelConstant constant in activation.FoldedFor(spec, element, _precision))
        {
            string name = FreeName(constant);
            aliases[constant.Name] = name;
            _b.Constants.Add(new KernelConstant(name, constant.Value, constant.Doc, constant.Type));
        }

        x = x as LocalValue ?? _b.Let("a", x, $"the argument of {activation.Name}");
        _b.Comment($"{activation.Name}({activation.DescribeArguments(spec)}).");
        using (_b.Constants.Alias(aliases))
        using (_b.Scope(activation.Name.ToLowerInvariant()))
        {
            if (fast)
            {
                return _b.Let(activation.Name.ToLowerInvariant(), activation.ForwardFast(_b, x, spec));
            }

            if (!activation.Widens(_b.Isa, element))
            {
                return _b.Let(activation.Name.ToLowerInvariant(), activation.Forward(_b, x, spec));
            }

            Value y = Widened.Compute(_b, x, (wide, w) => activation.ForwardWide(wide, w, spec));
            return _b.Let(activation.Name.ToLowerInvariant(), activation.Epilogue(_b, x, y, spec));
        }
    }

    /// <summary>
    /// A widened body: in a float formula, computed in double from the widened argument and rounded once (NaN
    /// arguments give NaN); in a double formula or inside another widened body, computed as written.
    /// </summary>
    private Value Widen(WidenedNode widened)
    {
        Value argument = Lower(widened.Argument);
        var none = System.Array.Empty<FormulaNode>();
        if (_wide || _b.Element.Type == ElementType.Double)
        {
            return new FormulaLowering(_b, none, new[] { argument }, _wide).Lower(widened.Body);
        }

        Value x = argument as LocalValue ?? _b.Let("da", argument, "the argument of a derivative");
        Value y = Widened.Compute(_b, x, (w, v) => new FormulaLowering(w, none, new[] { v }, wide: true).Lower(widened.Body));
        return _b.Let("derivative", _b.KeepNaN(x, y));
    }

    /// <summary>
    /// An activation inside a widened body (double values, float's accuracy): its widened formula where its float kernel
    /// widens on this path, else its double formula; no epilogue (derivative rules spell out thresholds themselves).
    /// </summary>
    private Value WideActivation(ActivationSpec spec, Value x)
    {
        Activation activation = ActivationRegistry.For(spec);
        bool widened = activation.Widens(_b.Isa, ElementInfo.Single);
        ElementInfo folding = widened ? ElementInfo.Single : ElementInfo.Double;
        var aliases = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (KernelConstant constant in activation.Folded(spec, folding))
        {
            var typed = new KernelConstant(constant.Name, constant.Value, constant.Doc, constant.Type ?? folding);
            string name = FreeName(typed);
            aliases[constant.Name] = name;
            _b.Constants.Add(new KernelConstant(name, typed.Value, typed.Doc, typed.Type == _b.Constants.KernelElement ? null : typed.Type));
        }

        x = x as LocalValue ?? _b.Let("a", x, $"the argument of {activation.Name}");
        using (_b.Constants.Alias(aliases))
        using (_b.Scope(activation.Name.ToLowerInvariant()))
        {
            return _b.Let(activation.Name.ToLowerInvariant(), widened ? activation.ForwardWide(_b, x, spec) : activation.Forward(_b, x, spec));
        }
    }

    /// <summary>The constant's own name, or the first numbered one that is free or already holds the same value.</summary>
    private string FreeName(KernelConstant constant)
    {
        for (int i = 1; ; i++)
        {
            string name = i == 1 ? constant.Name : constant.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_b.Constants.TryGet(name, out KernelConstant existing)
                || (existing.Value.Equals(constant.Value) && (existing.Type ?? _b.Constants.KernelElement) == (constant.Type ?? _b.Constants.KernelElement) && !existing.IsFolded))
            {
                return name;
            }
        }
    }

    /// <summary>Every node of the formula (locals and results), each reachable one at least once.</summary>
    private static IEnumerable<FormulaNode> Nodes(FormulaSpec formula)
    {
        var stack = new Stack<FormulaNode>();
        foreach (FormulaNode local in formula.Locals)
        {
            stack.Push(local);
        }

        foreach (FormulaNode result in formula.Results)
        {
            stack.Push(result);
        }

        while (stack.Count > 0)
        {
            FormulaNode node = stack.Pop();
            yield return node;
            switch (node)
            {
                case NegateNode n:
                    stack.Push(n.Operand);
                    break;
                case BinaryNode n:
                    stack.Push(n.Left);
                    stack.Push(n.Right);
                    break;
                case ConditionalNode n:
                    stack.Push(n.Left);
                    stack.Push(n.Right);
                    stack.Push(n.WhenTrue);
                    stack.Push(n.WhenFalse);
                    break;
                case MathNode n:
                    foreach (FormulaNode argument in n.Arguments)
                    {
                        stack.Push(argument);
                    }

                    break;
                case ActivationNode n:
                    stack.Push(n.Argument);
                    break;
                case WidenedNode n:
                    stack.Push(n.Body);
                    stack.Push(n.Argument);
                    break;
            }
        }
    }
}
