using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// Sums over collections: exp(z) added up by a <c>for</c>/<c>foreach</c> loop or by <c>Enumerable.Sum</c>, and what is
/// done with the sum afterwards (<see cref="SumUses"/>).
/// </summary>
internal sealed partial class StabilityMatcher
{
    /// <summary>
    /// How many statements of a loop body are searched for the <c>sum += e</c> that adds a stored exp: a generated loop
    /// body of thousands of statements would otherwise be searched once per exp in it.
    /// </summary>
    private const int MaximumScannedStatements = 64;

    /// <summary>The reads of each accumulator (with its store), found once per compilation and shared by every match.</summary>
    private readonly ConcurrentDictionary<(ISymbol Accumulator, ISymbol? Store), SumUses> _sumUses = new(AccumulatorComparer.Instance);

    /// <summary>The local references of each body that holds a sum, indexed once.</summary>
    private readonly ConditionalWeakTable<IOperation, BodyLocals> _bodyLocals = new();

    /// <summary>
    /// exp(z) added up in a <c>for</c>/<c>foreach</c> loop over the loop's elements: <c>sum += exp(z)</c>,
    /// <c>sum = sum + exp(z)</c>, or stored first and then added (<c>var e = exp(z); sum += e;</c>,
    /// <c>t[i] = exp(z); sum += t[i];</c>), where z reads a variable of the loop and the sum is a local declared before it.
    /// </summary>
    internal ExpSum? TryGetLoopExpSum(IInvocationOperation exp, CancellationToken cancellationToken)
    {
        // The shape around the exp first (a few parents up): an exp deep inside a 20,000-term expression must not
        // walk all the way up looking for a loop.
        IOperation? parent = UpParent(exp);
        ISymbol? store = null;
        if (!TryGetSingleArgument(exp, out IOperation z))
        {
            return null;
        }

        if (!TryGetAccumulation(parent, exp, out ILocalSymbol? accumulator))
        {
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                store = declarator.Symbol;
            }
            else if (parent is ISimpleAssignmentOperation assignment && IsSame(assignment.Value, exp) && ElementCollection(assignment.Target) is { } collection)
            {
                store = collection;
            }

            if (store is null)
            {
                return null;
            }
        }

        if (EnclosingLoop(exp) is not { } loop || !ReadsAny(z, loop.Locals))
        {
            return null;
        }

        if (store is not null)
        {
            accumulator = FindStoredAccumulation(loop, store);
        }

        if (accumulator is null || IsDeclaredInside(accumulator, loop.Syntax))
        {
            return null;
        }

