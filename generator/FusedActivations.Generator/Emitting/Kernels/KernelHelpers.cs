namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>The small helper methods a kernel class gets when one of its steps needs them.</summary>
internal static class KernelHelpers
{
    /// <summary>Dekker's exact product error, for the portable path without FMA (<c>ConstantTable.UsesTwoProductError</c>).</summary>
    public static void WriteDekker(IndentedWriter w, ElementInfo element)
    {
        string T = element.Name;
        string V = $"Vector128<{T}>";
        string splitter = element.Type == Model.ElementType.Single ? "4097f" : "134217729.0";
        w.Line("/// <summary>");
        w.Line("/// The exact rounding error of <paramref name=\"p\"/> = fl(a * b), by Dekker's algorithm with Veltkamp's splitting");
        w.Line($"/// (multiplier 2^{(element.Precision + 1) / 2} + 1): the portable path has no FMA to get it in one instruction.");
        w.Line("/// </summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        using (w.OpenBlock($"private static {V} TwoProductError({V} a, {V} b, {V} p)"))
        {
            w.Line($"{V} ca = a * Vector128.Create({splitter});");
            w.Line($"{V} ah = ca - (ca - a);");
            w.Line($"{V} al = a - ah;");
            w.Line($"{V} cb = b * Vector128.Create({splitter});");
            w.Line($"{V} bh = cb - (cb - b);");
            w.Line($"{V} bl = b - bh;");
            w.Line("return (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);");
        }
    }

    /// <summary>
    /// <c>Math.FusedMultiplyAdd</c> lane by lane, for a user's FMA on the portable path without FMA instructions: the
    /// scalar call is exact on every machine (in software where the hardware has no FMA).
    /// </summary>
    public static void WriteExactMultiplyAdd(IndentedWriter w, ElementInfo element)
    {
        string T = element.Name;
        string V = $"Vector128<{T}>";
        string math = element.Type == Model.ElementType.Single ? "MathF" : "Math";
        w.Line("/// <summary>a * b + c rounded once, lane by lane: the formula asked for a fused multiply-add and this path has none.</summary>");
        using (w.OpenBlock($"private static {V} ExactMultiplyAdd({V} a, {V} b, {V} c)"))
        {
            w.Line($"{V} result = {V}.Zero;");
            using (w.OpenBlock($"for (int lane = 0; lane < {V}.Count; lane++)"))
            {
                w.Line($"result = result.WithElement(lane, {math}.FusedMultiplyAdd(a.GetElement(lane), b.GetElement(lane), c.GetElement(lane)));");
            }

            w.Line("return result;");
        }
    }
}
