using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// Recognises the naive forms on the operation tree, so that every spelling that binds to the same operations is
/// found: <c>Math</c>/<c>MathF</c>/<c>double.</c>/<c>float.</c>, <c>using static</c>, generic math (<c>T.Log</c>,
/// <c>T.One</c>, <c>+</c> through <c>IAdditionOperators</c>), <c>Vector128.Log</c> with <c>+</c> or <c>Add</c>, any
/// literal spelling of 1 and any parentheses (the C# operation tree has none).
/// </summary>
/// <remarks>
/// Every match starts at a Log, LogP1, Exp or ExpM1 call (so the analyzer only listens to invocations) and walks a
/// few operations down and up. Nothing here throws on erroneous code: unbound calls are
/// <see cref="IInvalidOperation"/>s and never match.
/// </remarks>
internal sealed class StabilityMatcher
{
    private readonly KnownSymbols _symbols;

    public StabilityMatcher(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The naive pattern that <paramref name="invocation"/> is the root call of, or null.</summary>
    public StabilityMatch? Match(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        switch (_symbols.Classify(invocation.TargetMethod))
        {
            case MathFunction.Log:
                return MatchLog(invocation, cancellationToken);
            case MathFunction.LogP1:
                return MatchLogP1(invocation, cancellationToken);
            case MathFunction.Exp:
                return MatchExp(invocation, cancellationToken);
            case MathFunction.ExpM1:
                return MatchExpM1(invocation);
            case MathFunction.SpanLogP1:
                return new StabilityMatch(Descriptors.ImpreciseLog1P, FusedFunction.Log1P, invocation, invocation) { IsSpanApi = true };
            case MathFunction.SpanExpM1:
                return new StabilityMatch(Descriptors.ImpreciseExpM1, FusedFunction.ExpM1, invocation, invocation) { IsSpanApi = true };
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Patterns rooted at a call

    private StabilityMatch? MatchLog(IInvocationOperation log, CancellationToken cancellationToken)
    {
        if (!TryGetSingleArgument(log, out IOperation argument))
        {
            return null;
        }

        // log(1 + exp(z)), log(exp(z) + 1), log(1 + x), log(exp(a) + exp(b))
        if (IsBinary(argument, BinaryOperatorKind.Add, MathFunction.Add, out IOperation left, out IOperation right))
        {
            IOperation? other = IsOne(left) ? right : IsOne(right) ? left : null;
            if (other is not null)
            {
                if (TryGetExp(other, cancellationToken, out IOperation? z, out VariableDeclaratorSyntax? local))
                {
                    return MatchSoftplus(log, z, local);
                }

                return IsConstant(other)
                    ? null
                    : new StabilityMatch(Descriptors.ImpreciseLog1P, FusedFunction.Log1P, log, log) { X = other };
            }

            if (TryGetExp(left, cancellationToken, out IOperation? a, out _)
                && TryGetExp(right, cancellationToken, out IOperation? b, out _))
            {
                return IsConstant(a) && IsConstant(b)
                    ? null
                    : new StabilityMatch(Descriptors.NaiveLogAddExp, FusedFunction.LogAddExp, log, log) { X = a, Second = b, ExpArgument = a };
            }

            return null;
        }

        // log(exp(y) - 1), log(ExpM1(y))
        IOperation? y = null;
        VariableDeclaratorSyntax? yLocal = null;
        if (IsBinary(argument, BinaryOperatorKind.Subtract, MathFunction.Subtract, out left, out right))
        {
            if (IsOne(right) && TryGetExp(left, cancellationToken, out IOperation? expArgument, out yLocal))
            {
                y = expArgument;
            }
        }
        else if (IsCall(argument, MathFunction.ExpM1, out IOperation expM1Argument))
        {
            y = expM1Argument;
        }

        if (y is not null)
        {
            return IsConstant(y) ? null : MatchScaled(Descriptors.NaiveInverseSoftplus, FusedFunction.InverseSoftplus, log, y, yLocal);
        }

        // log(1 / (1 + exp(z))) = LogSigmoid(-z)
        if (IsBinary(argument, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            && IsOne(numerator)
            && IsBinary(denominator, BinaryOperatorKind.Add, MathFunction.Add, out left, out right))
        {
            IOperation? other = IsOne(left) ? right : IsOne(right) ? left : null;
            if (other is not null
                && TryGetExp(other, cancellationToken, out IOperation? z, out VariableDeclaratorSyntax? local)
                && !IsConstant(z)
                && !IsProvablyNonPositive(z, log))
            {
                bool negated = IsNegation(z, out IOperation x);
                return new StabilityMatch(Descriptors.NaiveLogSigmoid, FusedFunction.LogSigmoid, log, log)
                {
                    X = negated ? x : z,
                    NegateX = !negated,
                    ExpArgument = negated ? x : z,
                    ExpLocalDeclarator = local,
                };
            }
        }

        return null;
    }

    private StabilityMatch? MatchLogP1(IInvocationOperation logP1, CancellationToken cancellationToken)
    {
        if (!TryGetSingleArgument(logP1, out IOperation argument))
        {
            return null;
        }

        if (TryGetExp(argument, cancellationToken, out IOperation? z, out VariableDeclaratorSyntax? local))
        {
            return MatchSoftplus(logP1, z, local);
        }

        return IsConstant(argument)
            ? null
            : new StabilityMatch(Descriptors.ImpreciseLog1P, FusedFunction.Log1P, logP1, logP1) { X = argument };
    }

    private StabilityMatch? MatchExpM1(IInvocationOperation expM1)
    {
        if (!TryGetSingleArgument(expM1, out IOperation argument) || IsConstant(argument) || IsInsideLog(expM1))
        {
            return null; // inside a Log it is an inverse softplus, reported at the Log
        }

        return new StabilityMatch(Descriptors.ImpreciseExpM1, FusedFunction.ExpM1, expM1, expM1) { X = argument };
    }

    private StabilityMatch? MatchExp(IInvocationOperation exp, CancellationToken cancellationToken)
    {
        if (!TryGetSingleArgument(exp, out IOperation z) || UpParent(exp) is not { } parent)
        {
            return null;
        }

        // exp(z) - 1
        if (IsBinary(parent, BinaryOperatorKind.Subtract, MathFunction.Subtract, out IOperation left, out IOperation right)
            && IsSame(left, exp)
            && IsOne(right))
        {
            return IsConstant(z) || IsInsideLog(parent)
                ? null
                : new StabilityMatch(Descriptors.ImpreciseExpM1, FusedFunction.ExpM1, parent, exp) { X = z };
        }

        // exp(z) / (1 + exp(z)): reported from the exp in the denominator
        if (IsBinary(parent, BinaryOperatorKind.Add, MathFunction.Add, out left, out right)
            && ((IsSame(left, exp) && IsOne(right)) || (IsSame(right, exp) && IsOne(left)))
            && UpParent(parent) is { } grandParent
            && IsBinary(grandParent, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation numerator, out IOperation denominator)
            && IsSame(denominator, parent)
            && TryGetExp(numerator, cancellationToken, out IOperation? z2, out _)
            && AreEquivalent(z, z2)
            && !IsConstant(z)
            && !IsProvablyNonPositive(z, exp))
        {
            return new StabilityMatch(Descriptors.NaiveSigmoid, FusedFunction.Sigmoid, grandParent, exp) { X = z, ExpArgument = z };
        }

        return null;
    }

    /// <summary>log(1 + exp(z)) found at <paramref name="log"/>: a softplus, a scaled softplus or a log-sigmoid.</summary>
    private StabilityMatch? MatchSoftplus(IOperation log, IOperation z, VariableDeclaratorSyntax? local)
    {
        if (IsConstant(z) || IsProvablyNonPositive(z, log))
        {
            return null; // exp(-|x|) and friends are the bounded piece of the stable formula
        }

        // -log(1 + exp(-x)) = LogSigmoid(x)
        if (UpParent(log) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation && IsNegation(z, out IOperation x))
        {
            return new StabilityMatch(Descriptors.NaiveLogSigmoid, FusedFunction.LogSigmoid, negation, log)
            {
                X = x,
                ExpArgument = x,
                ExpLocalDeclarator = local,
            };
        }

        return MatchScaled(Descriptors.NaiveSoftplus, FusedFunction.Softplus, log, z, local);
    }

    /// <summary>
    /// Softplus and inverse softplus with the scaling by beta: <c>f(beta * x) / beta</c>, <c>f(x * beta) / beta</c>,
    /// <c>(1 / beta) * f(beta * x)</c>, <c>f(2 * x) * 0.5</c>. Without a matching beta outside, the whole exp argument
    /// is x.
    /// </summary>
    private StabilityMatch MatchScaled(DiagnosticDescriptor descriptor, FusedFunction function, IOperation core, IOperation z, VariableDeclaratorSyntax? local)
    {
        var match = new StabilityMatch(descriptor, function, core, core) { X = z, ExpArgument = z, ExpLocalDeclarator = local };
        if (UpParent(core) is not { } parent)
        {
            return match;
        }

        IOperation? outsideBeta = null;
        double? reciprocal = null;
        if (IsBinary(parent, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation left, out IOperation right) && IsSame(left, core))
        {
            outsideBeta = right;
        }
        else if (IsBinary(parent, BinaryOperatorKind.Multiply, MathFunction.Multiply, out left, out right) && (IsSame(left, core) || IsSame(right, core)))
        {
            IOperation factor = IsSame(left, core) ? right : left;
            if (IsBinary(factor, BinaryOperatorKind.Divide, MathFunction.Divide, out IOperation one, out IOperation divisor) && IsOne(one))
            {
                outsideBeta = divisor;
            }
            else if (TryGetNumber(factor, out double value) && value != 0)
            {
                reciprocal = value;
            }
        }

        if ((outsideBeta is null && reciprocal is null)
            || !IsBinary(z, BinaryOperatorKind.Multiply, MathFunction.Multiply, out IOperation zLeft, out IOperation zRight))
        {
            return match;
        }

        bool IsBeta(IOperation factor) => outsideBeta is not null
            ? AreEquivalent(factor, outsideBeta)
            : TryGetNumber(factor, out double inside) && Math.Abs((inside * reciprocal!.Value) - 1) < 1e-12;

        if (IsBeta(zLeft))
        {
            match = new StabilityMatch(descriptor, function, parent, core) { X = zRight, Second = zLeft, ExpArgument = z, ExpLocalDeclarator = local };
        }
        else if (IsBeta(zRight))
        {
            match = new StabilityMatch(descriptor, function, parent, core) { X = zLeft, Second = zRight, ExpArgument = z, ExpLocalDeclarator = local };
        }

        return match;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Building blocks

    private static bool TryGetSingleArgument(IInvocationOperation invocation, out IOperation argument)
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

    private static bool IsSame(IOperation candidate, IOperation operation) =>
        ReferenceEquals(Unwrap(candidate), operation) || Unwrap(candidate).Syntax == operation.Syntax;

    private bool IsInsideLog(IOperation operation) =>
        UpParent(operation) is IInvocationOperation parentCall && _symbols.Classify(parentCall.TargetMethod) == MathFunction.Log;

    private bool IsCall(IOperation operation, MathFunction function, out IOperation argument)
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
    private bool IsBinary(IOperation operation, BinaryOperatorKind kind, MathFunction vectorFunction, out IOperation left, out IOperation right)
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

    private bool IsNegation(IOperation operation, out IOperation operand)
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
    private bool IsOne(IOperation operation)
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

        return (IsCall(operation, MathFunction.Broadcast, out IOperation argument) || IsCall(operation, MathFunction.Convert, out argument))
            && IsOne(argument);
    }

    private static bool IsConstant(IOperation operation) => operation.ConstantValue.HasValue || Unwrap(operation).ConstantValue.HasValue;

    private static bool TryGetNumber(IOperation operation, out double value)
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

    /// <summary>
    /// exp(z), or a local assigned exp(z) once, in the statement just before the one that reads it:
    /// <c>var e = Math.Exp(x); return Math.Log(1 + e);</c>.
    /// </summary>
    private bool TryGetExp(IOperation operation, CancellationToken cancellationToken, out IOperation z, out VariableDeclaratorSyntax? local)
    {
        local = null;
        if (IsCall(operation, MathFunction.Exp, out z))
        {
            return true;
        }

        if (Unwrap(operation) is ILocalReferenceOperation reference
            && reference.SemanticModel is { } model
            && TryGetSingleAssignment(reference, out VariableDeclaratorSyntax declarator, out ExpressionSyntax value)
            && model.GetOperation(value, cancellationToken) is { } valueOperation
            && IsCall(valueOperation, MathFunction.Exp, out z))
        {
            local = declarator;
            return true;
        }

        z = null!;
        return false;
    }

    private static bool TryGetSingleAssignment(ILocalReferenceOperation reference, out VariableDeclaratorSyntax declarator, out ExpressionSyntax value)
    {
        declarator = null!;
        value = null!;
        ILocalSymbol local = reference.Local;
        if (local.IsRef || local.IsConst || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax candidate
            || candidate.Parent is not VariableDeclarationSyntax { Variables.Count: 1 }
            || candidate.Parent.Parent is not LocalDeclarationStatementSyntax declaration
            || declaration.Parent is not BlockSyntax block)
        {
            return false;
        }

        // The statement of the block that contains the read.
        SyntaxNode? use = reference.Syntax;
        while (use is not null && use.Parent != block)
        {
            use = use.Parent;
        }

        if (use is not StatementSyntax useStatement)
        {
            return false;
        }

        int useIndex = block.Statements.IndexOf(useStatement);
        int declarationIndex = block.Statements.IndexOf(declaration);
        string name = local.Name;
        if (candidate.Initializer is { } initializer)
        {
            if (useIndex != declarationIndex + 1 || CountWrites(block, name) != 0)
            {
                return false;
            }

            value = initializer.Value;
        }
        else
        {
            // double e; ... e = Math.Exp(x); y = Math.Log(1 + e);
            if (useIndex < 1
                || block.Statements[useIndex - 1] is not ExpressionStatementSyntax
                {
                    Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment,
                }
                || target.Identifier.ValueText != name
                || CountWrites(block, name) != 1)
            {
                return false;
            }

            value = assignment.Right;
        }

        declarator = candidate;
        return true;
    }

    /// <summary>Writes to a local named <paramref name="name"/> in <paramref name="block"/> (assignments, ++/--, ref/out).</summary>
    private static int CountWrites(BlockSyntax block, string name)
    {
        int writes = 0;
        foreach (SyntaxNode node in block.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
            {
                continue;
            }

            switch (identifier.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                case PostfixUnaryExpressionSyntax:
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                case RefExpressionSyntax:
                    writes++;
                    break;
            }
        }

        return writes;
    }

    /// <summary>
    /// Whether two operands are the same value: equal constants, or the same side-effect-free expression
    /// (references, element accesses, arithmetic of those).
    /// </summary>
    internal static bool AreEquivalent(IOperation a, IOperation b)
    {
        if (TryGetNumber(a, out double x) && TryGetNumber(b, out double y))
        {
            return x.Equals(y);
        }

        IOperation left = Unwrap(a);
        IOperation right = Unwrap(b);
        return IsPure(left) && SyntaxFactory.AreEquivalent(left.Syntax, right.Syntax, topLevel: false);
    }

    private static bool IsPure(IOperation operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case ILiteralOperation:
            case ILocalReferenceOperation:
            case IParameterReferenceOperation:
            case IInstanceReferenceOperation:
                return true;
            case IFieldReferenceOperation field:
                return field.Instance is null || IsPure(field.Instance);
            case IPropertyReferenceOperation property:
                return property.Arguments.Length <= 1
                    && (property.Instance is null || IsPure(property.Instance))
                    && (property.Arguments.Length == 0 || IsPure(property.Arguments[0].Value));
            case IArrayElementReferenceOperation element:
                return IsPure(element.ArrayReference) && element.Indices.Length == 1 && IsPure(element.Indices[0]);
            case IBinaryOperation binary:
                return IsPure(binary.LeftOperand) && IsPure(binary.RightOperand);
            case IUnaryOperation unary:
                return IsPure(unary.Operand);
            case IConversionOperation conversion:
                return IsPure(conversion.Operand);
            default:
                return operation.ConstantValue.HasValue;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sign analysis: the stable forms exp(-|x|), exp(-beta * |x|), exp(min(x, 0)), and branches guarded by x > 0.

    [Flags]
    private enum Sign
    {
        Unknown = 0,
        NonNegative = 1,
        NonPositive = 2,
        Zero = NonNegative | NonPositive,
    }

    private bool IsProvablyNonPositive(IOperation z, IOperation context)
    {
        List<KeyValuePair<ISymbol, Sign>>? facts = CollectBranchFacts(context);
        // With an |x| in a product, the other factors are the (positive) beta of the stable formula.
        bool assumeSymbolsPositive = ContainsAbs(z);
        return (GetSign(z, facts, assumeSymbolsPositive) & Sign.NonPositive) != 0;
    }

    private bool ContainsAbs(IOperation operation)
    {
        operation = Unwrap(operation);
        if (IsCall(operation, MathFunction.Abs, out _))
        {
            return true;
        }

        if (IsNegation(operation, out IOperation operand))
        {
            return ContainsAbs(operand);
        }

        return (IsBinary(operation, BinaryOperatorKind.Multiply, MathFunction.Multiply, out IOperation left, out IOperation right)
                || IsBinary(operation, BinaryOperatorKind.Divide, MathFunction.Divide, out left, out right))
            && (ContainsAbs(left) || ContainsAbs(right));
    }

    private Sign GetSign(IOperation operation, List<KeyValuePair<ISymbol, Sign>>? facts, bool assumeSymbolsPositive)
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
            return Flip(GetSign(operand, facts, assumeSymbolsPositive));
        }

        IOperation left, right;
        if (IsBinary(operation, BinaryOperatorKind.Multiply, MathFunction.Multiply, out left, out right)
            || IsBinary(operation, BinaryOperatorKind.Divide, MathFunction.Divide, out left, out right))
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } && AreEquivalent(left, right))
            {
                return Sign.NonNegative; // x * x
            }

            return Product(GetSign(left, facts, assumeSymbolsPositive), GetSign(right, facts, assumeSymbolsPositive));
        }

        if (IsBinary(operation, BinaryOperatorKind.Add, MathFunction.Add, out left, out right))
        {
            return GetSign(left, facts, assumeSymbolsPositive) & GetSign(right, facts, assumeSymbolsPositive);
        }

        if (IsBinary(operation, BinaryOperatorKind.Subtract, MathFunction.Subtract, out left, out right))
        {
            if (IsCall(right, MathFunction.Abs, out IOperation absArgument) && AreEquivalent(absArgument, left))
            {
                return Sign.NonPositive; // x - |x|
            }

            return GetSign(left, facts, assumeSymbolsPositive) & Flip(GetSign(right, facts, assumeSymbolsPositive));
        }

        if (Unwrap(operation) is IInvocationOperation { Arguments.Length: 2 } call)
        {
            MathFunction function = _symbols.Classify(call.TargetMethod);
            if (function is MathFunction.Min or MathFunction.Max)
            {
                Sign a = GetSign(call.Arguments[0].Value, facts, assumeSymbolsPositive);
                Sign b = GetSign(call.Arguments[1].Value, facts, assumeSymbolsPositive);
                Sign wanted = function == MathFunction.Min ? Sign.NonPositive : Sign.NonNegative;
                return ((a | b) & wanted) != 0 ? wanted : Sign.Unknown;
            }
        }

        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is not null && facts is not null)
        {
            foreach (KeyValuePair<ISymbol, Sign> fact in facts)
            {
                if (SymbolEqualityComparer.Default.Equals(fact.Key, symbol))
                {
                    return fact.Value;
                }
            }
        }

