using System.Collections.Generic;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using static FusedActivations.Generator.Differentiation.Nodes;

namespace FusedActivations.Generator.Differentiation;

/// <summary>How the gradient reaches one argument of a call: times <see cref="Factor"/>, where <see cref="Branches"/> are taken.</summary>
internal sealed class Partial
{
    public Partial(FormulaNode argument, FormulaNode? factor, params BranchCondition[] branches)
    {
        Argument = argument;
        Factor = factor;
        Branches = branches;
    }

    /// <summary>The argument (a canonical node of the forward formula).</summary>
    public FormulaNode Argument { get; }

    /// <summary>d call / d argument, or null for 1 (the gradient passes unchanged).</summary>
    public FormulaNode? Factor { get; }

    /// <summary>Where the call picks this argument (Min, Max, Clamp); empty when the gradient always flows.</summary>
    public IReadOnlyList<BranchCondition> Branches { get; }
}

/// <summary>
/// The derivative rules of the math functions. Each comment says what PyTorch's autograd does
/// (<c>tools/autograd/derivatives.yaml</c>) and where ours differs. Rules that are 1/q are written as
/// <see cref="Nodes.Reciprocal"/>, which the chain rule turns into one division of the gradient.
/// </summary>
internal static class MathDerivatives
{
    /// <summary>One partial per argument that has a derivative, for a call with canonical arguments; null for a function without a rule.</summary>
    public static Partial[]? Of(MathNode call)
    {
        // The arity was checked when the call was interned.
        EquatableArray<FormulaNode> args = call.Arguments;
        FormulaNode x = args[0];
        switch (call.Function)
        {
            case MathFunction.Abs:
                // sgn(x), 0 at 0 (PyTorch's abs backward: grad * sgn(x)). The 0 (at 0 and for NaN) selects 0 where
                // PyTorch multiplies by it: an infinite gradient gives 0 there, not NaN.
                return new[] { new Partial(x, If(GreaterThan(x, Lit(0)), Lit(1), If(LessThan(x, Lit(0)), Lit(-1), Lit(0)))) };

            case MathFunction.Min:
                // To the argument Min returns, ties (and NaN) to the first: min(a, b) is b only where b < a. PyTorch's
                // minimum splits a tie between both (grad / 2 each) and gives NaN's gradient to both.
                return Picked(args[1], args[0], Comparison.LessThan, args[1], args[0]);

            case MathFunction.Max:
                // To the argument Max returns, ties (and NaN) to the first: max(a, b) is b only where a < b. PyTorch's
                // maximum splits a tie (grad / 2 each) and gives NaN's gradient to both.
                return Picked(args[0], args[1], Comparison.LessThan, args[1], args[0]);

            case MathFunction.Clamp:
            {
                // Math.Clamp(v, lo, hi) is v < lo ? lo : v > hi ? hi : v: the gradient goes to the bound it returns,
                // else to v, so v keeps it on [lo, hi] inclusive, as PyTorch's clamp backward. NaN v (returned as
                // is) keeps it too, where PyTorch gives NaN's gradient to no one.
                FormulaNode lo = args[1];
                FormulaNode hi = args[2];
                var below = new BranchCondition(Comparison.LessThan, x, lo, whenTrue: true);
                var notBelow = new BranchCondition(Comparison.LessThan, x, lo, whenTrue: false);
                var above = new BranchCondition(Comparison.GreaterThan, x, hi, whenTrue: true);
                var notAbove = new BranchCondition(Comparison.GreaterThan, x, hi, whenTrue: false);
                return new[]
                {
                    new Partial(x, null, notBelow, notAbove),
                    new Partial(lo, null, below),
                    new Partial(hi, null, notBelow, above),
                };
            }

            case MathFunction.Exp:
                // e^x: the call itself (PyTorch: grad * result).
                return new[] { new Partial(x, call) };

            case MathFunction.Log:
                // 1/x (PyTorch: grad / x).
                return new[] { new Partial(x, Reciprocal(x)) };

            case MathFunction.Sqrt:
                // 1 / (2 sqrt(x)), the call itself reused (PyTorch: grad / (2 * result)); +infinity at 0.
                return new[] { new Partial(x, Reciprocal(Mul(Lit(2), call))) };

            case MathFunction.FusedMultiplyAdd:
                // d(a b + c) = b da + a db + dc (PyTorch's addcmul: grad * b, grad * a, grad).
                return new[] { new Partial(args[0], args[1]), new Partial(args[1], args[0]), new Partial(args[2], null) };

            case MathFunction.Log1P:
                // 1 / (1 + x) (PyTorch: grad / (x + 1)).
                return new[] { new Partial(x, Reciprocal(Add(Lit(1), x))) };

            case MathFunction.ExpM1:
                // e^x, by Exp. PyTorch uses grad * (result + 1), which loses all precision for x below about -17
                // (float) where expm1(x) + 1 is the rounding error of expm1's -1.
                return new[] { new Partial(x, Exp(x)) };

            case MathFunction.NormalCdf:
                // Phi'(x) = phi(x).
                return new[] { new Partial(x, NormalPdf(x)) };

            case MathFunction.NormalPdf:
                // phi'(x) = -x phi(x), the call itself reused; NaN at ±infinity (infinity * 0). Only second
                // derivatives meet it: formulas cannot call NormalPdf.
                return new[] { new Partial(x, Neg(Mul(x, call))) };

            default:
                return null;
        }
    }

    /// <summary>
    /// The partials of a call that returns <paramref name="ifTrue"/> where <c>left comparison right</c> holds and
    /// <paramref name="ifFalse"/> elsewhere.
    /// </summary>
    private static Partial[] Picked(FormulaNode left, FormulaNode right, Comparison comparison, FormulaNode ifTrue, FormulaNode ifFalse) => new[]
    {
        new Partial(ifTrue, null, new BranchCondition(comparison, left, right, whenTrue: true)),
        new Partial(ifFalse, null, new BranchCondition(comparison, left, right, whenTrue: false)),
    };
}
