using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// Sign analysis: the stable forms exp(-|x|), exp(-beta * |x|), exp(min(x, 0)), and branches guarded by x &gt; 0,
/// are not reported. Every walk here is a loop over an explicit stack (see the class remarks).
/// </summary>
internal sealed partial class StabilityMatcher
{
    [Flags]
    private enum Sign
    {
        Unknown = 0,
        NonNegative = 1,
        NonPositive = 2,
        Zero = NonNegative | NonPositive,
    }

    /// <summary>How a pending step of <see cref="GetSign"/> combines the signs of the operands already computed.</summary>
    private enum Step
    {
        /// <summary>Compute the sign of the operation (pushes one value, possibly after more steps).</summary>
        Evaluate,
        /// <summary>-a.</summary>
        Flip,
        /// <summary>a * b or a / b.</summary>
        Product,
        /// <summary>a + b.</summary>
        Sum,
        /// <summary>a - b.</summary>
        Difference,
        /// <summary>min(a, b).</summary>
        Min,
        /// <summary>max(a, b).</summary>
        Max,
    }

    /// <summary>Whether <paramref name="z"/> is at least 0 where it stands (the mirror of <see cref="IsProvablyNonPositive"/>).</summary>
    internal bool IsProvablyNonNegative(IOperation z, IOperation context)
    {
        Dictionary<ISymbol, Sign>? facts = CollectBranchFacts(context);
        bool assumeSymbolsPositive = ContainsAbs(z);
        return (GetSign(z, facts, assumeSymbolsPositive) & Sign.NonNegative) != 0;
    }

    internal bool IsProvablyNonPositive(IOperation z, IOperation context)
    {
        Dictionary<ISymbol, Sign>? facts = CollectBranchFacts(context);
        // With an |x| in a product, the other factors are the (positive) beta of the stable formula.
        bool assumeSymbolsPositive = ContainsAbs(z);
        return (GetSign(z, facts, assumeSymbolsPositive) & Sign.NonPositive) != 0;
    }

    /// <summary>Whether an |x| is a factor of <paramref name="operation"/> (through negations, products, quotients).</summary>
    private bool ContainsAbs(IOperation operation)
    {
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            IOperation current = Unwrap(pending.Pop());
            if (IsCall(current, MathFunction.Abs, out _))
            {
                return true;
            }

            if (IsNegation(current, out IOperation operand))
            {
                pending.Push(operand);
            }
            else if (IsBinary(current, BinaryOperatorKind.Multiply, MathFunction.Multiply, out IOperation left, out IOperation right)
                || IsBinary(current, BinaryOperatorKind.Divide, MathFunction.Divide, out left, out right))
            {
                pending.Push(right);
                pending.Push(left);
            }
        }

