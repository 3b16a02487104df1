namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>x86 AVX-512F: 512-bit vectors, <c>vfmadd</c>, <c>vmaxps</c>/<c>vminps</c> and mask-register blends.</summary>
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
}
