namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>x86 AVX2 with FMA3: 256-bit vectors (AVX2 for the integer shift that builds powers of two).</summary>
internal sealed class Avx2Dialect : IsaDialect
{
    public override string Name => "Avx2";

    public override int WidthBits => 256;

    public override bool HasFma => true;

    public override string Describe(ElementInfo element) => $"x86 AVX2 + FMA3, {Count(element)} {element.Name}s per vector";

    public override string Guard(ElementInfo element) => "Avx2.IsSupported && Fma.IsSupported";

    public override string MultiplyAdd(string a, string b, string c, ElementInfo element) => $"Fma.MultiplyAdd({a}, {b}, {c})";

    public override string Max(string a, string b, ElementInfo element) => $"Avx.Max({a}, {b})";

    public override string Min(string a, string b, ElementInfo element) => $"Avx.Min({a}, {b})";

    /// <summary>Two vpermps of 8 entries each, blended on bit 3 of the index (moved into the sign bit).</summary>
    public override string Lookup16Single(string table, string index) =>
        $"Avx.BlendVariable(Avx2.PermuteVar8x32(Vector256.Create({table}), {index}.AsInt32()), Avx2.PermuteVar8x32(Vector256.Create({table}.Slice(8)), {index}.AsInt32()), Vector256.ShiftLeft({index}.AsInt32(), 28).AsSingle())";
}
