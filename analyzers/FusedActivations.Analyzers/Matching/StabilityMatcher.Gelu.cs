using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>The tanh approximation of GELU around a <c>1 + tanh(u)</c> (FA2009's whole-formula form).</summary>
internal sealed partial class StabilityMatcher
{
    /// <summary>sqrt(2 / pi), the GELU approximation's scale of its tanh's argument.</summary>
    private const double GeluScale = 0.79788456080286536;

    /// <summary>0.044715, the GELU approximation's cubic coefficient.</summary>
    private const double GeluCubic = 0.044715;

    /// <summary>Written constants are accepted to this relative difference (0.7978845608, 0.79788456f, 0.0356774).</summary>
    private const double GeluTolerance = 1e-6;

    /// <summary>A product is read to at most this many operations: GELU's have a handful.</summary>
    private const int MaximumProductOperations = 24;

    /// <summary>
    /// <c>0.5 * x * (1 + tanh(u))</c> with <c>u = sqrt(2/pi) * (x + 0.044715 * x^3)</c>, around the
    /// <c>1 + tanh(u)</c> <paramref name="onePlusTanh"/>: the product in any order and grouping (<c>x * (…) / 2</c>,
    /// <c>0.5f * (…) * x</c>), the cube as <c>x * x * x</c> or <c>Pow(x, 3)</c>, u factored or expanded
    /// (<c>c * x + c * 0.044715 * x * x * x</c>), sqrt(2/pi) as a number or <c>Math.Sqrt(2 / Math.PI)</c>.
    /// </summary>
    /// <param name="onePlusTanh">The sum <c>1 + tanh(u)</c>.</param>
    /// <param name="u">The tanh's argument.</param>
    /// <param name="x">GELU's argument (the product's other factor).</param>
    /// <param name="whole">The whole product: what the diagnostic reports and the fix replaces.</param>
    internal bool TryGetGeluTanh(IOperation onePlusTanh, IOperation u, out IOperation x, out IOperation whole)
    {
        x = whole = null!;

        // Up through the products (and divisions by a constant) that hold the sum.
        IOperation top = onePlusTanh;
        for (int level = 0; level < 4 && UpParent(top) is { } parent; level++)
        {
            if (IsBinary(parent, BinaryOperatorKind.Multiply, MathFunction.Multiply, out _, out _)
                || (IsBinary(parent, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation dividend, out IOperation divisor)
                    && IsSame(dividend, top) && TryGetNumber(divisor, out _)))
            {
                top = parent;
            }
            else
            {
                break;
            }
        }

        if (ReferenceEquals(top, onePlusTanh)
            || !TryReadProduct(top, out double half, out List<IOperation> factors)
            || factors.Count != 2
            || !IsClose(half, 0.5))
        {
            return false;
        }

        int sumIndex = IsSame(factors[0], onePlusTanh) ? 0 : IsSame(factors[1], onePlusTanh) ? 1 : -1;
        if (sumIndex < 0)
        {
            return false;
        }

        IOperation argument = Unwrap(factors[1 - sumIndex]);
        if (!IsGeluTanhArgument(u, argument))
        {
            return false;
        }

        x = argument;
        whole = top;
        return true;
    }

    /// <summary><c>c * (x + k * x^3)</c> or <c>c * x + c * k * x^3</c> with c = sqrt(2/pi), k = 0.044715.</summary>
    private bool IsGeluTanhArgument(IOperation u, IOperation x)
    {
        // c * (x + k x^3), or the sum itself (c = 1, the coefficients inside)
        if (!TryReadProduct(u, out double scale, out List<IOperation> factors)
            || factors.Count != 1
            || !IsBinary(factors[0], BinaryOperatorKind.Add, MathFunction.Add, out IOperation first, out IOperation second)
            || !TryReadProduct(first, out double a, out List<IOperation> firstFactors)
            || !TryReadProduct(second, out double b, out List<IOperation> secondFactors))
        {
            return false;
        }

        if (firstFactors.Count == 3)
        {
            (a, b, firstFactors, secondFactors) = (b, a, secondFactors, firstFactors);
        }

        // The linear term's coefficient is c (1 if c is outside), the cubic's c k.
        return firstFactors.Count == 1 && secondFactors.Count == 3
            && IsClose(scale * a, GeluScale) && IsClose(scale * b, GeluScale * GeluCubic)
            && IsSameValue(firstFactors[0], x) && secondFactors.TrueForAll(factor => IsSameValue(factor, x));
    }

    private static bool IsSameValue(IOperation candidate, IOperation x) => Equivalence.AreEquivalent(Unwrap(candidate), x);

    private static bool IsClose(double value, double expected) => Math.Abs(value - expected) <= GeluTolerance * Math.Abs(expected);

    /// <summary>
    /// A product as its constant coefficient and its other factors: through <c>*</c>, <c>/</c> by a constant, unary
    /// minus, <c>Pow(f, 2)</c> and <c>Pow(f, 3)</c> (f repeated) and <c>Sqrt</c> of a constant. An explicit stack, and
    /// at most <see cref="MaximumProductOperations"/> operations.
    /// </summary>
    private bool TryReadProduct(IOperation operation, out double coefficient, out List<IOperation> factors)
    {
        coefficient = 1;
        factors = new List<IOperation>();
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        int operations = 0;
        while (pending.Count > 0)
        {
            if (++operations > MaximumProductOperations)
            {
                return false;
            }

            IOperation current = Unwrap(pending.Pop());
            if (TryGetNumber(current, out double number))
            {
                coefficient *= number;
            }
            else if (IsBinary(current, BinaryOperatorKind.Multiply, MathFunction.Multiply, out IOperation left, out IOperation right))
            {
                pending.Push(right);
                pending.Push(left);
            }
            else if (IsBinary(current, BinaryOperatorKind.Divide, MathFunction.Divide, out left, out right) && TryGetNumber(right, out double divisor) && divisor != 0)
            {
                coefficient /= divisor;
                pending.Push(left);
            }
            else if (IsNegation(current, out IOperation operand))
            {
                coefficient = -coefficient;
                pending.Push(operand);
            }
            else if (current is IInvocationOperation { Arguments.Length: 2 } power && IsSystemMath(power.TargetMethod, "Pow")
                && TryGetNumber(power.Arguments[1].Value, out double exponent) && exponent is 2 or 3)
            {
                for (int i = 0; i < (int)exponent; i++)
                {
                    factors.Add(power.Arguments[0].Value);
                }
            }
            else if (current is IInvocationOperation { Arguments.Length: 1 } root && IsSystemMath(root.TargetMethod, "Sqrt")
                && TryGetNumber(root.Arguments[0].Value, out double radicand) && radicand >= 0)
            {
                coefficient *= Math.Sqrt(radicand);
            }
            else
            {
                factors.Add(current);
            }
        }

        return true;
    }

    private static bool IsSystemMath(IMethodSymbol method, string name) =>
        method.Name == name
        && method.IsStatic
        && method.ContainingType is { Name: "Math" or "MathF", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
