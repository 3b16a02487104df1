using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>The reported SIMD path agrees with what the runtime says the hardware supports.</summary>
public sealed class ActivePathTests
{
    [Fact]
    public void CurrentIsConsistentWithTheRuntimeFlags()
    {
        SimdPath path = ActivePath.Current;
        bool avx512 = Avx512F.IsSupported; // the ISA, not the JIT's 512-bit preference (see ActivePath)
        bool avx2 = Avx2.IsSupported && Fma.IsSupported;

        // Each path requires its instruction set, and no wider available path may be skipped.
        switch (path)
        {
            case SimdPath.Avx512:
                Assert.True(avx512);
                break;
            case SimdPath.Avx2:
                Assert.True(avx2);
                Assert.False(avx512);
                break;
            case SimdPath.AdvSimd:
                Assert.True(AdvSimd.Arm64.IsSupported);
                Assert.False(avx512 || avx2);
                break;
            case SimdPath.Vector128:
                Assert.True(Vector128.IsHardwareAccelerated);
                Assert.False(avx512 || avx2 || AdvSimd.Arm64.IsSupported || Fma.IsSupported);
                break;
            default:
                Assert.Equal(SimdPath.Scalar, path);
                Assert.True(!Vector128.IsHardwareAccelerated || Fma.IsSupported, "scalar only without SIMD, or with FMA but no AVX2");
                break;
        }
    }

    [Fact]
    public void DescribeNamesTheCurrentPath()
    {
        Assert.StartsWith(ActivePath.Current.ToString(), ActivePath.Describe());
    }
}
