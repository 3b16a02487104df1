using System;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// A kernel that cannot run on this machine (a peer's native library does not load, ...). The command prints the reason
/// and goes on without it, unlike an <see cref="ArgumentException"/> (a kernel asked for with the wrong parameters), which
/// stops the command.
/// </summary>
public sealed class KernelUnavailableException(string kernel, string reason)
    : Exception($"Kernel '{kernel}' cannot run here: {reason}")
{
    /// <summary>The kernel's registry name.</summary>
    public string Kernel { get; } = kernel;

    /// <summary>Why it cannot run.</summary>
    public string Reason { get; } = reason;

    /// <summary>
    /// Creates a peer kernel and runs it once on a few floats, so that a foreign library that cannot load or run fails
    /// here, with its reason, instead of inside the parallel run. Any failure becomes a <see cref="KernelUnavailableException"/>.
    /// </summary>
    public static TKernel Probe<TKernel>(string kernel, Func<TKernel> create)
        where TKernel : IAccuracyKernel
    {
        TKernel? created = default;
        try
        {
            created = create();
            float[] x = [-30f, -1f, 0f, 1f, 30f, float.NaN];
            created.Evaluate(x, new float[x.Length]);
            return created;
        }
#pragma warning disable CA1031 // Any failure of a foreign library means the kernel is skipped, with the reason printed.
        catch (Exception e) when (e is not KernelUnavailableException)
#pragma warning restore CA1031
        {
            (created as IDisposable)?.Dispose();
            Exception root = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            throw new KernelUnavailableException(kernel, $"{root.GetType().Name}: {OneLine(root.Message)}");
        }
    }

    /// <summary>
    /// A loader's message on one line, shortened: the cause is often on a later line (e.g. which file dlopen could not
    /// open), so the lines are joined rather than cut at the first.
    /// </summary>
    private static string OneLine(string message)
    {
        string joined = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return joined.Length <= 400 ? joined : joined[..400] + " ...";
    }
}