        bool isReference = operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation;
        return assumeSymbolsPositive && isReference ? Sign.NonNegative : Sign.Unknown;
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
    /// non-negative in A and non-positive in B.
    /// </summary>
    private static List<KeyValuePair<ISymbol, Sign>>? CollectBranchFacts(IOperation operation)
    {
        List<KeyValuePair<ISymbol, Sign>>? facts = null;
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

    private static void AddFacts(IOperation condition, bool whenTrue, ref List<KeyValuePair<ISymbol, Sign>>? facts)
    {
        condition = Unwrap(condition);
        if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            AddFacts(not.Operand, !whenTrue, ref facts);
            return;
        }

        if (condition is not IBinaryOperation binary)
        {
            return;
        }

        if ((binary.OperatorKind == BinaryOperatorKind.ConditionalAnd && whenTrue)
            || (binary.OperatorKind == BinaryOperatorKind.ConditionalOr && !whenTrue))
        {
            AddFacts(binary.LeftOperand, whenTrue, ref facts);
            AddFacts(binary.RightOperand, whenTrue, ref facts);
            return;
        }

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
                return;
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
            return;
        }

        ISymbol? symbol = variable switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is not null)
        {
            // NaN makes every comparison false; the sign only matters for overflow, which NaN does not have.
            Sign sign = greater == whenTrue ? Sign.NonNegative : Sign.NonPositive;
            (facts ??= new List<KeyValuePair<ISymbol, Sign>>()).Add(new KeyValuePair<ISymbol, Sign>(symbol, sign));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Message arguments

    /// <summary>The arguments of the diagnostic's message: the operand text and the bounds for the element type.</summary>
    public static object[] GetMessageArguments(StabilityMatch match)
    {
        ElementKind kind = GetElementKind(match.ResultType);
        string Bound(string forDouble, string forSingle) => kind switch
        {
            ElementKind.Double => forDouble,
            ElementKind.Single => forSingle,
            _ => forDouble + " (float: " + forSingle + ")",
        };

        string operand = Shorten((match.ExpArgument ?? match.X)?.Syntax.ToString() ?? match.Report.Syntax.ToString());
        switch (match.Function)
        {
            case FusedFunction.Softplus:
                return new object[] { operand, Bound("709.78", "88.72"), Bound("-36.74", "-16.64") };
            case FusedFunction.InverseSoftplus:
                return new object[] { operand, Bound("709.78", "88.72"), Bound("1.1e-16", "6.0e-8") };
            case FusedFunction.LogAddExp:
                return new object[] { operand, Bound("709.78", "88.72"), Bound("-745.13", "-103.97") };
            case FusedFunction.Sigmoid:
                return new object[] { operand, Bound("709.78", "88.72") };
            case FusedFunction.LogSigmoid:
                return new object[] { operand, Bound("709.78", "88.72"), Bound("36.74", "16.64") };
            default:
                return new object[] { Shorten(match.Report.Syntax.ToString()), Bound("1.1e-16", "6.0e-8") };
        }
    }

    private static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>float or double, directly or as the element of a SIMD vector.</summary>
    internal static ElementKind GetElementKind(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.Name.StartsWith("Vector", StringComparison.Ordinal))
        {
            type = generic.TypeArguments[0];
        }

        return type?.SpecialType switch
        {
            SpecialType.System_Double => ElementKind.Double,
            SpecialType.System_Single => ElementKind.Single,
            _ => ElementKind.Unknown,
        };
    }

    internal static string FormatInvariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The element type of a naive expression, for its message and its fix.</summary>
internal enum ElementKind
{
    Unknown,
    Single,
    Double,
}
