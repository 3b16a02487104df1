using System.Collections.Immutable;
using FusedActivations.Generator.Activations.Gelu;
using FusedActivations.Generator.Activations.Sigmoid;
using FusedActivations.Generator.Activations.Tanh;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>A comparison of two formulas, the condition of <see cref="Nodes.If"/>.</summary>
internal readonly struct Condition
{
    public Condition(Comparison comparison, FormulaNode left, FormulaNode right)
    {
        Comparison = comparison;
        Left = left;
        Right = right;
    }

    public Comparison Comparison { get; }

    public FormulaNode Left { get; }

    public FormulaNode Right { get; }
}

/// <summary>
/// Short constructors of <see cref="FormulaNode"/>s, so that a derivative rule reads like its formula, e.g.
/// <c>If(LessOrEqual(x, Lit(0)), Lit(0), Lit(1))</c>. They build plain nodes and simplify nothing: the gradient
/// (<see cref="FormulaGradient"/>) shares equal subformulas and applies its exact simplifications itself.
/// </summary>
internal static class Nodes
{
    public static LiteralNode Lit(double value) => new(value);

    public static FormulaNode Neg(FormulaNode operand) => new NegateNode(operand);

    public static FormulaNode Add(FormulaNode left, FormulaNode right) => new BinaryNode(BinaryOperator.Add, left, right);

    public static FormulaNode Sub(FormulaNode left, FormulaNode right) => new BinaryNode(BinaryOperator.Subtract, left, right);

    public static FormulaNode Mul(FormulaNode left, FormulaNode right) => new BinaryNode(BinaryOperator.Multiply, left, right);

    public static FormulaNode Div(FormulaNode left, FormulaNode right) => new BinaryNode(BinaryOperator.Divide, left, right);

    /// <summary>
    /// <c>1 / q</c>. As a factor of the chain rule it becomes <c>gradient / q</c> (one rounding instead of two), so
    /// rules write derivatives of the form 1/q with it (and <c>Div(Lit(-1), q)</c> for -1/q).
    /// </summary>
    public static FormulaNode Reciprocal(FormulaNode q) => Div(Lit(1), q);

    public static Condition LessThan(FormulaNode left, FormulaNode right) => new(Comparison.LessThan, left, right);

    public static Condition LessOrEqual(FormulaNode left, FormulaNode right) => new(Comparison.LessThanOrEqual, left, right);

    public static Condition GreaterThan(FormulaNode left, FormulaNode right) => new(Comparison.GreaterThan, left, right);

    /// <summary><c>condition ? whenTrue : whenFalse</c>, with C#'s NaN semantics (a comparison with NaN is false).</summary>
    public static FormulaNode If(Condition condition, FormulaNode whenTrue, FormulaNode whenFalse) =>
        new ConditionalNode(condition.Comparison, condition.Left, condition.Right, whenTrue, whenFalse);

    public static FormulaNode Call(MathFunction function, params FormulaNode[] arguments) =>
        new MathNode(function, new EquatableArray<FormulaNode>(ImmutableArray.Create(arguments)));

    public static FormulaNode Abs(FormulaNode x) => Call(MathFunction.Abs, x);

    public static FormulaNode Min(FormulaNode a, FormulaNode b) => Call(MathFunction.Min, a, b);

    /// <summary><c>x &lt; min ? min : x &gt; max ? max : x</c>: NaN stays NaN.</summary>
    public static FormulaNode Clamp(FormulaNode x, FormulaNode min, FormulaNode max) => Call(MathFunction.Clamp, x, min, max);

    public static FormulaNode Exp(FormulaNode x) => Call(MathFunction.Exp, x);

    public static FormulaNode ExpM1(FormulaNode x) => Call(MathFunction.ExpM1, x);

    /// <summary><c>a * b + c</c>, rounded once.</summary>
    public static FormulaNode Fma(FormulaNode a, FormulaNode b, FormulaNode c) => Call(MathFunction.FusedMultiplyAdd, a, b, c);

    public static FormulaNode NormalCdf(FormulaNode x) => Call(MathFunction.NormalCdf, x);

    public static FormulaNode NormalPdf(FormulaNode x) => Call(MathFunction.NormalPdf, x);

    /// <summary>An activation node: the activation's own kernel formula, within its documented bound.</summary>
    public static FormulaNode Activation(ActivationSpec spec, FormulaNode x) => new ActivationNode(spec, x);

    public static FormulaNode SigmoidOf(FormulaNode x) => Activation(new ParameterlessSpec(SigmoidActivation.Instance.Name), x);

    public static FormulaNode TanhOf(FormulaNode x) => Activation(new ParameterlessSpec(TanhActivation.Instance.Name), x);

    /// <summary>Softplus with beta 1 and no threshold: log(1 + e^x) everywhere.</summary>
    public static FormulaNode SoftplusOf(FormulaNode x) => Activation(new SoftplusSpec(1, double.PositiveInfinity), x);

    public static FormulaNode SiluOf(double beta, FormulaNode x) => Activation(new SiluSpec(beta), x);

    public static FormulaNode GeluTanhOf(FormulaNode x) => Activation(new GeluSpec(TanhApproximation: true), x);

    /// <summary>Whether <paramref name="node"/> is the literal 0 (either sign).</summary>
    public static bool IsZero(FormulaNode node) => node is LiteralNode { Value: 0 };

    /// <summary>Whether <paramref name="node"/> is the literal <paramref name="value"/>.</summary>
    public static bool IsLiteral(FormulaNode node, double value) => node is LiteralNode literal && literal.Value == value;
}
