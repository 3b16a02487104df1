using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>What a formula parameter of a map loop reads.</summary>
internal enum MapInputKind
{
    /// <summary><c>x[i]</c>: one value per element, a <c>ReadOnlySpan&lt;T&gt;</c> of the kernel.</summary>
    Elementwise,

    /// <summary>A variable, parameter or field the loop does not change: a run-time scalar of the kernel.</summary>
    Scalar,
}

/// <summary>One input of a map loop's formula: the collection or the scalar, and the parameter name it gets.</summary>
internal sealed class MapInput
{
    public MapInput(MapInputKind kind, ISymbol symbol, IOperation operation, string name)
    {
        Kind = kind;
        Symbol = symbol;
        Operation = operation;
        Name = name;
    }

    public MapInputKind Kind { get; }

    /// <summary>The array, span, variable, parameter or field.</summary>
    public ISymbol Symbol { get; }

    /// <summary>Its first reference: the collection of <c>x[i]</c>, or the scalar read.</summary>
    public IOperation Operation { get; }

    /// <summary>The formula's and the kernel's parameter name (the symbol's, made unique).</summary>
    public string Name { get; }
}

/// <summary>
/// A loop that maps arrays or spans elementwise, <c>for (int i = 0; i &lt; n; i++) y[i] = f(x[i], b[i], c);</c>, whose
/// right-hand side the <c>[Fused]</c> formula language supports (FA2012): <c>+ - * /</c>, unary minus, comparisons in
/// <c>?:</c>, <c>Math</c>/<c>MathF</c> <c>Abs</c>, <c>Min</c>, <c>Max</c>, <c>Clamp</c>, <c>Exp</c>, <c>Log</c>,
/// <c>Sqrt</c>, <c>FusedMultiplyAdd</c>, <c>Tanh</c>, the <c>FusedMath</c> activations (constant extra arguments) and
/// <c>Log1P</c>/<c>ExpM1</c>, constants, and elements <c>x[i]</c> and loop-invariant scalars of the element type.
/// </summary>
internal sealed class MapLoop
{
    /// <summary>
    /// The largest formula taken, in operations: the fix copies the expression with Roslyn's recursive rewriter and the
    /// generator lowers it, and a 20,000-term sum is as deep as it is long (the hostile-input suite's case).
    /// </summary>
    internal const int MaximumFormulaOperations = 4096;

    private static readonly ImmutableHashSet<string> MathFunctions = ImmutableHashSet.Create(
        "Abs", "Min", "Max", "Clamp", "Exp", "Log", "Sqrt", "FusedMultiplyAdd", "Tanh");

    /// <summary>The FusedMath functions of the formula language: the activations, Log1P and ExpM1.</summary>
    private static readonly ImmutableHashSet<string> FusedMathFunctions = ImmutableHashSet.Create(
        "Softplus", "Silu", "InverseSoftplus", "Elu", "LeakyRelu", "Gelu", "GeluTanh", "Sigmoid", "Tanh", "Mish", "Selu",
        "LogSigmoid", "Relu", "HardSwish", "Log1P", "ExpM1");

    private MapLoop(ForStatementSyntax syntax, IOperation bound, IOperation destination, ISymbol destinationSymbol, ITypeSymbol elementType, IOperation value)
    {
        Syntax = syntax;
        Bound = bound;
        Destination = destination;
        DestinationSymbol = destinationSymbol;
        ElementType = elementType;
        Value = value;
    }

    public ForStatementSyntax Syntax { get; }

    /// <summary><c>n</c> of <c>i &lt; n</c>.</summary>
    public IOperation Bound { get; }

    /// <summary>The collection of <c>y[i] = ...</c>.</summary>
    public IOperation Destination { get; }

    public ISymbol DestinationSymbol { get; }

    /// <summary>float or double.</summary>
    public ITypeSymbol ElementType { get; }

    /// <summary>The right-hand side: the formula.</summary>
    public IOperation Value { get; }

    /// <summary>The formula's parameters in order of first use.</summary>
    public ImmutableArray<MapInput> Inputs { get; private set; }

