using System.Collections.Generic;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>What a fused kernel class depends on: the formula, the kind of each input and the number of outputs.</summary>
internal sealed class FusedKernelShape
{
    public FusedKernelShape(FormulaSpec formula, IReadOnlyList<StreamKind> kinds, int outputs)
    {
        Formula = formula;
        Kinds = kinds;
        Outputs = outputs;
    }

    public FormulaSpec Formula { get; }

    public IReadOnlyList<StreamKind> Kinds { get; }

    public int Outputs { get; }
}
