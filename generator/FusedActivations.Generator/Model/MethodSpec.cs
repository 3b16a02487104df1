namespace FusedActivations.Generator.Model;

/// <summary>The element type a kernel computes in.</summary>
internal enum ElementType
{
    Single,
    Double,
}

/// <summary>The signature shapes an annotated method may have.</summary>
internal enum MethodShape
{
    /// <summary><c>void F(ReadOnlySpan&lt;T&gt; x, Span&lt;T&gt; destination)</c>.</summary>
    SpanToSpan,

    /// <summary><c>void F(Span&lt;T&gt; values)</c>.</summary>
    InPlace,

    /// <summary><c>T F(T x)</c>.</summary>
    Scalar,
}

/// <summary>
/// One partial type that encloses the annotated method, outermost first. <see cref="Keyword"/> is what the type was
/// declared with (<c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>);
/// <see cref="NameWithTypeParameters"/> is e.g. <c>Outer&lt;T&gt;</c>.
/// </summary>
internal sealed record ContainingTypeSpec(string Keyword, string NameWithTypeParameters);

/// <summary>A parameter of the annotated method, as it must be repeated in the implementing declaration.</summary>
internal sealed record ParameterSpec(string Modifiers, string Type, string Name);

/// <summary>
/// Everything the emitter needs to implement one annotated method: no symbols, syntax or locations, so that equal
/// inputs give equal models and the incremental pipeline can skip work.
/// </summary>
/// <param name="Namespace">The containing namespace, or null in the global namespace.</param>
/// <param name="ContainingTypes">The partial types around the method, outermost first.</param>
/// <param name="Modifiers">The method's modifiers as written, e.g. <c>public static partial</c>.</param>
/// <param name="ReturnType">The fully qualified return type, e.g. <c>void</c> or <c>float</c>.</param>
/// <param name="Name">The method name.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="Shape">Which supported signature shape the method has.</param>
/// <param name="Kernel">What to compute.</param>
/// <param name="RuntimeAlias">
/// The extern alias under which the runtime library is referenced, or null when it is visible through <c>global::</c>.
/// </param>
internal sealed record MethodSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Modifiers,
    string ReturnType,
    string Name,
    EquatableArray<ParameterSpec> Parameters,
    MethodShape Shape,
    KernelSpec Kernel,
    string? RuntimeAlias = null,
    int ParallelThreshold = 0);

/// <summary>The attribute's <c>Precision</c>: the runtime's <c>ActivationPrecision</c>, with the same values.</summary>
internal enum KernelPrecision
{
    /// <summary>The default bounds: about half an ULP for float, 1.5 ULP for double.</summary>
    Accurate = 0,

    /// <summary>At most 4 ULP: an activation's <see cref="Activations.Activation.ForwardFast"/> formula where it has one.</summary>
    Fast = 1,
}

/// <summary>What a kernel computes: the activation with its parameters, the element type, the loop unroll factor and the precision.</summary>
/// <param name="Activation">The activation and its parameters, as given in the attribute.</param>
/// <param name="Element">float or double.</param>
/// <param name="Unroll">Vectors per main-loop iteration: 1, 2, 4 or 8 (already resolved from the attribute's 0 = default).</param>
/// <param name="Precision">Accurate (the default) or Fast.</param>
internal sealed record KernelSpec(ActivationSpec Activation, ElementType Element, int Unroll, KernelPrecision Precision = KernelPrecision.Accurate);

/// <summary>An activation and its parameters. Each activation is a sealed record deriving from this one.</summary>
internal abstract record ActivationSpec
{
    /// <summary>The attribute's name without the suffix, e.g. <c>Softplus</c>.</summary>
    public abstract string Name { get; }
}

/// <summary>Softplus with PyTorch's beta and threshold, as doubles from the attribute (rounded later to the element type).</summary>
internal sealed record SoftplusSpec(double Beta, double Threshold) : ActivationSpec
{
    public override string Name => "Softplus";
}

/// <summary>
/// A declaration to emit for a method the generator reported an error for, so that the compiler does not add its own,
/// misleading error to ours: for a partial definition, an implementation whose body throws (instead of
/// <c>CS8795: Partial method must have an implementation part</c>); for a partial implementation written by the user, the
/// missing definition (instead of <c>CS0759: No defining declaration found</c>).
/// </summary>
/// <param name="Namespace">The containing namespace, or null in the global namespace.</param>
/// <param name="ContainingTypes">The partial types around the method, outermost first.</param>
/// <param name="Modifiers">The method's modifiers as written.</param>
/// <param name="ReturnType">The return type with <c>ref</c>/<c>ref readonly</c>, fully qualified.</param>
/// <param name="Name">The method name, escaped.</param>
/// <param name="TypeParameters">E.g. <c>&lt;T&gt;</c>, or empty.</param>
/// <param name="Parameters">The parameters with their modifiers, as the user wrote them, types fully qualified.</param>
/// <param name="IsVararg">Whether the parameter list ends with <c>__arglist</c>.</param>
/// <param name="Constraints">One <c>where</c> clause per constrained type parameter.</param>
/// <param name="IsDefinition">True: emit the defining declaration (the user wrote the body); false: a body that throws.</param>
/// <param name="DiagnosticIds">The errors reported for the method, e.g. <c>FA1003</c>, for the exception message.</param>
/// <param name="Position">Where the method is declared (file and offset): makes the hint name unique even in broken code.</param>
internal sealed record StubSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Modifiers,
    string ReturnType,
    string Name,
    string TypeParameters,
    EquatableArray<ParameterSpec> Parameters,
    bool IsVararg,
    EquatableArray<string> Constraints,
    bool IsDefinition,
    string DiagnosticIds,
    string Position);