        return false;
    }

    /// <summary>
    /// The sign of <paramref name="root"/>, computed bottom-up: <c>steps</c> holds what is left to do, <c>values</c>
    /// the signs of the operands done so far (a combining step pops its operands' signs and pushes the result).
    /// </summary>
    private Sign GetSign(IOperation root, Dictionary<ISymbol, Sign>? facts, bool assumeSymbolsPositive)
    {
        var steps = new Stack<(Step Step, IOperation? Operation)>();
        var values = new Stack<Sign>();
        steps.Push((Step.Evaluate, root));
        while (steps.Count > 0)
        {
            (Step step, IOperation? operation) = steps.Pop();
            switch (step)
            {
                case Step.Evaluate:
                    if (Evaluate(operation!, facts, assumeSymbolsPositive, steps) is { } sign)
                    {
                        values.Push(sign);
                    }

                    break;
                case Step.Flip:
                    values.Push(Flip(values.Pop()));
                    break;
                default:
                    Sign b = values.Pop();
                    Sign a = values.Pop();
                    values.Push(Combine(step, a, b));
                    break;
            }
        }

        return values.Pop();
    }

    /// <summary>
    /// The sign of <paramref name="operation"/> when it is known without its operands; otherwise null, after pushing
    /// the combining step and then the operands (so that the first operand is evaluated first).
    /// </summary>
    private Sign? Evaluate(IOperation operation, Dictionary<ISymbol, Sign>? facts, bool assumeSymbolsPositive, Stack<(Step, IOperation?)> steps)
    {
        if (TryGetNumber(operation, out double value))
        {
            return value == 0 ? Sign.Zero : value > 0 ? Sign.NonNegative : value < 0 ? Sign.NonPositive : Sign.Unknown;
        }

        operation = Unwrap(operation);
        if (IsCall(operation, MathFunction.Abs, out _))
        {
            return Sign.NonNegative;
        }

        if (IsNegation(operation, out IOperation operand))
        {
            steps.Push((Step.Flip, null));
            steps.Push((Step.Evaluate, operand));
            return null;
        }

        IOperation left, right;
        if (IsBinary(operation, BinaryOperatorKind.Multiply, MathFunction.Multiply, out left, out right)
            || IsBinary(operation, BinaryOperatorKind.Divide, MathFunction.Divide, out left, out right))
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } && Equivalence.AreEquivalent(left, right))
            {
                return Sign.NonNegative; // x * x
            }

            return PushOperands(steps, Step.Product, left, right);
        }

        if (IsBinary(operation, BinaryOperatorKind.Add, MathFunction.Add, out left, out right))
        {
            return PushOperands(steps, Step.Sum, left, right);
        }

        if (IsBinary(operation, BinaryOperatorKind.Subtract, MathFunction.Subtract, out left, out right))
        {
            if (IsCall(right, MathFunction.Abs, out IOperation absArgument) && Equivalence.AreEquivalent(absArgument, left))
            {
                return Sign.NonPositive; // x - |x|
            }

            return PushOperands(steps, Step.Difference, left, right);
        }

        if (operation is IInvocationOperation { Arguments.Length: 2 } call)
        {
            MathFunction function = _symbols.Classify(call.TargetMethod);
            if (function is MathFunction.Min or MathFunction.Max)
            {
                return PushOperands(steps, function == MathFunction.Min ? Step.Min : Step.Max, call.Arguments[0].Value, call.Arguments[1].Value);
            }
        }

        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is not null && facts is not null && facts.TryGetValue(symbol, out Sign fact))
        {
            return fact;
        }

        bool isReference = operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation;
        return assumeSymbolsPositive && isReference ? Sign.NonNegative : Sign.Unknown;
    }

    private static Sign? PushOperands(Stack<(Step, IOperation?)> steps, Step combine, IOperation left, IOperation right)
    {
        steps.Push((combine, null));
        steps.Push((Step.Evaluate, right));
        steps.Push((Step.Evaluate, left));
        return null;
    }

    private static Sign Combine(Step step, Sign a, Sign b)
    {
        switch (step)
        {
            case Step.Product:
                return Product(a, b);
            case Step.Sum:
                return a & b;
            case Step.Difference:
                return a & Flip(b);
            default:
                Sign wanted = step == Step.Min ? Sign.NonPositive : Sign.NonNegative;
                return ((a | b) & wanted) != 0 ? wanted : Sign.Unknown;
        }
    }

    private static Sign Flip(Sign sign) => sign switch
    {
        Sign.NonNegative => Sign.NonPositive,
        Sign.NonPositive => Sign.NonNegative,
        _ => sign,
    };

    private static Sign Product(Sign a, Sign b)
    {
        if (a == Sign.Zero || b == Sign.Zero)
        {
            return Sign.Zero;
        }

        if (a == Sign.Unknown || b == Sign.Unknown)
        {
            return Sign.Unknown;
        }

        return a == b ? Sign.NonNegative : Sign.NonPositive;
    }

    /// <summary>
    /// Signs that enclosing conditions give to locals and parameters: in <c>x &gt; 0 ? A : B</c> (or an if), x is
    /// non-negative in A and non-positive in B. The innermost condition's fact about a symbol wins.
    /// </summary>
    private static Dictionary<ISymbol, Sign>? CollectBranchFacts(IOperation operation)
    {
        Dictionary<ISymbol, Sign>? facts = null;
        IOperation child = operation;
        for (IOperation? parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IMethodBodyBaseOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }

            if (parent is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition))
            {
                AddFacts(conditional.Condition, ReferenceEquals(child, conditional.WhenTrue), ref facts);
            }
        }

        return facts;
    }

    /// <summary>The facts <paramref name="condition"/> gives when it is <paramref name="whenTrue"/>: through !, and &amp;&amp; (when true) or || (when false).</summary>
    private static void AddFacts(IOperation condition, bool whenTrue, ref Dictionary<ISymbol, Sign>? facts)
    {
        var pending = new Stack<(IOperation Condition, bool WhenTrue)>();
        pending.Push((condition, whenTrue));
        while (pending.Count > 0)
        {
            (IOperation current, bool isTrue) = pending.Pop();
            current = Unwrap(current);
            if (current is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                pending.Push((not.Operand, !isTrue));
            }
            else if (current is IBinaryOperation binary
                && ((binary.OperatorKind == BinaryOperatorKind.ConditionalAnd && isTrue) || (binary.OperatorKind == BinaryOperatorKind.ConditionalOr && !isTrue)))
            {
                // Left first, as written: the first fact about a symbol wins.
                pending.Push((binary.RightOperand, isTrue));
                pending.Push((binary.LeftOperand, isTrue));
            }
            else if (current is IBinaryOperation comparison && GetComparisonFact(comparison, isTrue) is { } fact)
            {
                facts ??= new Dictionary<ISymbol, Sign>(SymbolEqualityComparer.Default);
                if (!facts.ContainsKey(fact.Key))
                {
                    facts.Add(fact.Key, fact.Value);
                }
            }
        }
    }

    /// <summary><c>x &gt; 0</c>, <c>x &lt;= 0</c>, <c>0 &lt; x</c>, ... on a local or parameter: its sign where the comparison is <paramref name="whenTrue"/>.</summary>
    private static KeyValuePair<ISymbol, Sign>? GetComparisonFact(IBinaryOperation binary, bool whenTrue)
    {
        bool greater;
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                greater = true;
                break;
            case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                greater = false;
                break;
            default:
                return null;
        }

        IOperation variable;
        if (TryGetNumber(binary.RightOperand, out double right) && right == 0)
        {
            variable = Unwrap(binary.LeftOperand);
        }
        else if (TryGetNumber(binary.LeftOperand, out double left) && left == 0)
        {
            variable = Unwrap(binary.RightOperand);
            greater = !greater; // 0 < x is x > 0
        }
        else
        {
            return null;
        }

        ISymbol? symbol = variable switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        // NaN makes every comparison false; the sign only matters for overflow, which NaN does not have.
        return symbol is null ? null : new KeyValuePair<ISymbol, Sign>(symbol, greater == whenTrue ? Sign.NonNegative : Sign.NonPositive);
    }
}
