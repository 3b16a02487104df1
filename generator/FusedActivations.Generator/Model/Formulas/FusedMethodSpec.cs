namespace FusedActivations.Generator.Model.Formulas;

/// <summary>How one formula parameter reaches the kernel.</summary>
internal enum StreamKind
{
    /// <summary><c>ReadOnlySpan&lt;T&gt;</c>: one value per element.</summary>
    Elementwise,

    /// <summary><c>[Broadcast] ReadOnlySpan&lt;T&gt;</c>: one value per channel; the elementwise inputs are rows x channels, row-major.</summary>
    Broadcast,

    /// <summary><c>T</c>: one run-time value for every element (not folded).</summary>
    Scalar,
}

/// <summary>One formula input of a fused method: its role and the method parameter that carries it (its name as written, <c>@</c> included).</summary>
internal sealed record InputStream(StreamKind Kind, string ParameterName);

/// <summary>
/// One output of a fused method: the <c>Span&lt;T&gt;</c> parameter that receives it, and for a gradient method the
/// index of the forward input it is the gradient of (-1 for a forward method).
/// </summary>
internal sealed record OutputStream(string ParameterName, int GradientOf = -1);

/// <summary>
/// A <c>[Fused]</c> or <c>[FusedGradient]</c> method: what to compute per element (<see cref="Formula"/>, for a
/// gradient method already the derived gradient formula) and how the method's parameters feed it.
/// </summary>
/// <param name="Namespace">The containing namespace, or null in the global namespace.</param>
/// <param name="ContainingTypes">The partial types around the method, outermost first.</param>
/// <param name="Modifiers">The method's modifiers as written, e.g. <c>public static partial</c>.</param>
/// <param name="Name">The method name, escaped.</param>
/// <param name="Parameters">The method's parameters in order (inputs, then for a gradient the output gradients, then the outputs), as the implementation repeats them.</param>
/// <param name="Inputs">Each formula input in the formula's parameter order (for a gradient method: the forward inputs, then one elementwise gradient per forward output).</param>
/// <param name="Outputs">Each output in order, one per result of <paramref name="Formula"/>.</param>
/// <param name="Formula">The per-element formula: its parameters are <see cref="Inputs"/>, its results the method's outputs (for a gradient method: one per non-scalar forward input, in order).</param>
/// <param name="IsGradient">Whether this is a gradient method: the outputs of broadcast inputs are then sums over rows.</param>
/// <param name="RuntimeAlias">The extern alias of the runtime library's reference, or null.</param>
/// <param name="ParallelThreshold">With <c>Parallel = true</c>, the element count from which a call is split across the thread pool; 0 without.</param>
internal sealed record FusedMethodSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Modifiers,
    string Name,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<InputStream> Inputs,
    EquatableArray<OutputStream> Outputs,
    FormulaSpec Formula,
    bool IsGradient,
    string? RuntimeAlias = null,
    int ParallelThreshold = 0);
