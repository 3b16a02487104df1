using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>Building blocks: what an operation is (a call of a math function, a binary operator, 1, a constant).</summary>
internal sealed partial class StabilityMatcher
{
    internal static bool TryGetSingleArgument(IInvocationOperation invocation, out IOperation argument)
    {
        if (invocation.Arguments.Length == 1 && invocation.Arguments[0].Value is { } value)
        {
            argument = value;
            return true;
        }

        argument = null!;
        return false;
    }

    /// <summary>Strips implicit conversions (an int 1 in a double sum, a float in a double call).</summary>
    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The parent, skipping implicit conversions and the argument wrapper of a call.</summary>
    internal static IOperation? UpParent(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    internal static bool IsSame(IOperation candidate, IOperation operation) =>
        ReferenceEquals(Unwrap(candidate), operation) || Unwrap(candidate).Syntax == operation.Syntax;

    internal bool IsInsideLog(IOperation operation) =>
        UpParent(operation) is IInvocationOperation parentCall && _symbols.Classify(parentCall.TargetMethod) == MathFunction.Log;

    internal bool IsCall(IOperation operation, MathFunction function, out IOperation argument)
    {
        if (Unwrap(operation) is IInvocationOperation invocation
            && _symbols.Classify(invocation.TargetMethod) == function
            && TryGetSingleArgument(invocation, out argument))
        {
            return true;
        }

        argument = null!;
        return false;
    }

    /// <summary><c>l op r</c> as an operator (built-in or user-defined, e.g. Vector128's) or as <c>VectorN.Op(l, r)</c>.</summary>
    internal bool IsBinary(IOperation operation, BinaryOperatorKind kind, MathFunction vectorFunction, out IOperation left, out IOperation right)
    {
        operation = Unwrap(operation);
        if (operation is IBinaryOperation binary && binary.OperatorKind == kind)
        {
            left = binary.LeftOperand;
            right = binary.RightOperand;
            return true;
        }

        if (operation is IInvocationOperation invocation
            && invocation.Arguments.Length == 2
            && _symbols.Classify(invocation.TargetMethod) == vectorFunction)
        {
            left = invocation.Arguments[0].Value;
            right = invocation.Arguments[1].Value;
            return true;
        }

        left = right = null!;
        return false;
    }

    internal bool IsNegation(IOperation operation, out IOperation operand)
    {
        operation = Unwrap(operation);
        if (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary)
        {
            operand = unary.Operand;
            return true;
        }

        return IsCall(operation, MathFunction.Negate, out operand);
    }

    /// <summary>1 in any spelling: 1, 1.0, 1f, 1d, T.One, Vector128&lt;T&gt;.One, Vector128.Create(1f), T.CreateChecked(1).</summary>
    internal bool IsOne(IOperation operation)
    {
        // A loop, not recursion: Create(CreateChecked(Create(...))) nests as deep as it is written.
        while (true)
        {
            if (TryGetNumber(operation, out double value))
            {
                return value == 1;
            }

            operation = Unwrap(operation);
            if (operation is IPropertyReferenceOperation property)
            {
                return _symbols.IsOneProperty(property.Property);
            }

            if (!IsCall(operation, MathFunction.Broadcast, out IOperation argument) && !IsCall(operation, MathFunction.Convert, out argument))
            {
                return false;
            }

            operation = argument;
        }
    }

    internal static bool IsConstant(IOperation operation) => operation.ConstantValue.HasValue || Unwrap(operation).ConstantValue.HasValue;

    internal static bool TryGetNumber(IOperation operation, out double value)
    {
        Optional<object?> constant = operation.ConstantValue.HasValue ? operation.ConstantValue : Unwrap(operation).ConstantValue;
        switch (constant.HasValue ? constant.Value : null)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            case uint ui: value = ui; return true;
            case ulong ul: value = ul; return true;
            case short s: value = s; return true;
            case ushort us: value = us; return true;
            case byte b: value = b; return true;
            case sbyte sb: value = sb; return true;
            case decimal m: value = (double)m; return true;
            default: value = 0; return false;
        }
    }
}
