using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// Lowers a formula method's body (C# operations, as the semantic model binds them) into a <see cref="FormulaSpec"/>:
/// this file the statements, locals and inlined calls; <c>FormulaLowerer.Expressions.cs</c> the expressions;
/// <c>FormulaLowerer.Calls.cs</c> the calls.
/// </summary>
/// <remarks>
/// Working on the bound operations rather than the syntax gives C#'s own answers for free: which overload a call
/// binds to, the implicit conversions (so <c>x * 2</c> in a float formula multiplies by the constant 2f), constants
/// folded as the compiler folds them, and the type every subexpression is computed in. Each problem is reported once,
/// at the node at fault, in terms of the formula method that contains it (so a helper reached from two formulas
/// reports the same diagnostic twice, which the pipeline keeps once); lowering goes on past it to find the others. A
/// formula with compile errors is left to the compiler: nothing is reported.
/// </remarks>
internal sealed partial class FormulaLowerer
{
    /// <summary>Deeper expressions are refused rather than risk the stack of every recursive pass after this one.</summary>
    internal const int MaxDepth = 200;

    /// <summary>Inlining can multiply a formula's size; past this many operations it is refused.</summary>
    internal const int MaxOperations = 20000;

    /// <summary>
    /// Calls of the functions whose vector code the kernel inlines (exp, log, log1p, expm1 and the activations, tanh
    /// among them) are limited apart: each writes hundreds of lines on every path (measured: about 700 per
    /// <c>MathF.Tanh</c> in a forward kernel, 2,100 in its gradient), so a formula of thousands of them would take the
    /// compiler minutes. Real formulas call a few.
    /// </summary>
    internal const int MaxFunctionCalls = 16;

    private readonly Compilation _compilation;
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Dictionary<IMethodSymbol, IBlockOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, FormulaSignatureCheck> _callees = new(SymbolEqualityComparer.Default);
    private readonly FormulaMethod _formula;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly List<FormulaNode> _locals = new();
    private readonly List<IMethodSymbol> _inlining = new();
    private Scope _scope = null!;
    private int _operations;
    private int _functionCalls;
    private bool _failed;
    private bool _sizeReported;

