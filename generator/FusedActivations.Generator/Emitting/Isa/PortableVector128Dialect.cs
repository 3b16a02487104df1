namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>
/// Portable <c>Vector128</c> for hardware with 128-bit SIMD but neither AVX2 nor NEON (e.g. x86 with SSE4 only).
/// It has no fused multiply-add: <see cref="MultiplyAdd"/> rounds twice, and the kernel computes the exact products it
/// needs with Dekker's splitting instead.
/// </summary>
internal sealed class PortableVector128Dialect : IsaDialect
{
    public override string Name => "Vector128";

    public override int WidthBits => 128;

    public override bool HasFma => false;

    public override string Describe(ElementInfo element) => $"portable Vector128 without FMA, {Count(element)} {element.Name}s per vector";

    // Only where there is no FMA at all: on an FMA machine, inputs too short for the AVX2 path go to the scalar
    // path instead, whose FMA roundings match the vector paths bit for bit.
    public override string Guard(ElementInfo element) => $"{VectorClass}.IsHardwareAccelerated && !Fma.IsSupported";

    public override string MultiplyAdd(string a, string b, string c, ElementInfo element) => $"({a} * {b} + {c})";

    public override string Max(string a, string b, ElementInfo element) => $"{VectorClass}.Max({a}, {b})";

    public override string Min(string a, string b, ElementInfo element) => $"{VectorClass}.Min({a}, {b})";
}
