namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>ARM64 NEON (AdvSimd): 128-bit vectors with <c>fmla</c>, <c>fmax</c>/<c>fmin</c>.</summary>
internal sealed class AdvSimdDialect : IsaDialect
{
    public override string Name => "AdvSimd";

    public override int WidthBits => 128;

    public override bool HasFma => true;

    public override string Describe(ElementInfo element) => $"ARM64 NEON (AdvSimd), {Count(element)} {element.Name}s per vector";

    public override string Guard(ElementInfo element) => "AdvSimd.Arm64.IsSupported";

    // AdvSimd takes the addend first: FusedMultiplyAdd(addend, left, right) = addend + left * right.
    // The double-precision forms live in AdvSimd.Arm64.
    public override string MultiplyAdd(string a, string b, string c, ElementInfo element) =>
        $"{Scope(element)}.FusedMultiplyAdd({c}, {a}, {b})";

    public override string Max(string a, string b, ElementInfo element) => $"{Scope(element)}.Max({a}, {b})";

    public override string Min(string a, string b, ElementInfo element) => $"{Scope(element)}.Min({a}, {b})";

    /// <summary>
    /// One <c>tbl</c> over four registers (the table's 64 bytes): lane j's four byte indices are 4j .. 4j + 3, built
    /// as j * 0x04040404 + 0x03020100.
    /// </summary>
    public override string Lookup16Single(string table, string index) =>
        $"AdvSimd.Arm64.VectorTableLookup((Vector128.Create({table}).AsByte(), Vector128.Create({table}.Slice(4)).AsByte(), Vector128.Create({table}.Slice(8)).AsByte(), Vector128.Create({table}.Slice(12)).AsByte()), " +
        $"((({index}.AsInt32() & Vector128.Create(15)) * 0x04040404) + Vector128.Create(0x03020100)).AsByte()).AsSingle()";

    private static string Scope(ElementInfo element) => element.Type == Model.ElementType.Single ? "AdvSimd" : "AdvSimd.Arm64";
}
