using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>What every kernel class writes the same way: its constants and tables, and the helper methods its steps may need.</summary>
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

    /// <summary>The constants, in the order the formulas declared them, and the lookup tables.</summary>
    public static void WriteConstants(IndentedWriter w, ElementInfo element, ConstantTable constants)
    {
        foreach (KernelConstant constant in constants.All)
        {
            WriteConstant(w, element, constant);
        }

        foreach (var (name, values, doc, type) in constants.Tables)
        {
            w.Line($"/// <summary>{Escape(doc)}</summary>");
            w.Line($"private static ReadOnlySpan<{type.Name}> {name} => new {type.Name}[]");
            w.Line("{");
            for (int i = 0; i < values.Length; i += 8)
            {
                var row = new List<string>();
                for (int j = i; j < i + 8 && j < values.Length; j++)
                {
                    row.Add(type.Literal(values[j]));
                }

                w.Line("    " + string.Join(", ", row) + ",");
            }

            w.Line("};");
        }

        w.Line();
    }

    private static void WriteConstant(IndentedWriter w, ElementInfo element, KernelConstant constant)
    {
        ElementInfo type = constant.Type ?? element;
        if (constant.IsFolded)
        {
            // The method's own value: the JIT reads it from the struct and folds it like a literal.
            w.Line($"private static {type.Name} {constant.Name} => TConstants.{constant.Name};");
            return;
        }

        if (constant.Doc is not null)
        {
            w.Line($"/// <summary>{Escape(constant.Doc)}</summary>");
        }

        w.Line($"private const {type.Name} {constant.Name} = {type.Literal(constant.Value)};");
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
