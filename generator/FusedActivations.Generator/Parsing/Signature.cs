using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Parsing;

/// <summary>A supported signature, ready to be repeated by the implementing declaration.</summary>
/// <param name="Shape">Which of the supported shapes it is.</param>
/// <param name="Element">The element type T.</param>
/// <param name="ReturnType">The fully qualified return type (<c>void</c>, <c>float</c> or <c>double</c>).</param>
/// <param name="Parameters">The parameters with fully qualified types.</param>
internal sealed record Signature(MethodShape Shape, ElementType Element, string ReturnType, EquatableArray<ParameterSpec> Parameters);
