using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>The expressions of a formula: constants, parameters, locals, operators, conditionals.</summary>
internal sealed partial class FormulaLowerer
{
    /// <summary>What a formula's expressions may be made of, for messages.</summary>
    private const string Expressions =
        "a formula is made of its parameters, locals, literals and constants, + - * /, unary minus, '?:' with one comparison, and calls of Math, MathF, FusedMath and other formulas of its type";

    /// <summary>The node for <paramref name="operation"/>, a value of the element type; null after a diagnostic (or quietly).</summary>
    private FormulaNode? Lower(IOperation operation, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth)
        {
            return TooLarge(LocationInfo.From(operation.Syntax), FormulaText.Snippet(operation.Syntax), _scope.Method.Name, $"it nests more than {MaxDepth} operations deep: compute parts of it in locals first");
        }

        if (++_operations > MaxOperations)
        {
            return TooLarge(LocationInfo.From(_formula.Declaration.Identifier), _formula.Name, _formula.Name, $"with its calls inlined it has more than {MaxOperations} operations: compute repeated parts once, in locals, instead of calling formulas that repeat them");
        }

        if (operation.ConstantValue.HasValue && Constant(operation) is { } literal)
        {
            return literal;
        }

        if (!FormulaSignatureChecks.IsElement(operation.Type, Element))
        {
            return WrongType(operation);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return LowerConversion(conversion, depth);
            case IParameterReferenceOperation { Parameter: var parameter }
                when _scope.Declares(parameter) && parameter.Ordinal < _scope.Parameters.Count:
                return _scope.Parameters[parameter.Ordinal];
            case ILocalReferenceOperation { Local: var local } when _scope.Locals.TryGetValue(local, out FormulaNode? node):
                return node ?? Quiet<FormulaNode>(); // A failed local: its declaration was reported.
            case IBinaryOperation binary:
                return LowerBinary(binary, depth);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } unary:
                return Lower(unary.Operand, depth + 1) is { } negated ? new NegateNode(negated) : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus, OperatorMethod: null } unary:
                return Lower(unary.Operand, depth + 1);
            case IConditionalOperation conditional:
                return LowerConditional(conditional, depth);
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, depth);
            case IFieldReferenceOperation { Instance: not null } field:
                return Unsupported<FormulaNode>(field.Syntax, "a formula reads no fields or tuple elements: call a formula that returns the one value needed");
            case IFieldReferenceOperation field:
                return Unsupported<FormulaNode>(field.Syntax, $"'{field.Field.Name}' is not a const, and only constants are folded into a formula: declare it const, or pass its value as a parameter");
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                return Unsupported<FormulaNode>(operation.Syntax, "a formula assigns nothing: declare a new local for each value instead");
            case IInvalidOperation:
                return Quiet<FormulaNode>();
            default:
                return Unsupported<FormulaNode>(operation.Syntax, Expressions);
        }
    }

    /// <summary>
    /// A constant as C# folded it, converted to the element type as C# converts it: a constant of the element type,
    /// an integer (2 in <c>x * 2</c> reaches here already converted, 2f), or a float in a double formula (exact). Null
    /// for a constant of another type (a double in a float formula), which the type check reports.
    /// </summary>
    private LiteralNode? Constant(IOperation operation)
    {
        object? value = operation.ConstantValue.Value;
        bool single = Element == ElementType.Single;
        return value switch
        {
            float f when operation.Type?.SpecialType == SpecialType.System_Single => new LiteralNode(f),
            double d when FormulaSignatureChecks.IsElement(operation.Type, Element) => new LiteralNode(d),
            int i => new LiteralNode(single ? (float)i : i),
            long l => new LiteralNode(single ? (float)l : l),
            short s => new LiteralNode(s),
            sbyte s => new LiteralNode(s),
            byte b => new LiteralNode(b),
            ushort u => new LiteralNode(u),
            uint u => new LiteralNode(single ? (float)u : u),
            ulong u => new LiteralNode(single ? (float)u : u),
            _ => null,
        };
    }

    /// <summary>Reports a value of another type: FA1020 for the other floating type, FA1019 for anything else.</summary>
    private FormulaNode? WrongType(IOperation operation)
    {
        if (operation.Type is null or { TypeKind: TypeKind.Error }
            || operation is IInvalidOperation
            || (operation is ILocalReferenceOperation { Local: var local } && _scope.Locals.TryGetValue(local, out FormulaNode? node) && node is null))
        {
            return Quiet<FormulaNode>(); // Nothing to say, or said already at the local's declaration.
        }

        if (FormulaSignatureChecks.ElementTypeOf(operation.Type) is not null)
        {
            return WrongPrecision(operation);
        }

        return Unsupported<FormulaNode>(operation.Syntax, $"it is {Article(operation.Type)}, but every value of a {T} formula is a {T}");
    }

    /// <summary>Adds FA1020 at what makes <paramref name="operation"/> compute in the other precision.</summary>
    private FormulaNode? WrongPrecision(IOperation operation)
    {
        if (PrecisionCulprit.Find(operation, Element) is not { } culprit)
        {
            return Quiet<FormulaNode>(); // Only locals already reported at their declarations.
        }

        Report(
            DiagnosticDescriptors.MixedPrecisionFormula,
            culprit.Operation.Syntax,
            FormulaText.Snippet(culprit.Operation.Syntax),
            _scope.Method.Name,
            culprit.Operation.Type is { } type ? FormulaSignatureChecks.Shown(type) : "value of another type",
            T,
            culprit.Fix);
        return null;
    }

    /// <summary>A conversion to the element type: transparent from the element type, a problem from any other.</summary>
    private FormulaNode? LowerConversion(IConversionOperation conversion, int depth)
    {
        IOperation operand = conversion.Operand;
        if (FormulaSignatureChecks.IsElement(operand.Type, Element))
        {
            return Lower(operand, depth + 1); // (float)x of a float x.
        }

        return WrongType(operand);
    }

    private FormulaNode? LowerBinary(IBinaryOperation binary, int depth)
    {
        BinaryOperator? op = binary.OperatorKind switch
        {
            BinaryOperatorKind.Add => BinaryOperator.Add,
            BinaryOperatorKind.Subtract => BinaryOperator.Subtract,
            BinaryOperatorKind.Multiply => BinaryOperator.Multiply,
            BinaryOperatorKind.Divide => BinaryOperator.Divide,
            _ => null,
        };
        if (op is null || binary.OperatorMethod is not null)
        {
            return Unsupported<FormulaNode>(binary.Syntax, "a formula's operators are + - * / and unary minus (and comparisons, in the condition of '?:')");
        }

        FormulaNode? left = Lower(binary.LeftOperand, depth + 1);
        FormulaNode? right = Lower(binary.RightOperand, depth + 1);
        return left is null || right is null ? null : new BinaryNode(op.Value, left, right);
    }

    private FormulaNode? LowerConditional(IConditionalOperation conditional, int depth)
    {
        (Comparison Comparison, FormulaNode Left, FormulaNode Right)? condition = LowerCondition(conditional.Condition, depth);
        FormulaNode? whenTrue = Lower(conditional.WhenTrue, depth + 1);
        FormulaNode? whenFalse = conditional.WhenFalse is { } otherwise ? Lower(otherwise, depth + 1) : Quiet<FormulaNode>();
        return condition is null || whenTrue is null || whenFalse is null
            ? null
            : new ConditionalNode(condition.Value.Comparison, condition.Value.Left, condition.Value.Right, whenTrue, whenFalse);
    }

    /// <summary>The condition of <c>?:</c>: one comparison of two values of the element type.</summary>
    private (Comparison, FormulaNode, FormulaNode)? LowerCondition(IOperation condition, int depth)
    {
        Comparison? comparison = (condition as IBinaryOperation) is { OperatorMethod: null } binary ? binary.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => Comparison.LessThan,
            BinaryOperatorKind.LessThanOrEqual => Comparison.LessThanOrEqual,
            BinaryOperatorKind.GreaterThan => Comparison.GreaterThan,
            BinaryOperatorKind.GreaterThanOrEqual => Comparison.GreaterThanOrEqual,
            BinaryOperatorKind.Equals => Comparison.Equal,
            BinaryOperatorKind.NotEquals => Comparison.NotEqual,
            _ => null,
        } : null;
        if (comparison is null || condition is not IBinaryOperation compared)
        {
            if (condition is IInvalidOperation)
            {
                _failed = true;
                return null;
            }

            Unsupported<FormulaNode>(condition.Syntax, $"the condition of '?:' must be one comparison (<, <=, >, >=, ==, !=) of two {T} values");
            return null;
        }

        // Both operands are of one type, the comparison's: a float formula comparing in double compares x promoted.
        if (!FormulaSignatureChecks.IsElement(compared.LeftOperand.Type, Element) || !FormulaSignatureChecks.IsElement(compared.RightOperand.Type, Element))
        {
            IOperation wrong = FormulaSignatureChecks.IsElement(compared.LeftOperand.Type, Element) ? compared.RightOperand : compared.LeftOperand;
            if (FormulaSignatureChecks.ElementTypeOf(wrong.Type) is not null)
            {
                WrongPrecision(compared);
            }
            else
            {
                WrongType(wrong);
            }

            return null;
        }

        FormulaNode? left = Lower(compared.LeftOperand, depth + 1);
        FormulaNode? right = Lower(compared.RightOperand, depth + 1);
        return left is null || right is null ? null : (comparison.Value, left, right);
    }

    /// <summary>Reports a formula that is too large or too deep, once.</summary>
    private FormulaNode? TooLarge(LocationInfo? at, string quoted, string method, string reason)
    {
        if (!_sizeReported)
        {
            _sizeReported = true;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedFormulaConstruct, at, quoted, method, reason));
        }

        _failed = true;
        return null;
    }
}