    /// <summary>The syntax a formula method replaces with a parameter name (<c>x[i]</c>, <c>this.c</c>), with the input's index.</summary>
    public ImmutableArray<(SyntaxNode Node, int Input)> Reads { get; private set; }

    /// <summary>References to local constants, which the formula method cannot see, with their values as literals.</summary>
    public ImmutableArray<(SyntaxNode Node, string Literal)> Constants { get; private set; }

    /// <summary>When the value is one <c>FusedMath</c> activation of one element (<c>FusedMath.Sigmoid(x[i])</c>): its name.</summary>
    public string? Activation { get; private set; }

    /// <summary>The single activation's constant arguments after x, by the <c>FusedMath</c> parameter name.</summary>
    public ImmutableArray<(string Parameter, object? Value, SyntaxNode Syntax)> ActivationArguments { get; private set; } =
        ImmutableArray<(string, object?, SyntaxNode)>.Empty;

    /// <summary>The loop's range in a message: <c>for (...)</c>.</summary>
    public Location HeaderLocation => Location.Create(Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Syntax.ForKeyword.SpanStart, Syntax.CloseParenToken.Span.End));

    /// <summary>The map loop <paramref name="loop"/> is, or null.</summary>
    public static MapLoop? TryCreate(IForLoopOperation loop, CancellationToken cancellationToken)
    {
        if (loop.Syntax is not ForStatementSyntax syntax
            || loop.Locals.Length != 1
            || !CountingLoops.IsCountingFromZero(loop, loop.Locals[0], out IOperation? bound)
            || SingleStatement(loop.Body) is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            || !CountingLoops.TryGetElement(assignment.Target, loop.Locals[0], out IOperation destination, out ITypeSymbol elementType, out _, out bool readOnly)
            || readOnly
            || elementType.SpecialType is not (SpecialType.System_Single or SpecialType.System_Double)
            || !SymbolEqualityComparer.Default.Equals(assignment.Value.Type, elementType)
            || CountingLoops.ReferencedSymbol(destination) is not { } destinationSymbol)
        {
            return null;
        }

        var map = new MapLoop(syntax, bound!, destination, destinationSymbol, elementType, assignment.Value);
        return map.ReadFormula(loop.Locals[0], cancellationToken) ? map : null;
    }

    private static IOperation? SingleStatement(IOperation body) =>
        body is IBlockOperation block ? (block.Operations.Length == 1 ? block.Operations[0] : null) : body;

    /// <summary>
    /// Walks the value (an explicit stack: a formula can be long) and records its inputs, reads and constants; false on
    /// anything the formula language does not have, or without any function call (a loop of arithmetic alone is what
    /// TensorPrimitives already does).
    /// </summary>
    private bool ReadFormula(ILocalSymbol counter, CancellationToken cancellationToken)
    {
        var inputs = new List<(MapInputKind Kind, ISymbol Symbol, IOperation Operation)>();
        var reads = ImmutableArray.CreateBuilder<(SyntaxNode, int)>();
        var constants = ImmutableArray.CreateBuilder<(SyntaxNode, string)>();
        int calls = 0, operations = 0;
        var pending = new Stack<IOperation>();
        pending.Push(Value);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++operations > MaximumFormulaOperations)
            {
                return false;
            }

            IOperation operation = pending.Pop();
            if (operation.ConstantValue.HasValue && operation.Type is { SpecialType: not SpecialType.System_String })
            {
                if (operation is ILocalReferenceOperation { Local.IsConst: true } constantLocal)
                {
                    constants.Add((operation.Syntax, Literal(operation.ConstantValue.Value)));
                }
                else if (ContainsLocalConstant(operation))
                {
                    return false; // 2 * k with a local const k: rare; its value would have to be spelled in another type
                }

                continue;
            }

            switch (operation)
            {
                case IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }:
                    if (!CountingLoops.TryGetElement(operation, counter, out IOperation collection, out ITypeSymbol element, out _, out _)
                        || !SymbolEqualityComparer.Default.Equals(element, ElementType)
                        || CountingLoops.ReferencedSymbol(collection) is not { } collectionSymbol)
                    {
                        return false;
                    }

                    reads.Add((operation.Syntax, InputIndex(inputs, MapInputKind.Elementwise, collectionSymbol, collection)));
                    break;
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation:
                    if (!IsScalar(operation, counter) || CountingLoops.ReferencedSymbol(operation) is not { } scalar)
                    {
                        return false;
                    }

                    reads.Add((operation.Syntax, InputIndex(inputs, MapInputKind.Scalar, scalar, operation)));
                    break;
                case IBinaryOperation { OperatorMethod: null } binary when IsElementType(binary.Type) && binary.OperatorKind is
                    BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide:
                    pending.Push(binary.RightOperand);
                    pending.Push(binary.LeftOperand);
                    break;
                case IBinaryOperation { OperatorMethod: null } comparison when operation.Parent is IConditionalOperation condition
                    && condition.Condition == operation
                    && IsElementType(comparison.LeftOperand.Type) && IsElementType(comparison.RightOperand.Type)
                    && comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                        or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                        or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                    pending.Push(comparison.RightOperand);
                    pending.Push(comparison.LeftOperand);
                    break;
                case IUnaryOperation { OperatorMethod: null, OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus } unary when IsElementType(unary.Type):
                    pending.Push(unary.Operand);
                    break;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when IsElementType(conditional.Type):
                    pending.Push(whenFalse);
                    pending.Push(conditional.WhenTrue);
                    pending.Push(conditional.Condition);
                    break;
                case IInvocationOperation invocation when IsFormulaCall(invocation):
                    calls++;
                    for (int i = invocation.Arguments.Length - 1; i >= 0; i--)
                    {
                        pending.Push(invocation.Arguments[i].Value);
                    }

                    break;
                default:
                    return false;
            }
        }

        if (calls == 0)
        {
            return false;
        }

        Reads = reads.ToImmutable();
        Inputs = NameInputs(inputs, Reads);
        Constants = constants.ToImmutable();
        FindSingleActivation();
        return true;
    }

    /// <summary>A Math/MathF function or FusedMath function of the formula language in the element type; FusedMath's arguments after x constant.</summary>
    private bool IsFormulaCall(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (!method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ReturnType, ElementType) || method.ContainingType is not { } type
            || type.ContainingNamespace is not { } ns)
        {
            return false;
        }

        string namespaceName = ns.ToDisplayString();
        if (namespaceName == "System" && type.Name is "Math" or "MathF")
        {
            return MathFunctions.Contains(method.Name) && (method.Name != "Log" || invocation.Arguments.Length == 1);
        }

        if (namespaceName != "FusedActivations" || type.Name != "FusedMath" || !FusedMathFunctions.Contains(method.Name) || invocation.Arguments.Length == 0)
        {
            return false;
        }

        for (int i = 1; i < invocation.Arguments.Length; i++)
        {
            if (!invocation.Arguments[i].Value.ConstantValue.HasValue || invocation.Arguments[i].ArgumentKind != ArgumentKind.Explicit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A read of a variable, parameter or field of the element type that the loop does not change.</summary>
    private bool IsScalar(IOperation operation, ILocalSymbol counter)
    {
        if (!IsElementType(operation.Type))
        {
            return false;
        }

        return operation switch
        {
            ILocalReferenceOperation local => !SymbolEqualityComparer.Default.Equals(local.Local, counter) && !local.Local.IsRef
                && !Syntax.Span.Contains(local.Local.DeclaringSyntaxReferences.Length == 1 ? local.Local.DeclaringSyntaxReferences[0].Span : Syntax.Span),
            IParameterReferenceOperation parameter => parameter.Parameter.RefKind is RefKind.None or RefKind.In,
            IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation && !field.Field.IsVolatile,
            _ => false,
        };
    }

    private bool IsElementType(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, ElementType);

    private static bool ContainsLocalConstant(IOperation operation)
    {
        foreach (IOperation part in operation.DescendantsAndSelf())
        {
            if (part is ILocalReferenceOperation { Local.IsConst: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The input of <paramref name="symbol"/>, added the first time.</summary>
    private static int InputIndex(List<(MapInputKind Kind, ISymbol Symbol, IOperation Operation)> inputs, MapInputKind kind, ISymbol symbol, IOperation operation)
    {
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Kind == kind && SymbolEqualityComparer.Default.Equals(inputs[i].Symbol, symbol))
            {
                return i;
            }
        }

        inputs.Add((kind, symbol, operation));
        return inputs.Count - 1;
    }

    /// <summary>
    /// The parameter names: each symbol's (a field's without a leading underscore, starting lower-case), made unique,
    /// never "destination" (the kernel's output) and never a name the formula keeps (a const field, a type): a
    /// parameter of that name would hide it.
    /// </summary>
    private ImmutableArray<MapInput> NameInputs(List<(MapInputKind Kind, ISymbol Symbol, IOperation Operation)> inputs, ImmutableArray<(SyntaxNode Node, int Input)> reads)
    {
        var replaced = new HashSet<SyntaxNode>();
        foreach ((SyntaxNode node, _) in reads)
        {
            replaced.Add(node);
        }

        var taken = new HashSet<string> { "destination" };
        foreach (SyntaxNode node in Value.Syntax.DescendantNodesAndSelf(descendIntoChildren: child => !replaced.Contains(child)))
        {
            if (node is IdentifierNameSyntax identifier && !replaced.Contains(node))
            {
                taken.Add(identifier.Identifier.ValueText);
            }
        }

        var named = ImmutableArray.CreateBuilder<MapInput>(inputs.Count);
        foreach ((MapInputKind kind, ISymbol symbol, IOperation operation) in inputs)
        {
            string baseName = symbol is IFieldSymbol ? symbol.Name.TrimStart('_') : symbol.Name;
            if (baseName.Length == 0)
            {
                baseName = "value";
            }
            else if (symbol is IFieldSymbol)
            {
                baseName = char.ToLowerInvariant(baseName[0]) + baseName.Substring(1);
            }

            string name = baseName;
            for (int suffix = 2; taken.Contains(name); suffix++)
            {
                name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            named.Add(new MapInput(kind, symbol, operation, SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name));
        }

        return named.MoveToImmutable();
    }

    /// <summary><c>FusedMath.Sigmoid(x[i])</c> (or with constant arguments after x): the loop is that activation's kernel.</summary>
    private void FindSingleActivation()
    {
        if (Inputs.Length == 1 && Inputs[0].Kind == MapInputKind.Elementwise
            && Value is IInvocationOperation { TargetMethod.ContainingType.Name: "FusedMath" } call
            && call.TargetMethod.Name is not ("Log1P" or "ExpM1")
            && call.Arguments.Length >= 1
            && call.Arguments[0].Value is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true })
        {
            Activation = call.TargetMethod.Name;
            var arguments = ImmutableArray.CreateBuilder<(string, object?, SyntaxNode)>();
            for (int i = 1; i < call.Arguments.Length; i++)
            {
                arguments.Add((call.Arguments[i].Parameter?.Name ?? string.Empty, call.Arguments[i].Value.ConstantValue.Value, call.Arguments[i].Value.Syntax));
            }

            ActivationArguments = arguments.ToImmutable();
        }
    }

    internal static string Literal(object? value)
    {
        string? special = value switch
        {
            double.NaN => "double.NaN",
            double.PositiveInfinity => "double.PositiveInfinity",
            double.NegativeInfinity => "double.NegativeInfinity",
            float.NaN => "float.NaN",
            float.PositiveInfinity => "float.PositiveInfinity",
            float.NegativeInfinity => "float.NegativeInfinity",
            _ => null,
        };
        if (special is not null)
        {
            return special;
        }

        string text = value switch
        {
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
            System.IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => "0",
        };
        if (value is double && !text.Contains(".") && !text.Contains("E"))
        {
            text += ".0";
        }

        return text.StartsWith("-", System.StringComparison.Ordinal) ? "(" + text + ")" : text;
    }
}
