namespace FusedActivations;

/// <summary>The instruction-set paths a generated kernel can take, from widest to the portable fallback.</summary>
public enum SimdPath
{
    /// <summary>No SIMD: one element at a time (hardware intrinsics disabled or unavailable).</summary>
    Scalar = 0,

    /// <summary>Portable 128-bit vectors (<c>Vector128</c>), e.g. SSE on x86 without AVX2.</summary>
    Vector128 = 1,

    /// <summary>ARM64 NEON (<c>AdvSimd.Arm64</c>), 128-bit vectors with fused multiply-add.</summary>
    AdvSimd = 2,

    /// <summary>x86 AVX2 with FMA3, 256-bit vectors.</summary>
    Avx2 = 3,

    /// <summary>x86 AVX-512F, 512-bit vectors.</summary>
    Avx512 = 4,
}
