using System;

namespace FusedActivations.Generator.Emitting.Engine;

/// <summary>
/// A float value computed in double: each float vector is split into double vectors (two on vector paths, one in scalar
/// code), the double formula runs on all of them side by side, and the results are rounded back to float, once.
/// </summary>
internal static class Widened
{
    /// <summary>
    /// <paramref name="formula"/> of the float value <paramref name="x"/> (a local) computed in double and rounded to float:
    /// the formula gets a double builder with the widened lanes and the widened input, and returns its result.
    /// </summary>
    public static Value Compute(FormulaBuilder b, Value x, Func<FormulaBuilder, Value, Value> formula)
    {
        if (x is not LocalValue)
        {
            throw new InvalidOperationException("Widen a local: each of its lanes is split by name.");
        }

        int factor = b.Isa.WideningFactor;
        int vectors = b.Lanes;
        int wideLanes = vectors * factor;
        string wide = b.Names.Claim("w");
        string yWide = b.Names.Claim("yw");
        string y = b.Names.Claim("y");
        for (int v = 0; v < vectors; v++)
        {
            for (int p = 0; p < factor; p++)
            {
                b.Statement($"var {LocalValue.LaneName(wide, v * factor + p, wideLanes)} = {b.Isa.Widen(x.Render(b.Isa, v, vectors), p)};");
            }
        }

        FormulaBuilder w = b.With(ElementInfo.Double, wideLanes, (l, e) => $"var {LocalValue.LaneName(yWide, l, wideLanes)} = {e};");
        w.Return(formula(w, new LocalValue(wide, ElementInfo.Double, isMask: false)));
        for (int v = 0; v < vectors; v++)
        {
            var parts = new string[factor];
            for (int p = 0; p < factor; p++)
            {
                parts[p] = LocalValue.LaneName(yWide, v * factor + p, wideLanes);
            }

            b.Statement($"var {LocalValue.LaneName(y, v, vectors)} = {b.Isa.Narrow(parts)};");
        }

        return new LocalValue(y, ElementInfo.Single, isMask: false);
    }
}
