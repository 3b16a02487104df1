using System;
using System.Collections.Generic;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// Evaluates a <see cref="FormulaSpec"/> per element as the fused kernel is meant to: every operator rounded once in
/// the formula's element type (float arithmetic emulated by rounding each double result to float, which for +, -, *,
/// / and sqrt of floats is the correctly rounded float result), every math function and activation as its exact value
/// rounded to the element type (from the high-precision references of <c>FusedActivations.TestSupport</c>, not from
/// the library under test). So a rule's error measured here is the error of its formula, with ideal functions.
/// </summary>
internal static class FormulaInterpreter
{
    /// <summary>The results of <paramref name="formula"/> for one element's <paramref name="arguments"/> (values of the element type).</summary>
    public static double[] Evaluate(FormulaSpec formula, params double[] arguments) =>
        Evaluate(formula, arguments, roundToSingle: formula.Element == ElementType.Single);

    private static double[] Evaluate(FormulaSpec formula, double[] arguments, bool roundToSingle)
    {
        var mode = new Mode(roundToSingle, formula.Element == ElementType.Single);
        var locals = new double[formula.Locals.Count];
        for (int i = 0; i < locals.Length; i++)
        {
            locals[i] = Eval(formula.Locals[i], arguments, locals, mode);
        }

        var results = new double[formula.Results.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Eval(formula.Results[i], arguments, locals, mode);
        }

        return results;
    }

    /// <summary>How to evaluate: rounding every step to float or to double, and the activations' constants of which type.</summary>
    private readonly record struct Mode(bool RoundToSingle, bool SingleConstants)
    {
        public double Round(double value) => RoundToSingle ? (float)value : value;
    }

    private static double Eval(FormulaNode node, double[] arguments, double[] locals, Mode mode)
    {
        switch (node)
        {
            case ParameterNode parameter:
                return arguments[parameter.Index];
            case LocalNode local:
                return locals[local.Index];
            case LiteralNode literal:
                Assert.Equal(literal.Value, mode.SingleConstants ? (float)literal.Value : literal.Value);
                return literal.Value;
            case NegateNode negate:
                return -Eval(negate.Operand, arguments, locals, mode);
            case BinaryNode binary:
            {
                double a = Eval(binary.Left, arguments, locals, mode);
                double b = Eval(binary.Right, arguments, locals, mode);
                return mode.Round(binary.Operator switch
                {
                    BinaryOperator.Add => a + b,
                    BinaryOperator.Subtract => a - b,
                    BinaryOperator.Multiply => a * b,
                    _ => a / b,
                });
            }

            case ConditionalNode conditional:
            {
                double left = Eval(conditional.Left, arguments, locals, mode);
                double right = Eval(conditional.Right, arguments, locals, mode);
                bool holds = conditional.Comparison switch
                {
                    Comparison.LessThan => left < right,
                    Comparison.LessThanOrEqual => left <= right,
                    Comparison.GreaterThan => left > right,
                    Comparison.GreaterThanOrEqual => left >= right,
                    Comparison.Equal => left == right,
                    _ => left != right,
                };

                // Both branches are computed, as the kernel's blend computes them.
                double whenTrue = Eval(conditional.WhenTrue, arguments, locals, mode);
                double whenFalse = Eval(conditional.WhenFalse, arguments, locals, mode);
                return holds ? whenTrue : whenFalse;
            }

            case MathNode math:
            {
                var args = new double[math.Arguments.Count];
                for (int i = 0; i < args.Length; i++)
                {
                    args[i] = Eval(math.Arguments[i], arguments, locals, mode);
                }

                return mode.Round(ExactFunctions.Math(math.Function, args, mode.RoundToSingle));
            }

            case ActivationNode activation:
                return mode.Round(ExactFunctions.Activation(activation.Activation, Eval(activation.Argument, arguments, locals, mode), mode.SingleConstants));
            case WidenedNode widened:
            {
                // The body in double (its parameter 0 the argument), rounded once to the element type, as the kernel does.
                double argument = Eval(widened.Argument, arguments, locals, mode);
                return mode.Round(Eval(widened.Body, new[] { argument }, Array.Empty<double>(), mode with { RoundToSingle = false }));
            }

            default:
                throw new ArgumentException("Unknown node " + node);
        }
    }
}

/// <summary>The exact values (to double precision or better) of the IR's functions, from the test references.</summary>
internal static class ExactFunctions
{
    private static readonly DoubleDouble s_inverseSqrt2 = DoubleDouble.One / DoubleDoubleMath.Sqrt(2.0);
    private static readonly DoubleDouble s_inverseSqrt2Pi = DoubleDouble.One / DoubleDoubleMath.Sqrt(DoubleDoubleMath.Pi * 2.0);