    private FormulaLowerer(FormulaMethod formula, SemanticModel model, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _formula = formula;
        _compilation = model.Compilation;
        _models[model.SyntaxTree] = model;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    private ElementType Element => _formula.Element;

    /// <summary>The element type's name, e.g. <c>float</c>.</summary>
    private string T => FormulaSignatureChecks.Name(Element);

    /// <summary>
    /// The formula's spec, or null when it cannot be lowered (diagnostics added, or compile errors: quietly).
    /// <paramref name="model"/> is the annotated method's, reused where the formula is in the same file.
    /// </summary>
    public static FormulaSpec? Lower(FormulaMethod formula, SemanticModel model, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var lowerer = new FormulaLowerer(formula, model, diagnostics, cancellationToken);
        FormulaNode[] parameters = Enumerable.Range(0, formula.ParameterNames.Length).Select(index => (FormulaNode)new ParameterNode(index)).ToArray();
        IReadOnlyList<FormulaNode?>? results = lowerer.LowerBody(formula, parameters, 0);
        if (lowerer._failed || results is null || results.Any(result => result is null))
        {
            return null;
        }

        return new FormulaSpec(
            formula.Element,
            new EquatableArray<string>(formula.ParameterNames),
            new EquatableArray<FormulaNode>(lowerer._locals.ToImmutableArray()),
            new EquatableArray<FormulaNode>(results.Select(result => result!).ToImmutableArray()),
            FormulaText.Display(formula.Declaration));
    }

    /// <summary>
    /// Lowers <paramref name="method"/>'s body with its parameters bound to <paramref name="arguments"/>; its locals are
    /// appended to the formula's. The results (one per output), or null when the body cannot be lowered. An inlined
    /// body starts at the depth of its call, so that a long chain of calls is bounded like a deep expression.
    /// </summary>
    private IReadOnlyList<FormulaNode?>? LowerBody(FormulaMethod method, IReadOnlyList<FormulaNode> arguments, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (BodyOf(method) is not { } block)
        {
            return Quiet();
        }

        Scope outer = _scope;
        _scope = new Scope(method, arguments, depth);
        _inlining.Add(method.Symbol.OriginalDefinition);
        try
        {
            return LowerStatements(block);
        }
        finally
        {
            _inlining.RemoveAt(_inlining.Count - 1);
            _scope = outer;
        }
    }

    private IReadOnlyList<FormulaNode?>? LowerStatements(IBlockOperation block)
    {
        IReadOnlyList<FormulaNode?>? results = null;
        foreach (IOperation statement in block.Operations)
        {
            if (statement is IEmptyOperation)
            {
                continue;
            }

            if (results is not null)
            {
                return Unsupported(statement.Syntax, "nothing may follow the 'return': " + BodyShape);
            }

            switch (statement)
            {
                case IVariableDeclarationGroupOperation group:
                    foreach (IVariableDeclarationOperation declaration in group.Declarations)
                    {
                        foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                        {
                            DeclareLocal(declaration, declarator);
                        }
                    }

                    break;
                case IReturnOperation { ReturnedValue: { } value }:
                    results = LowerResults(value);
                    if (results is null)
                    {
                        return null;
                    }

                    break;
                default:
                    return Unsupported(statement.Syntax, BodyShape);
            }
        }

        return results ?? Quiet();
    }

    /// <summary>
    /// The method's body as bound operations, or null when it has compile errors (the compiler reports them). A helper
    /// inlined at several calls is bound once.
    /// </summary>
    private IBlockOperation? BodyOf(FormulaMethod method)
    {
        if (_bodies.TryGetValue(method.Symbol, out IBlockOperation? known))
        {
            return known;
        }

        IBlockOperation? block = null;
        SyntaxTree tree = method.Declaration.SyntaxTree;
        if (_models.TryGetValue(tree, out SemanticModel? model) || _compilation.ContainsSyntaxTree(tree))
        {
            model ??= _models[tree] = _compilation.GetSemanticModel(tree);
            if (!model.GetDiagnostics(method.Declaration.Span, _cancellationToken).Any(diagnostic => diagnostic.DefaultSeverity == DiagnosticSeverity.Error)
                && model.GetOperation(method.Declaration, _cancellationToken) is IMethodBodyOperation body)
            {
                block = body.BlockBody ?? body.ExpressionBody;
            }
        }

        _bodies[method.Symbol] = block;
        return block;
    }

    /// <summary>What a formula's body may be, for messages.</summary>
    private static string BodyShape =>
        "a formula's body is an expression ('=> ...'), or a block of local declarations with initializers and one 'return' at its end";

    private void DeclareLocal(IVariableDeclarationOperation declaration, IVariableDeclaratorOperation declarator)
    {
        ILocalSymbol local = declarator.Symbol;
        if (local.IsConst)
        {
            return; // Its uses are constants, folded where they are.
        }

        IOperation? initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
        if (initializer is null)
        {
            _scope.Locals[local] = null;
            Unsupported(declarator.Syntax, $"a local needs an initializer: declare it where its value is known, '{T} {local.Name} = ...;'");
            return;
        }

        if (!FormulaSignatureChecks.IsElement(local.Type, Element))
        {
            _scope.Locals[local] = null;
            bool isVar = declaration.Syntax is VariableDeclarationSyntax { Type.IsVar: true };
            if (FormulaSignatureChecks.ElementTypeOf(local.Type) is null)
            {
                SyntaxNode at = declaration.Declarators.Length == 1 ? declaration.Syntax : declarator.Syntax;
                Unsupported(at, $"local '{local.Name}' is {Article(local.Type)}, but every value of a {T} formula is a {T}");
            }
            else if (isVar)
            {
                WrongPrecision(initializer); // The initializer's type is the local's: find what in it is a double.
            }
            else
            {
                SyntaxNode at = (declaration.Syntax as VariableDeclarationSyntax)?.Type ?? declarator.Syntax;
                Report(DiagnosticDescriptors.MixedPrecisionFormula, at, local.Name, _scope.Method.Name, FormulaSignatureChecks.Shown(local.Type), T, $"declare it '{T} {local.Name}'");
            }

            return;
        }

        FormulaNode? value = Lower(initializer, _scope.Depth);
        if (value is null)
        {
            _scope.Locals[local] = null;
            return;
        }

        _locals.Add(value);
        _scope.Locals[local] = new LocalNode(_locals.Count - 1);
    }

    /// <summary>The returned value, or a returned tuple's elements, one node per output.</summary>
    private IReadOnlyList<FormulaNode?>? LowerResults(IOperation value)
    {
        if (!_scope.Method.ReturnsTuple)
        {
            return new[] { Lower(value, _scope.Depth) };
        }

        IOperation tuple = value;
        while (tuple is IConversionOperation { IsImplicit: true } conversion)
        {
            tuple = conversion.Operand;
        }

        if (tuple is not ITupleOperation { Elements: var elements } || elements.Length != _scope.Method.OutputCount)
        {
            return Unsupported(value.Syntax, $"return the outputs as a tuple literal, '({string.Join(", ", Enumerable.Range(1, _scope.Method.OutputCount).Select(i => "y" + i))})'");
        }

        return elements.Select(element => Lower(element, _scope.Depth)).ToArray();
    }

    /// <summary>Inlines a call of another formula method: its arguments and locals become locals of this formula.</summary>
    private FormulaNode? Inline(IInvocationOperation invocation, IReadOnlyList<IOperation> arguments, int depth)
    {
        IMethodSymbol callee = invocation.TargetMethod.OriginalDefinition;
        int cycle = _inlining.FindIndex(method => SymbolEqualityComparer.Default.Equals(method, callee));
        if (cycle >= 0)
        {
            string chain = string.Join(" -> ", _inlining.Skip(cycle).Select(method => method.Name).Append(callee.Name));
            Report(DiagnosticDescriptors.RecursiveFormula, invocation.Syntax, _scope.Method.Name, callee.Name, chain);
            return null;
        }

        if (!_callees.TryGetValue(callee, out FormulaSignatureCheck? check))
        {
            check = _callees[callee] = FormulaSignatureChecks.Check(callee, _cancellationToken);
        }

        if (check.Formula is not { } formula)
        {
            return check.Problems.IsEmpty
                ? Quiet<FormulaNode>()
                : Unsupported<FormulaNode>(invocation.Syntax, $"'{callee.Name}' is not a formula that can be inlined: it {check.Problems[0].Problem}");
        }

        var bound = new FormulaNode[arguments.Count];
        for (int i = 0; i < arguments.Count; i++)
        {
            FormulaNode? argument = Lower(arguments[i], depth + 1);
            if (argument is null)
            {
                return null;
            }

            // A computed argument is computed once, however often the callee uses its parameter.
            if (argument is ParameterNode or LocalNode or LiteralNode)
            {
                bound[i] = argument;
            }
            else
            {
                _locals.Add(argument);
                bound[i] = new LocalNode(_locals.Count - 1);
            }
        }

        IReadOnlyList<FormulaNode?>? results = LowerBody(formula, bound, depth + 1);
        return results is { Count: 1 } ? results[0] : Quiet<FormulaNode>();
    }

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode at, params string[] arguments)
    {
        _failed = true;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(at), arguments));
    }

    /// <summary>Adds FA1019 at <paramref name="at"/>; returns null so that callers can return it.</summary>
    private IReadOnlyList<FormulaNode?>? Unsupported(SyntaxNode at, string reason) => Unsupported<IReadOnlyList<FormulaNode?>>(at, reason);

    private TResult? Unsupported<TResult>(SyntaxNode at, string reason)
        where TResult : class
    {
        Report(DiagnosticDescriptors.UnsupportedFormulaConstruct, at, FormulaText.Snippet(at), _scope.Method.Name, reason);
        return null;
    }

    /// <summary>Gives up without a diagnostic: the code has errors the compiler reports.</summary>
    private IReadOnlyList<FormulaNode?>? Quiet() => Quiet<IReadOnlyList<FormulaNode?>>();

    private TResult? Quiet<TResult>()
        where TResult : class
    {
        _failed = true;
        return null;
    }

    /// <summary>"an int", "a bool": a type with its article, for messages.</summary>
    private static string Article(ITypeSymbol? type)
    {
        string name = type is null ? "unknown type" : FormulaSignatureChecks.Shown(type);
        return ("aeiouAEIOU".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;
    }

    /// <summary>The parameters and locals in sight while lowering one method's body.</summary>
    private sealed class Scope
    {
        public Scope(FormulaMethod method, IReadOnlyList<FormulaNode> parameters, int depth)
        {
            Method = method;
            Parameters = parameters;
            Depth = depth;
        }

        public FormulaMethod Method { get; }

        /// <summary>The depth the body's expressions start at: 0, or an inlined call's.</summary>
        public int Depth { get; }

        /// <summary>What each parameter stands for: the formula's parameter, or an inlined call's argument.</summary>
        public IReadOnlyList<FormulaNode> Parameters { get; }

        /// <summary>
        /// Whether <paramref name="parameter"/> is one of this method's: a partial method's body refers to its
        /// implementing part's parameters, which are other symbols than its definition's.
        /// </summary>
        public bool Declares(IParameterSymbol parameter)
        {
            ISymbol owner = parameter.ContainingSymbol.OriginalDefinition;
            IMethodSymbol method = Method.Symbol.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(owner, method)
                || SymbolEqualityComparer.Default.Equals(owner, method.PartialImplementationPart)
                || SymbolEqualityComparer.Default.Equals(owner, method.PartialDefinitionPart);
        }

        /// <summary>Each local's node, or null when its declaration failed (already reported).</summary>
        public Dictionary<ILocalSymbol, FormulaNode?> Locals { get; } = new(SymbolEqualityComparer.Default);
    }
}
