using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// A formula as text, one line per local and result (<c>t0 = raw + bias</c>), every compound operand in parentheses:
/// what the tests compare gradients with, and what a failing test shows. A widened body (computed in double, rounded
/// once) reads <c>widened(body)[w := argument]</c>, its own parameter named <c>w</c>.
/// </summary>
internal static class FormulaText
{
    /// <summary>The name a widened body's parameter 0 (its argument) is printed with.</summary>
    private static readonly string[] WidenedParameter = { "w" };

    public static string Of(FormulaSpec formula)
    {
        var text = new StringBuilder();
        for (int i = 0; i < formula.Locals.Count; i++)
        {
            text.Append('t').Append(i).Append(" = ").Append(Node(formula.Locals[i], formula.Parameters)).Append('\n');
        }

        for (int i = 0; i < formula.Results.Count; i++)
        {
            text.Append("result").Append(i).Append(" = ").Append(Node(formula.Results[i], formula.Parameters)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The number of nodes written out: the size of the code the emitter will write.</summary>
    public static int Size(FormulaSpec formula)
    {
        int size = 0;
        foreach (FormulaNode local in formula.Locals)
        {
            size += Size(local);
        }

        foreach (FormulaNode result in formula.Results)
        {
            size += Size(result);
        }

        return size;
    }

    private static int Size(FormulaNode node)
    {
        int size = 1;
        foreach (FormulaNode child in Children(node))
        {
            size += Size(child);
        }

        return size;
    }

    private static IEnumerable<FormulaNode> Children(FormulaNode node) => node switch
    {
        NegateNode n => new[] { n.Operand },
        BinaryNode b => new[] { b.Left, b.Right },
        ConditionalNode c => new[] { c.Left, c.Right, c.WhenTrue, c.WhenFalse },
        MathNode m => m.Arguments,
        ActivationNode a => new[] { a.Argument },
        WidenedNode w => new[] { w.Body, w.Argument },
        _ => System.Array.Empty<FormulaNode>(),
    };

    public static string Node(FormulaNode node, IReadOnlyList<string> parameters) => node switch
    {
        ParameterNode p => parameters[p.Index],
        LocalNode l => "t" + l.Index.ToString(CultureInfo.InvariantCulture),
        LiteralNode l => Number(l.Value),
        NegateNode n => "-" + Operand(n.Operand, parameters),
        BinaryNode b => Operand(b.Left, parameters) + " " + Operator(b.Operator) + " " + Operand(b.Right, parameters),
        ConditionalNode c => Operand(c.Left, parameters) + " " + Comparison(c.Comparison) + " " + Operand(c.Right, parameters)
            + " ? " + Operand(c.WhenTrue, parameters) + " : " + Operand(c.WhenFalse, parameters),
        MathNode m => m.Function + "(" + Join(m.Arguments, parameters) + ")",
        ActivationNode a => Activation(a.Activation) + "(" + Node(a.Argument, parameters) + Arguments(a.Activation) + ")",
        WidenedNode w => "widened(" + Node(w.Body, WidenedParameter) + ")[w := " + Node(w.Argument, parameters) + "]",
        _ => node.ToString(),
    };

    private static string Operand(FormulaNode node, IReadOnlyList<string> parameters) =>
        node is ParameterNode or LocalNode or LiteralNode or MathNode or ActivationNode or WidenedNode
            ? Node(node, parameters)
            : "(" + Node(node, parameters) + ")";

    private static string Join(IEnumerable<FormulaNode> nodes, IReadOnlyList<string> parameters)
    {
        var parts = new List<string>();
        foreach (FormulaNode node in nodes)
        {
            parts.Add(Node(node, parameters));
        }

        return string.Join(", ", parts);
    }

    private static string Activation(ActivationSpec spec) => spec is GeluSpec { TanhApproximation: true } ? "GeluTanh" : spec.Name;

    private static string Arguments(ActivationSpec spec) => spec switch
    {
        SoftplusSpec s => ", " + Number(s.Beta) + ", " + Number(s.Threshold),
        SiluSpec s => ", " + Number(s.Beta),
        EluSpec s => ", " + Number(s.Alpha),
        LeakyReluSpec s => ", " + Number(s.NegativeSlope),
        InverseSoftplusSpec s => ", " + Number(s.Beta),
        _ => "",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        _ => "/",
    };

    private static string Comparison(Comparison comparison) => comparison switch
    {
        Model.Formulas.Comparison.LessThan => "<",
        Model.Formulas.Comparison.LessThanOrEqual => "<=",
        Model.Formulas.Comparison.GreaterThan => ">",
        Model.Formulas.Comparison.GreaterThanOrEqual => ">=",
        Model.Formulas.Comparison.Equal => "==",
        _ => "!=",
    };
}
