using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// Matches a <c>[Fused]</c> method's parameters to its formula: one input per formula parameter, in order
/// (<c>ReadOnlySpan&lt;T&gt;</c>, <c>[Broadcast] ReadOnlySpan&lt;T&gt;</c> or <c>T</c>), then one <c>Span&lt;T&gt;</c>
/// per output. Each problem is FA1018 at the parameter at fault (at the parameter list for a wrong count).
/// </summary>
internal static class ForwardSignatureMatcher
{
    public static StreamBinding? Match(FusedSignatureContext context)
    {
        if (!context.CheckPassingModes())
        {
            return null;
        }

        int inputs = context.Formula.ParameterNames.Length;
        int outputs = context.Formula.OutputCount;
        if (context.Parameters.Length != inputs + outputs)
        {
            context.Mismatch(
                context.ParameterListLocation,
                $"it has {FusedSignatureContext.Count(context.Parameters.Length, "parameter", "parameters")}, but the formula's {FusedSignatureContext.Count(inputs, "input", "inputs")}{Names(context)} and {FusedSignatureContext.Count(outputs, "output", "outputs")} need {inputs + outputs}: "
                + $"for each formula parameter a ReadOnlySpan<{context.T}>, a [Broadcast] ReadOnlySpan<{context.T}> or a {context.T}, then one Span<{context.T}> per output");
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

        var results = new List<OutputStream>();
        for (int j = 0; j < outputs; j++)
        {
            MethodParameter parameter = context.Parameters[inputs + j];
            if (context.OutputProblem(parameter, $"output '{parameter.Symbol.Name}'") is { } problem)
            {
                context.Mismatch(context.OutputProblemLocation(parameter), problem);
                valid = false;
            }

            results.Add(new OutputStream(context.NameOf(inputs + j)));
        }

        return valid
            ? new StreamBinding(context.ParameterSpecs(), new EquatableArray<InputStream>(streams.ToImmutableArray()), new EquatableArray<OutputStream>(results.ToImmutableArray()))
            : null;
    }

    /// <summary>The formula's parameter names in parentheses, e.g. <c> (raw, bias)</c>, or nothing when it has none.</summary>
    internal static string Names(FusedSignatureContext context) =>
        context.Formula.Symbol.Parameters.Length == 0 ? string.Empty : " (" + string.Join(", ", context.Formula.Symbol.Parameters.Select(parameter => parameter.Name)) + ")";
}
