using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace FusedActivations;

/// <summary>
/// Reports which SIMD path the generated kernels take on this machine and runtime configuration.
/// </summary>
/// <remarks>
/// The generated dispatch tests exactly the same conditions, in the same order, so this is the path that a long
/// enough input (at least one vector) runs. Shorter inputs fall through to narrower paths. The runtime switches
/// <c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableAVX2=0</c> and <c>DOTNET_EnableHWIntrinsic=0</c> change the answer.
/// </remarks>
public static class ActivePath
{
    /// <summary>The path a kernel takes for inputs of at least one full vector.</summary>
    public static SimdPath Current
    {
        get
        {
            // The ISA itself, not Vector512.IsHardwareAccelerated: on some Intel CPUs the JIT reports 512-bit vectors as
            // not "accelerated" (it prefers 256-bit code there) although AVX-512 runs, and these compute-bound kernels
            // are faster with it. DOTNET_EnableAVX512=0 still turns the path off.
            if (Avx512F.IsSupported)
            {
                return SimdPath.Avx512;
            }

            if (Avx2.IsSupported && Fma.IsSupported)
            {
                return SimdPath.Avx2;
            }

            if (AdvSimd.Arm64.IsSupported)
            {
                return SimdPath.AdvSimd;
            }

            // The portable path has no FMA; where x86 has FMA but not AVX2, the scalar path (with FMA) is used instead.
            if (Vector128.IsHardwareAccelerated && !Fma.IsSupported)
            {
                return SimdPath.Vector128;
            }

            return SimdPath.Scalar;
        }
    }

    /// <summary>A one-line description, e.g. <c>Avx512 (x64, .NET 10.0.12)</c>.</summary>
    public static string Describe() =>
        $"{Current} ({System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription})";
}
