using System.Collections.Generic;
using System.Linq;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>How a valid fused method's parameters feed its formula.</summary>
/// <param name="Parameters">Every parameter, as the implementation repeats it.</param>
/// <param name="Inputs">The formula's inputs in order (for a gradient: the forward inputs, then the output gradients).</param>
/// <param name="Outputs">The outputs in order.</param>
internal sealed record StreamBinding(
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<InputStream> Inputs,
    EquatableArray<OutputStream> Outputs)
{
    /// <summary>The roles of the first <paramref name="count"/> inputs: the forward formula's, for the derivative.</summary>
    public IReadOnlyList<StreamKind> KindsOfFirst(int count) => Inputs.Take(count).Select(input => input.Kind).ToList();
}
