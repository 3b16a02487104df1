namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>
/// x86 AVX-512F: 512-bit vectors, <c>vfmadd</c>, <c>vmaxps</c>/<c>vminps</c>, mask-register blends, <c>vscalefpd</c>,
/// and <c>vpermt2pd</c>, which looks up 16 doubles held in two registers in one instruction: float kernels widen.
/// </summary>
internal sealed class Avx512Dialect : IsaDialect
{
    public override string Name => "Avx512";

    public override int WidthBits => 512;

    public override bool HasFma => true;

    public override string Describe(ElementInfo element) => $"x86 AVX-512F, {Count(element)} {element.Name}s per vector";

    public override string Guard(ElementInfo element) =>
        "Avx512F.IsSupported";

    public override string MultiplyAdd(string a, string b, string c, ElementInfo element) => $"Avx512F.FusedMultiplyAdd({a}, {b}, {c})";

    public override string Max(string a, string b, ElementInfo element) => $"Avx512F.Max({a}, {b})";

    public override string Min(string a, string b, ElementInfo element) => $"Avx512F.Min({a}, {b})";

    public override string MultiplyByPowerOfTwo(string v, string n, string k, ElementInfo element) => $"Avx512F.Scale({v}, {k})";

    public override bool HasLookup16 => true;

    public override string Widen(string x, int part) =>
        $"Avx512F.ConvertToVector512Double({x}.{(part == 0 ? "GetLower" : "GetUpper")}())";

    public override string Narrow(params string[] parts) =>
        $"Vector512.Create(Avx512F.ConvertToVector256Single({parts[0]}), Avx512F.ConvertToVector256Single({parts[1]}))";

    /// <summary>vpermps: the 16 floats fill one register.</summary>
    public override string Lookup16Single(string table, string index) =>
        $"Avx512F.PermuteVar16x32(Vector512.Create({table}), {index}.AsInt32())";

    public override string Lookup16(string table, string index) =>
        $"Avx512F.PermuteVar8x64x2(Vector512.Create({table}), {index}.AsInt64(), Vector512.Create({table}.Slice(8)))";
}
