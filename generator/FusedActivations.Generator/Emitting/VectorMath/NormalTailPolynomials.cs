using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// Coefficients chosen per lane between two sets (the mid and tail pieces of the normal tail in
/// <see cref="CompensatedNormalTail"/>): one polynomial's chain of FMAs serves both pieces, where computing both and
/// selecting would cost the chains of both. The shorter set is padded with zeros at the top (an FMA with a 0 coefficient is exact).
/// </summary>
internal static class NormalTailPolynomials
{
    /// <summary>Declares the constants <paramref name="prefix"/>0..n of a coefficient set (the first one documented).</summary>
    public static void Declare(FormulaBuilder b, string prefix, IReadOnlyList<double> coefficients, string doc)
    {
        for (int i = 0; i < coefficients.Count; i++)
        {
            b.Const(prefix + i, coefficients[i], i == 0 ? doc : null);
        }
    }

    /// <summary>Coefficient <paramref name="i"/>: <c>mask ? whenTrue[i] : whenFalse[i]</c>, 0 where a set has no such term.</summary>
    public static Value Coefficient(FormulaBuilder b, Value mask, string truePrefix, IReadOnlyList<double> whenTrue, string falsePrefix, IReadOnlyList<double> whenFalse, int i)
    {
        Value t = i < whenTrue.Count ? b.C(truePrefix + i) : b.Lit(0);
        Value f = i < whenFalse.Count ? b.C(falsePrefix + i) : b.Lit(0);
        return b.Select(mask, t, f);
    }
}
