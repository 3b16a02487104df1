using System;
using System.ComponentModel;

namespace FusedActivations;

/// <summary>
/// Records which SIMD path generated kernels actually ran, for tests. Generated code calls <see cref="Record"/> only when
/// the consuming project defines the compilation symbol <c>FUSEDACTIVATIONS_TRACE</c>; otherwise the calls are not
/// emitted and cost nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelTrace
{
    [ThreadStatic]
    private static SimdPath? s_last;

    [ThreadStatic]
    private static int s_count;

    /// <summary>The path the last traced kernel call on this thread ran, or null if none ran since <see cref="Reset"/>.</summary>
    public static SimdPath? Last => s_last;

    /// <summary>How many traced kernel paths ran on this thread since <see cref="Reset"/>.</summary>
    public static int Count => s_count;

    /// <summary>Called by generated code (under <c>FUSEDACTIVATIONS_TRACE</c>) when a kernel path runs.</summary>
    public static void Record(SimdPath path)
    {
        s_last = path;
        s_count++;
    }

    /// <summary>Forgets what was recorded on this thread.</summary>
    public static void Reset()
    {
        s_last = null;
        s_count = 0;
    }
}
