using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>
/// What a fused kernel class depends on: the formula, the kind of each input, and per output whether it is elementwise
/// or a sum over rows (the gradient of a broadcast input: one value per channel).
/// </summary>
internal sealed class FusedKernelShape
{
    public FusedKernelShape(FormulaSpec formula, IReadOnlyList<StreamKind> kinds, IReadOnlyList<bool> sums)
    {
        Formula = formula;
        Kinds = kinds;
        Sums = sums;
    }

    /// <summary>Per output: true where it is summed over rows into one value per channel.</summary>
    public IReadOnlyList<bool> Sums { get; }

    public FormulaSpec Formula { get; }

    public IReadOnlyList<StreamKind> Kinds { get; }

    public int Outputs => Sums.Count;
}
