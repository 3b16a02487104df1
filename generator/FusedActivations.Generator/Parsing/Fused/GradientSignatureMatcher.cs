using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// Matches a <c>[FusedGradient]</c> method's parameters to its formula: the formula's inputs with the roles of a
/// <c>[Fused]</c> method (their problems are FA1018), then one <c>ReadOnlySpan&lt;T&gt;</c> gradient per formula output,
/// then one <c>Span&lt;T&gt;</c> per input that is not a run-time scalar, in order (their problems, and a wrong count,
/// are FA1023).
/// </summary>
internal static class GradientSignatureMatcher
{
    public static StreamBinding? Match(FusedSignatureContext context)
    {
        if (!context.CheckPassingModes())
        {
            return null;
        }

        int inputs = context.Formula.ParameterNames.Length;
        int outputs = context.Formula.OutputCount;
        string T = context.T;
        int count = context.Parameters.Length;

        // An input's form decides whether it has a gradient: every one but a plain value (a scalar) does.
        List<int> differentiable = Enumerable.Range(0, System.Math.Min(inputs, count))
            .Where(i => context.Parameters[i].Form != ParameterForm.Value)
            .ToList();
        int expected = inputs + outputs + differentiable.Count;
        if (count < inputs || count != expected)
        {
            string layout = $"its {FusedSignatureContext.Count(inputs, "input", "inputs")}{ForwardSignatureMatcher.Names(context)} as for [Fused], then one ReadOnlySpan<{T}> gradient per output ({outputs}), then one Span<{T}> per input that is not a {T} scalar, in order";
            context.GradientMismatch(
                context.ParameterListLocation,
                count < inputs
                    ? $"it has {FusedSignatureContext.Count(count, "parameter", "parameters")}, but takes {layout}"
                    : $"it has {FusedSignatureContext.Count(count, "parameter", "parameters")}, but takes {expected}: {layout}{(differentiable.Count == 0 ? " (none here)" : string.Empty)}");
            return null;
        }

        bool valid = true;
        var streams = new List<InputStream>();
        for (int i = 0; i < inputs; i++)
        {
            StreamKind? kind = context.InputRole(i);
            valid &= kind is not null;
            streams.Add(new InputStream(kind ?? StreamKind.Elementwise, context.NameOf(i)));
        }

        if (differentiable.Count == 0)
        {
            context.GradientMismatch(context.ParameterListLocation, $"every input is a {T} scalar, and scalars get no gradient: make at least one input a ReadOnlySpan<{T}>");
            return null;
        }

        for (int j = 0; j < outputs; j++)
        {
            MethodParameter parameter = context.Parameters[inputs + j];
            string which = outputs == 1 ? "the formula's output" : $"the formula's output {j}";
            if (parameter.Form != ParameterForm.ReadOnlySpan || !FormulaSignatureChecks.IsElement(parameter.Element, context.Formula.Element))
            {
                context.GradientMismatch(context.ParameterTypeLocation(parameter.Index), $"'{parameter.Symbol.Name}' must be a ReadOnlySpan<{T}>, the gradient of {which}, not '{FormulaSignatureChecks.Shown(parameter.Symbol.Type)}'");
                valid = false;
            }
            else if (parameter.Broadcast is not null)
            {
                context.GradientMismatch(context.BroadcastLocation(parameter), $"the gradients of the outputs have one value per element: remove [Broadcast] from '{parameter.Symbol.Name}'");
                valid = false;
            }

            streams.Add(new InputStream(StreamKind.Elementwise, context.NameOf(inputs + j)));
        }

        var results = new List<OutputStream>();
        for (int t = 0; t < differentiable.Count; t++)
        {
            int input = differentiable[t];
            MethodParameter parameter = context.Parameters[inputs + outputs + t];
            if (context.OutputProblem(parameter, $"'{parameter.Symbol.Name}' (the gradient of '{context.Parameters[input].Symbol.Name}')") is { } problem)
            {
                context.GradientMismatch(context.OutputProblemLocation(parameter), problem);
                valid = false;
            }

            results.Add(new OutputStream(context.NameOf(inputs + outputs + t), input));
        }

        return valid
            ? new StreamBinding(context.ParameterSpecs(), new EquatableArray<InputStream>(streams.ToImmutableArray()), new EquatableArray<OutputStream>(results.ToImmutableArray()))
            : null;
    }
}
