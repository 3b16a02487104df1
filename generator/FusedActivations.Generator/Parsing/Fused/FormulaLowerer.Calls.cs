using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>The calls of a formula: <c>Math</c>/<c>MathF</c> functions, <c>FusedMath</c>, and other formulas (inlined).</summary>
internal sealed partial class FormulaLowerer
{
    /// <summary>A call whose result is of the element type (the type check has already run).</summary>
    private FormulaNode? LowerInvocation(IInvocationOperation invocation, int depth)
    {
        IMethodSymbol target = invocation.TargetMethod;
        IReadOnlyList<IOperation>? arguments = invocation.Instance is null && target.IsStatic ? ArgumentsInOrder(invocation) : null;
        if (arguments is not null)
        {
            switch (FormulaFunctions.LibraryOf(target.ContainingType))
            {
                case FunctionLibrary.Math or FunctionLibrary.MathF:
                    if (target.Name == "Tanh" && arguments.Count == 1)
                    {
                        return LowerActivation(FormulaFunctions.Activations["Tanh"], arguments, depth);
                    }

                    if (FormulaFunctions.MathFunctions.TryGetValue((target.Name, arguments.Count), out MathFunction function))
                    {
                        return LowerMath(function, arguments, depth);
                    }

                    break;
                case FunctionLibrary.FusedMath:
                    if (arguments.Count == 1 && FormulaFunctions.FusedMathFunctions.TryGetValue(target.Name, out MathFunction fused))
                    {
                        return LowerMath(fused, arguments, depth);
                    }

                    if (FormulaFunctions.Activations.TryGetValue(target.Name, out ActivationFunction? activation)
                        && arguments.Count >= 1
                        && arguments.Count <= activation.Parameters.Length + 1)
                    {
                        return LowerActivation(activation, arguments, depth);
                    }

                    break;
                case FunctionLibrary.None when target.MethodKind == MethodKind.Ordinary
                    && SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, _formula.Symbol.ContainingType.OriginalDefinition):
                    return Inline(invocation, arguments, depth);
            }
        }

        string name = target.ContainingType is { } type ? type.Name + "." + target.Name : target.Name;
        return Unsupported<FormulaNode>(invocation.Syntax, $"'{name}' is not one of the functions a formula may call: {FormulaFunctions.Supported}");
    }

    private FormulaNode? LowerMath(MathFunction function, IReadOnlyList<IOperation> arguments, int depth)
    {
        if (function is MathFunction.Exp or MathFunction.Log or MathFunction.Log1P or MathFunction.ExpM1 && !CountFunctionCall())
        {
            return null;
        }

        var lowered = new FormulaNode[arguments.Count];
        bool valid = true;
        for (int i = 0; i < arguments.Count; i++)
        {
            FormulaNode? argument = Lower(arguments[i], depth + 1);
            valid &= argument is not null;
            lowered[i] = argument!;
        }

        return valid ? new MathNode(function, new EquatableArray<FormulaNode>(System.Collections.Immutable.ImmutableArray.Create(lowered))) : null;
    }

    /// <summary>
    /// An activation call: <c>x</c> lowered, the parameters after it folded into the spec, each a constant validated
    /// as the attribute validates the property of the same name (the overloads without it take the attribute's default).
    /// </summary>
    private FormulaNode? LowerActivation(ActivationFunction function, IReadOnlyList<IOperation> arguments, int depth)
    {
        if (!CountFunctionCall())
        {
            return null;
        }

        var values = new double[function.Parameters.Length];
        bool valid = true;
        for (int k = 0; k < function.Parameters.Length; k++)
        {
            ActivationParameter parameter = function.Parameters[k];
            if (k + 1 >= arguments.Count)
            {
                values[k] = parameter.Default;
                continue;
            }

            IOperation argument = arguments[k + 1];
            if (!argument.ConstantValue.HasValue || !TryNumber(argument.ConstantValue.Value, out double value))
            {
                string example = AttributeArguments.Format(parameter.Default) + (Element == ElementType.Single ? "f" : string.Empty);
                Report(DiagnosticDescriptors.ActivationArgumentNotConstant, argument.Syntax, parameter.Name, function.Name, _scope.Method.Name, example);
                valid = false;
                continue;
            }

            if (parameter.Validate(value, Element, _scope.Method.Name, LocationInfo.From(argument.Syntax)) is { } problem)
            {
                _failed = true;
                _diagnostics.Add(problem);
                valid = false;
                continue;
            }

            values[k] = value;
        }

        FormulaNode? x = Lower(arguments[0], depth + 1);
        return valid && x is not null ? new ActivationNode(function.Build(values), x) : null;
    }

    /// <summary>Counts a call of a function the kernel inlines; false (reported once) past <see cref="MaxFunctionCalls"/>.</summary>
    private bool CountFunctionCall()
    {
        if (++_functionCalls <= MaxFunctionCalls)
        {
            return true;
        }

        TooLarge(LocationInfo.From(_formula.Declaration.Identifier), _formula.Name, _formula.Name, $"with its calls inlined it calls math functions and activations more than {MaxFunctionCalls} times, and the kernel inlines each one's vector code (hundreds of lines): compute a repeated call once, in a local, or split the formula into two [Fused] methods applied one after the other");
        return false;
    }

    /// <summary>The arguments in the order of the parameters, defaults included; null for a params array.</summary>
    private static IReadOnlyList<IOperation>? ArgumentsInOrder(IInvocationOperation invocation)
    {
        var ordered = new IOperation?[invocation.TargetMethod.Parameters.Length];
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind is not (ArgumentKind.Explicit or ArgumentKind.DefaultValue)
                || argument.Parameter is not { } parameter
                || parameter.Ordinal >= ordered.Length)
            {
                return null;
            }

            ordered[parameter.Ordinal] = argument.Value;
        }

        return ordered.All(argument => argument is not null) ? ordered.Select(argument => argument!).ToArray() : null;
    }

    private static bool TryNumber(object? constant, out double value)
    {
        switch (constant)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            default: value = 0; return false;
        }
    }
}
