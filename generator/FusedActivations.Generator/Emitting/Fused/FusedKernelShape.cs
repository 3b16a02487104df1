using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>
/// What a fused kernel class depends on: the formula, the kind of each input, and per output whether it is elementwise
/// or a sum over rows (the gradient of a broadcast input: one value per channel); and whether a method of it runs in
/// parallel (its class then also splits calls across the thread pool).
/// </summary>
internal sealed class FusedKernelShape
{
    public FusedKernelShape(FormulaSpec formula, IReadOnlyList<StreamKind> kinds, IReadOnlyList<bool> sums, bool parallel = false)
    {
        Formula = formula;
        Kinds = kinds;
        Sums = sums;
        Parallel = parallel;
    }

    /// <summary>Whether <c>Apply</c> takes a threshold from which it splits a call across the thread pool.</summary>
    public bool Parallel { get; }

    /// <summary>Per output: true where it is summed over rows into one value per channel.</summary>
    public IReadOnlyList<bool> Sums { get; }

    public FormulaSpec Formula { get; }

    public IReadOnlyList<StreamKind> Kinds { get; }

    public int Outputs => Sums.Count;
}
