using System;
using System.Collections.Generic;
using System.Linq;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>Kernels by name. Built-in kernels register here; generated kernels in <c>RegisterGenerated</c>.</summary>
public sealed partial class KernelRegistry
{
    private readonly Dictionary<string, Func<SoftplusParameters, IAccuracyKernel>> _factories =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registry with the built-in kernels and whatever <c>GeneratedKernels.cs</c> registers.</summary>
    public static KernelRegistry CreateDefault()
    {
        var registry = new KernelRegistry();
        registry.Register("fusedmath", p => new FusedMathKernel(p));
        registry.Register("naive", p => new NaiveKernel(p));
        registry.Register("tensorprimitives", p => new TensorPrimitivesKernel(p));

        // The peers (FusedActivations.Peers): skipped with the reason printed when their native libraries do not load.
        registry.Register(PyTorchKernel.KernelName, PyTorchKernel.Create);
        registry.Register(OnnxRuntimeKernel.KernelName, OnnxRuntimeKernel.Create);
        RegisterGenerated(registry);
        return registry;
    }

    /// <summary>
    /// Implemented in <c>GeneratedKernels.cs</c> next to the <c>[Softplus]</c> partial methods, typically with
    /// <see cref="RegisterFixed(string, double, double, FloatSpanKernel, DoubleSpanKernel?)"/>. Until then the compiler
    /// removes the call.
    /// </summary>
    static partial void RegisterGenerated(KernelRegistry registry);

    /// <summary>Adds a kernel whose parameters come from the command line.</summary>
    public void Register(string name, Func<SoftplusParameters, IAccuracyKernel> factory)
    {
        if (!_factories.TryAdd(name, factory))
        {
            throw new InvalidOperationException($"Kernel '{name}' is registered twice.");
        }
    }

    /// <summary>
    /// Adds a kernel with beta and threshold folded in at compile time (a generated kernel). Asking for it with other
    /// parameters is an error rather than a silently wrong comparison.
    /// </summary>
    public void RegisterFixed(string name, double beta, double threshold, FloatSpanKernel kernel, DoubleSpanKernel? doubleKernel = null) =>
        Register(name, p =>
        {
            if (p.Beta != beta || !p.Threshold.Equals(threshold))
            {
                throw new ArgumentException(
                    $"Kernel '{name}' is compiled for --beta {beta} --threshold {threshold}, not --beta {p.Beta} --threshold {p.Threshold}.");
            }

            return new DelegateKernel(name, $"generated [Softplus(Beta = {beta:R}, Threshold = {threshold:R})]", kernel, doubleKernel);
        });

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => _factories.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>
    /// Creates the named kernel for the parameters. Throws <see cref="ArgumentException"/> for an unknown name (listing the
    /// known ones) or parameters the kernel cannot take, <see cref="KernelUnavailableException"/> when it cannot run here.
    /// </summary>
    public IAccuracyKernel Create(string name, SoftplusParameters parameters) =>
        _factories.TryGetValue(name, out var factory)
            ? factory(parameters)
            : throw new ArgumentException($"Unknown kernel '{name}'. Known: {string.Join(", ", Names)}.");
}