    /// <summary>A math function's value, rounded to double (exact where the function is, e.g. Min, Fma in float).</summary>
    public static double Math(MathFunction function, IReadOnlyList<double> x, bool single) => function switch
    {
        MathFunction.Abs => System.Math.Abs(x[0]),
        MathFunction.Min => System.Math.Min(x[0], x[1]),
        MathFunction.Max => System.Math.Max(x[0], x[1]),
        MathFunction.Clamp => x[0] < x[1] ? x[1] : x[0] > x[2] ? x[2] : x[0],
        MathFunction.Exp => DoubleDoubleMath.Exp(x[0]).Hi,
        MathFunction.Log => Log(x[0]),
        MathFunction.Sqrt => System.Math.Sqrt(x[0]),
        MathFunction.FusedMultiplyAdd => single
            ? MathF.FusedMultiplyAdd((float)x[0], (float)x[1], (float)x[2])
            : System.Math.FusedMultiplyAdd(x[0], x[1], x[2]),
        MathFunction.Log1P => x[0] == 0 ? x[0] : Reference.Log1P(x[0]).Hi,
        MathFunction.ExpM1 => x[0] == 0 ? x[0] : Reference.ExpM1(x[0]).Hi,
        MathFunction.NormalCdf => NormalCdf(x[0]).Hi,
        MathFunction.NormalPdf => NormalPdf(x[0]).Hi,
        _ => throw new ArgumentException("Unknown function " + function),
    };

    /// <summary>log x, with log's special values.</summary>
    public static double Log(double x) => x == 0 ? double.NegativeInfinity : double.IsPositiveInfinity(x) ? x : DoubleDoubleMath.Log(x).Hi;

    /// <summary>Phi(x) = erfc(-x / sqrt 2) / 2.</summary>
    public static DoubleDouble NormalCdf(DoubleDouble x) => x.IsNaN ? x : DoubleDoubleMath.Erfc(-(s_inverseSqrt2 * x)) * 0.5;

    /// <summary>phi(x) = e^(-x^2/2) / sqrt(2 pi).</summary>
    public static DoubleDouble NormalPdf(DoubleDouble x) =>
        x.IsNaN ? x : !x.IsFinite ? 0.0 : DoubleDoubleMath.Exp(-(x * x) * 0.5) * s_inverseSqrt2Pi;

    /// <summary>
    /// An activation's exact value at <paramref name="x"/>, with its arguments rounded to the element type as the
    /// kernels round them (the float overloads of the references take float constants).
    /// </summary>
    public static double Activation(ActivationSpec spec, double x, bool single)
    {
        if (single)
        {
            float f = (float)x;
            return spec switch
            {
                SoftplusSpec s => Reference.Softplus(f, (float)s.Beta, (float)s.Threshold),
                SiluSpec s => Reference.Silu(f, (float)s.Beta),
                EluSpec s => Reference.Elu(f, (float)s.Alpha),
                LeakyReluSpec s => Reference.LeakyRelu(f, (float)s.NegativeSlope),
                InverseSoftplusSpec s => Reference.InverseSoftplus(f, (float)s.Beta),
                GeluSpec { TanhApproximation: true } => Reference.GeluTanh(f),
                GeluSpec => Reference.Gelu(f),
                _ => Parameterless(spec.Name, x, single),
            };
        }

        return spec switch
        {
            SoftplusSpec s => Reference.Softplus(x, s.Beta, s.Threshold).Hi,
            SiluSpec s => Reference.Silu(x, s.Beta).Hi,
            EluSpec s => Reference.Elu(x, s.Alpha).Hi,
            LeakyReluSpec s => Reference.LeakyRelu(x, s.NegativeSlope).Hi,
            InverseSoftplusSpec s => Reference.InverseSoftplus(x, s.Beta).Hi,
            GeluSpec { TanhApproximation: true } => Reference.GeluTanh(x).Hi,
            GeluSpec => Reference.Gelu(x).Hi,
            _ => Parameterless(spec.Name, x, single),
        };
    }

    private static double Parameterless(string name, double x, bool single) => name switch
    {
        "Sigmoid" => Reference.Sigmoid(x).Hi,
        "Tanh" => Reference.Tanh(x).Hi,
        "Mish" => Reference.Mish(x).Hi,
        "LogSigmoid" => Reference.LogSigmoid(x).Hi,
        "Relu" => Reference.Relu(x),
        "HardSwish" => Reference.HardSwish(x).Hi,
        "Selu" => single ? Reference.Selu((float)x) : Reference.Selu(x).Hi,
        _ => throw new ArgumentException("Unknown activation " + name),
    };
}
