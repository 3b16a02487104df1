using System.Collections.Generic;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing;

namespace FusedActivations.Generator.Activations;

/// <summary>
/// One activation: its attribute, the reading and validation of its arguments, its folded constants and its formula.
/// Everything else a kernel has (argument checks, dispatch, the loops of every path, unrolling, widening float to
/// double and back) is the engine's (<see cref="KernelClassEmitter"/>). Each activation is a folder under
/// <c>Activations/</c>; <see cref="ActivationRegistry"/> lists them, one line each. Its scalar twin is the
/// <c>FusedMath</c> function of the same name in the runtime library.
/// </summary>
internal abstract class Activation
{
    /// <summary>The attribute's name without the suffix, e.g. <c>Softplus</c>: names the kernel classes too.</summary>
    public abstract string Name { get; }

    /// <summary>The attribute's metadata name, e.g. <c>FusedActivations.SoftplusAttribute</c>.</summary>
    public string MetadataName => "FusedActivations." + Name + "Attribute";

    /// <summary>
    /// Reads the attribute's own named arguments into the spec; null when they are invalid (after adding diagnostics)
    /// or not constants yet (quietly: the compiler reports those).
    /// </summary>
    public abstract ActivationSpec? ReadArguments(ActivationArgumentContext context);

    /// <summary>The value computed, for the kernel's documentation, e.g. <c>max(x, 0) + log1p(exp(-beta |x|)) / beta</c>.</summary>
    public abstract string Describe(ActivationSpec spec, ElementInfo element);

    /// <summary>What distinguishes this kernel shape (Fast or not) from the activation's others, for its documentation (or null).</summary>
    public virtual string? DescribeShape(ActivationSpec spec, ElementInfo element, bool fast) => null;

    /// <summary>The method's arguments as its constants struct documents them, e.g. <c>beta = 2 and threshold = 20</c>.</summary>
    public abstract string DescribeArguments(ActivationSpec spec);

    /// <summary>
    /// The constants folded from the method's arguments, with the method's values: they live in its constants struct,
    /// and the shared kernel reads them by name. Names, types and documentation must not depend on the values.
    /// </summary>
    public abstract IReadOnlyList<KernelConstant> Folded(ActivationSpec spec, ElementInfo element);

    /// <summary>
    /// Whether a float kernel computes in double on <paramref name="isa"/> (and rounds once at the end), through
    /// <see cref="ForwardWide"/> and <see cref="Epilogue"/>. Otherwise <see cref="Forward"/> computes in the element type.
    /// </summary>
    public abstract bool Widens(IsaDialect isa, ElementInfo element);

    /// <summary>
    /// How many float vectors the widened formula of <paramref name="spec"/> computes side by side at most on
    /// <paramref name="isa"/> (2 double vectors each): 4, measured fastest for Softplus on AVX-512 (8 spilled registers,
    /// 3x slower). Formulas with many live constants lower it on the ISAs with 16 vector registers. A larger Unroll is
    /// computed one group per call.
    /// </summary>
    public virtual int WideGroupOn(IsaDialect isa, ActivationSpec spec) => 4;

    /// <summary>
    /// The same for the formulas in the element type (double kernels, Fast kernels): how many vectors are computed side
    /// by side at most on <paramref name="isa"/>. 4 by default: on AVX2 one or two at a time, although they spill less,
    /// were 5-30 % slower for most activations (BenchmarkDotNet, 64 Ki, 30 November 2026): the side-by-side chains
    /// hide each other's latency.
    /// </summary>
    public virtual int GroupOn(IsaDialect isa, ActivationSpec spec) => 4;

    /// <summary>
    /// For the kernel's documentation, where every path widens: which paths agree bit for bit, if not all the FMA
    /// paths (null: they all do).
    /// </summary>
    public virtual string? DescribeWidenedPaths(ElementInfo element) => null;

    /// <summary>The formula in the element type: returns the result of <paramref name="x"/>.</summary>
    public abstract Value Forward(FormulaBuilder b, Value x, ActivationSpec spec);

    /// <summary>The widened float formula: computes in double from the widened input <paramref name="w"/>; the engine rounds the result.</summary>
    public virtual Value ForwardWide(FormulaBuilder b, Value w, ActivationSpec spec) => Forward(b, w, spec);

    /// <summary>
    /// Whether <c>Precision = Fast</c> has a formula of its own for <paramref name="element"/> (<see cref="ForwardFast"/>);
    /// without one, a Fast kernel is the Accurate kernel, which is within Fast's bound too.
    /// </summary>
    public virtual bool HasFast(ActivationSpec spec, ElementInfo element) => false;

    /// <summary>The constants <see cref="ForwardFast"/> reads, folded like <see cref="Folded"/> (by default the same ones).</summary>
    public virtual IReadOnlyList<KernelConstant> FoldedFast(ActivationSpec spec, ElementInfo element) => Folded(spec, element);

    /// <summary>The constants a kernel of <paramref name="precision"/> reads: <see cref="FoldedFast"/> where it computes the Fast formula.</summary>
    public IReadOnlyList<KernelConstant> FoldedFor(ActivationSpec spec, ElementInfo element, KernelPrecision precision) =>
        precision == KernelPrecision.Fast && HasFast(spec, element) ? FoldedFast(spec, element) : Folded(spec, element);

    /// <summary>
    /// The Fast formula in the element type, on every path (no widening, no compensation): at most 4 ULP, with the same
    /// special values, limits and subnormal results as <see cref="Forward"/>. Called only where <see cref="HasFast"/> is true.
    /// </summary>
    public virtual Value ForwardFast(FormulaBuilder b, Value x, ActivationSpec spec) =>
        throw new System.InvalidOperationException(Name + " has no Fast formula.");

    /// <summary>After rounding to float: the result from the original input <paramref name="x"/> and the rounded <paramref name="y"/>.</summary>
    public virtual Value Epilogue(FormulaBuilder b, Value x, Value y, ActivationSpec spec) => y;

    /// <summary>
    /// d/dx of the activation at <paramref name="x"/>, as a formula (the <c>[FusedGradient]</c> rule; PyTorch's
    /// conventions at kinks and thresholds), or null while the activation has no rule. Its literals are values of
    /// <paramref name="element"/> (the spec's arguments rounded to it, as the forward kernel rounds them). A branch
    /// that is the literal 0 selects 0 instead of multiplying the incoming gradient by 0, as PyTorch's backward kernels
    /// do (an infinite or NaN gradient stays out of it): see <c>Differentiation/FormulaGradient</c>.
    /// </summary>
    public virtual FormulaNode? Derivative(ActivationSpec spec, FormulaNode x, ElementInfo element) => null;
}