        return new ExpSum(exp, z)
        {
            Loop = loop,
            Accumulator = accumulator,
            Store = store,
            FindUses = () => GetSumUses(accumulator, store, loop, zeroStart: true, cancellationToken),
        };
    }

    /// <summary>
    /// <c>source.Sum(v =&gt; exp(z))</c>, <c>source.Sum(Math.Exp)</c>, <c>source.Select(v =&gt; exp(z)).Sum()</c> or
    /// <c>source.Select(Math.Exp).Sum()</c>, where z reads the lambda's parameter; the sum used in place or kept in a
    /// local it initialises.
    /// </summary>
    internal ExpSum? TryGetLinqExpSum(IInvocationOperation sum, CancellationToken cancellationToken)
    {
        IOperation source;
        IOperation selector;
        if (sum.Arguments.Length == 2)
        {
            source = sum.Arguments[0].Value;
            selector = sum.Arguments[1].Value;
        }
        else if (sum.Arguments.Length == 1
            && Unwrap(sum.Arguments[0].Value) is IInvocationOperation select
            && _symbols.Classify(select.TargetMethod) == MathFunction.Select
            && select.Arguments.Length == 2)
        {
            source = select.Arguments[0].Value;
            selector = select.Arguments[1].Value;
        }
        else
        {
            return null;
        }

        IOperation term;
        IOperation element;
        switch (Unwrap(selector))
        {
            case IDelegateCreationOperation { Target: IMethodReferenceOperation method } group
                when _symbols.Classify(method.Method) == MathFunction.Exp:
                term = group;
                element = source;
                break;
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda }
                when lambda.Body.Operations.Length == 1
                    && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
                    && Unwrap(returned) is IInvocationOperation exp
                    && IsCall(exp, MathFunction.Exp, out IOperation z)
                    && Reads(z, lambda.Symbol.Parameters[0]):
                term = exp;
                element = z;
                break;
            default:
                return null;
        }

        ILocalSymbol? accumulator = UpParent(sum) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            ? declarator.Symbol
            : null;
        return new ExpSum(term, element)
        {
            LinqSum = sum,
            LinqSource = source,
            Accumulator = accumulator,
            FindUses = () => accumulator is not null
                ? GetSumUses(accumulator, store: null, sum, zeroStart: false, cancellationToken)
                : GetInlineUses(sum),
        };
    }

    /// <summary>Whether <paramref name="z"/> subtracts something that is not a constant: the shift by the maximum (or by anything).</summary>
    internal bool IsShifted(IOperation z)
    {
        foreach (IOperation operation in z.DescendantsAndSelf())
        {
            if (IsBinary(operation, BinaryOperatorKind.Subtract, MathFunction.Subtract, out _, out IOperation right) && !IsConstant(right))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>sum += term</c> or <c>sum = sum + term</c> (either order) with <c>sum</c> a local.</summary>
    private bool TryGetAccumulation(IOperation? parent, IOperation term, out ILocalSymbol? accumulator)
    {
        accumulator = null;
        if (parent is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound
            && IsSame(compound.Value, term))
        {
            accumulator = target.Local;
        }
        else if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add
            && UpParent(add) is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target2 }
            && Unwrap(IsSame(add.LeftOperand, term) ? add.RightOperand : add.LeftOperand) is ILocalReferenceOperation other
            && SymbolEqualityComparer.Default.Equals(other.Local, target2.Local))
        {
            accumulator = target2.Local;
        }

        return accumulator is not null;
    }

    /// <summary>The <c>sum += e</c> (or <c>sum += t[...]</c>) among the loop body's statements that adds what was stored.</summary>
    private static ILocalSymbol? FindStoredAccumulation(ILoopOperation loop, ISymbol store)
    {
        if (loop.Body is not IBlockOperation body || body.Operations.Length > MaximumScannedStatements)
        {
            return null;
        }

        foreach (IOperation statement in body.Operations)
        {
            if (statement is IExpressionStatementOperation
                {
                    Operation: ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound,
                }
                && ReadsStore(compound.Value, store))
            {
                return target.Local;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="operation"/> reads the store: the local itself, or an element of the collection.</summary>
    internal static bool ReadsStore(IOperation operation, ISymbol? store) =>
        store is not null
        && (Unwrap(operation) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, store)
            || SymbolEqualityComparer.Default.Equals(ElementCollection(operation), store));

    /// <summary>The array, span or list of <c>t[i]</c> when it is a local, parameter or field; otherwise null.</summary>
    private static ISymbol? ElementCollection(IOperation operation)
    {
        IOperation? instance = Unwrap(operation) switch
        {
            IArrayElementReferenceOperation array => array.ArrayReference,
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
            _ => null,
        };
        return instance is null ? null : CountingLoops.ReferencedSymbol(instance);
    }

    /// <summary>The <c>for</c> or <c>foreach</c> loop whose body holds <paramref name="operation"/>, within the same function.</summary>
    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IForLoopOperation or IForEachLoopOperation:
                    return (ILoopOperation)current;
                case ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    private static bool ReadsAny(IOperation operation, ImmutableArray<ILocalSymbol> locals)
    {
        if (locals.IsEmpty)
        {
            return false;
        }

        foreach (IOperation current in operation.DescendantsAndSelf())
        {
            if (current is ILocalReferenceOperation reference && locals.IndexOf(reference.Local, 0, SymbolEqualityComparer.Default) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Reads(IOperation operation, IParameterSymbol parameter)
    {
        foreach (IOperation current in operation.DescendantsAndSelf())
        {
            if (current is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeclaredInside(ISymbol symbol, SyntaxNode node) =>
        symbol.DeclaringSyntaxReferences.Length != 1 || node.Span.Contains(symbol.DeclaringSyntaxReferences[0].Span);

    /// <summary>A LINQ sum used in place: the argument of a log, or a divisor.</summary>
    private SumUses GetInlineUses(IInvocationOperation sum)
    {
        IOperation? parent = UpParent(sum);
        if (parent is IInvocationOperation log && _symbols.Classify(log.TargetMethod) == MathFunction.Log && log.Arguments.Length == 1)
        {
            return new SumUses(ImmutableArray<SyntaxNode>.Empty, ImmutableArray.Create(parent.Syntax), feedsSoftmax: true, fixable: true);
        }

        if (parent is not null
            && IsBinary(parent, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation divisor)
            && IsSame(divisor, sum))
        {
            bool isExp = IsCall(numerator, MathFunction.Exp, out _);
            return new SumUses(
                isExp ? ImmutableArray.Create(Unwrap(numerator).Syntax) : ImmutableArray<SyntaxNode>.Empty,
                ImmutableArray<SyntaxNode>.Empty,
                feedsSoftmax: true,
                fixable: isExp);
        }

        return SumUses.None;
    }

    /// <summary>
    /// Every reference of <paramref name="accumulator"/> in the body that holds <paramref name="anchor"/>, found once
    /// per (accumulator, store): divisions (with an exp or a read of <paramref name="store"/> as numerator), logs, the
    /// accumulation itself, and anything else (which makes the sum not fixable). <paramref name="zeroStart"/>: the local
    /// must start at 0 and be added to once. Works on the operation tree the analyzer already has: asking the semantic
    /// model about identifiers made the rule cost several times all the others on a clean corpus.
    /// </summary>
    private SumUses GetSumUses(ILocalSymbol accumulator, ISymbol? store, IOperation anchor, bool zeroStart, CancellationToken cancellationToken) =>
        _sumUses.GetOrAdd((accumulator, store), key => FindSumUses((ILocalSymbol)key.Accumulator, key.Store, anchor, zeroStart, cancellationToken));

    private SumUses FindSumUses(ILocalSymbol accumulator, ISymbol? store, IOperation anchor, bool zeroStart, CancellationToken cancellationToken)
    {
        IOperation root = anchor;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        BodyLocals locals = BodyLocals.Get(_bodyLocals, root, cancellationToken);
        if (!locals.References.TryGetValue(accumulator, out List<ILocalReferenceOperation>? references))
        {
            return SumUses.None;
        }

        bool fixable = !zeroStart
            || (locals.Declarators.TryGetValue(accumulator, out IVariableDeclaratorOperation? declarator)
                && declarator.Initializer?.Value.ConstantValue is { HasValue: true, Value: { } start }
                && start is double or float or int or long or decimal
                && System.Convert.ToDouble(start, System.Globalization.CultureInfo.InvariantCulture) == 0);
        bool feeds = false;
        int accumulations = 0;
        var numerators = ImmutableArray.CreateBuilder<SyntaxNode>();
        var logs = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (ILocalReferenceOperation reference in references)
        {
            IOperation? parent = UpParent(reference);
            switch (parent)
            {
                case ICompoundAssignmentOperation compound when compound.Target == reference:
                    bool adds = compound.OperatorKind == BinaryOperatorKind.Add;
                    accumulations += adds ? 1 : 0;
                    fixable &= adds;
                    if (compound.OperatorKind == BinaryOperatorKind.Divide)
                    {
                        feeds = true;
                    }

                    break;
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    bool selfSum = IsSelfSum(assignment.Value, accumulator);
                    accumulations += selfSum ? 1 : 0;
                    fixable &= selfSum;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add
                    when UpParent(add) is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }
                        && SymbolEqualityComparer.Default.Equals(target.Local, accumulator):
                    break; // the read of sum = sum + term
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Divide }:
                    feeds = true; // y[i] /= sum
                    fixable = false;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsSame(division.RightOperand, reference):
                    feeds = true;
                    if (IsCall(division.LeftOperand, MathFunction.Exp, out _))
                    {
                        numerators.Add(Unwrap(division.LeftOperand).Syntax);
                    }
                    else
                    {
                        fixable &= ReadsStore(division.LeftOperand, store);
                    }

                    break;
                case IInvocationOperation log when log.Arguments.Length == 1 && _symbols.Classify(log.TargetMethod) == MathFunction.Log:
                    feeds = true;
                    logs.Add(log.Syntax);
                    break;
                default:
                    fixable = false;
                    break;
            }
        }

        fixable &= !zeroStart || accumulations == 1;
        return new SumUses(numerators.ToImmutable(), logs.ToImmutable(), feeds, fixable);
    }

    /// <summary><c>sum + term</c> or <c>term + sum</c>.</summary>
    private static bool IsSelfSum(IOperation value, ILocalSymbol accumulator) =>
        Unwrap(value) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add
        && (Unwrap(add.LeftOperand) is ILocalReferenceOperation left && SymbolEqualityComparer.Default.Equals(left.Local, accumulator)
            || Unwrap(add.RightOperand) is ILocalReferenceOperation right && SymbolEqualityComparer.Default.Equals(right.Local, accumulator));

    /// <summary>Compares (accumulator, store) keys by symbol.</summary>
    private sealed class AccumulatorComparer : IEqualityComparer<(ISymbol Accumulator, ISymbol? Store)>
    {
        public static readonly AccumulatorComparer Instance = new();

        public bool Equals((ISymbol Accumulator, ISymbol? Store) x, (ISymbol Accumulator, ISymbol? Store) y) =>
            SymbolEqualityComparer.Default.Equals(x.Accumulator, y.Accumulator) && SymbolEqualityComparer.Default.Equals(x.Store, y.Store);

        public int GetHashCode((ISymbol Accumulator, ISymbol? Store) key) =>
            SymbolEqualityComparer.Default.GetHashCode(key.Accumulator) * 31 + (key.Store is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(key.Store));
    }
}
