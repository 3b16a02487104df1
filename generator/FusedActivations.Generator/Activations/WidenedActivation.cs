using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Activations;

/// <summary>
/// The precision strategy of most of the family: float kernels compute in double on every path and round once
/// (<see cref="ForwardWide"/>, with the table-free functions of <c>VectorMath/WideFunctions</c>: at most about
/// 0.51 ULP), and double kernels use compensated arithmetic (<see cref="Activation.Forward"/>, about 0.5 ULP plus
/// 2^-50 per compensated step). NaN lanes are restored last (clamps built from max/min lose them on x86).
/// </summary>
internal static class WidenedStrategy
{
    /// <summary>Float widens on every path; double never does.</summary>
    public static bool Widens(ElementInfo element) => element.Type == ElementType.Single;

    /// <summary>The float epilogue of a widened formula: the rounded result, with NaN inputs passed through.</summary>
    public static Value KeepNaN(FormulaBuilder b, Value x, Value y)
    {
        b.Comment("NaN inputs give NaN.");
        return b.KeepNaN(x, y);
    }
}
