using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// The parts of a map loop, shared by the kernel fixes and FA2012: <c>for (int i = 0; i &lt; bound; i++)</c> with a
/// side-effect-free bound, and elements <c>collection[i]</c> of arrays and spans that are locals, parameters or fields.
/// </summary>
internal static class CountingLoops
{
    /// <summary><c>for (int i = 0; i &lt; bound; i++)</c> (or <c>++i</c>, <c>i += 1</c>), with a side-effect-free bound.</summary>
    internal static bool IsCountingFromZero(IForLoopOperation loop, ILocalSymbol counter, out IOperation? bound)
    {
        bound = null;
        if (counter.Type.SpecialType != SpecialType.System_Int32
            || loop.Before.Length != 1
            || loop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
            || group.Declarations[0].Declarators.Length != 1
            || !SymbolEqualityComparer.Default.Equals(group.Declarations[0].Declarators[0].Symbol, counter)
            || group.Declarations[0].Declarators[0].Initializer?.Value.ConstantValue is not { HasValue: true, Value: 0 })
        {
            return false;
        }

        if (loop.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } condition
            || !IsCounter(condition.LeftOperand, counter)
            || !IsPureBound(condition.RightOperand, counter))
        {
            return false;
        }

        if (loop.AtLoopBottom.Length != 1)
        {
            return false;
        }

        IOperation step = loop.AtLoopBottom[0] is IExpressionStatementOperation expression ? expression.Operation : loop.AtLoopBottom[0];
        bool isIncrement = step switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment } increment => IsCounter(increment.Target, counter),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound =>
                IsCounter(compound.Target, counter) && compound.Value.ConstantValue is { HasValue: true, Value: 1 },
            _ => false,
        };
        bound = condition.RightOperand;
        return isIncrement;
    }

    internal static bool IsCounter(IOperation operation, ILocalSymbol counter) =>
        StabilityMatcher.Unwrap(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, counter);

    internal static bool IsPureBound(IOperation operation, ILocalSymbol counter)
    {
        foreach (IOperation part in operation.DescendantsAndSelf())
        {
            switch (part)
            {
                case ILocalReferenceOperation local when SymbolEqualityComparer.Default.Equals(local.Local, counter):
                    return false;
                case IInvocationOperation or IAssignmentOperation or IIncrementOrDecrementOperation or IObjectCreationOperation:
                    return false;
            }
        }

        return true;
    }

    /// <summary><c>collection[i]</c> on a one-dimensional array, a Span or a ReadOnlySpan of a side-effect-free collection.</summary>
    internal static bool TryGetElement(IOperation operation, ILocalSymbol counter, out IOperation collection, out ITypeSymbol element, out bool isArray, out bool isReadOnly)
    {
        collection = null!;
        element = null!;
        isArray = isReadOnly = false;
        switch (operation)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } array
                when array.ArrayReference.Type is IArrayTypeSymbol { Rank: 1 } arrayType && IsCounter(array.Indices[0], counter):
                collection = array.ArrayReference;
                element = arrayType.ElementType;
                isArray = true;
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer
                when instance.Type is INamedTypeSymbol { IsGenericType: true } span
                     && span.ConstructedFrom.ToDisplayString() is "System.Span<T>" or "System.ReadOnlySpan<T>"
                     && IsCounter(indexer.Arguments[0].Value, counter):
                collection = instance;
                element = span.TypeArguments[0];
                isReadOnly = span.ConstructedFrom.ToDisplayString() == "System.ReadOnlySpan<T>";
                break;
            default:
                return false;
        }

        return collection is ILocalReferenceOperation or IParameterReferenceOperation
            || (collection is IFieldReferenceOperation field && (field.Instance is null or IInstanceReferenceOperation));
    }

    /// <summary>Whether <paramref name="bound"/> is <c>collection.Length</c>.</summary>
    internal static bool IsLengthOf(IOperation bound, IOperation collection) =>
        StabilityMatcher.Unwrap(bound) is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance }
        && Equivalence.AreEquivalent(instance, collection);

    /// <summary>The local, parameter or field <paramref name="operation"/> reads (through implicit conversions), or null.</summary>
    internal static ISymbol? ReferencedSymbol(IOperation operation) => StabilityMatcher.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };
}
