using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// The kernels of one activation by name. The built-in ones come from its <see cref="Activation"/> entry (FusedMath, the
/// naive formula, TensorPrimitives, PyTorch; ONNX Runtime for Softplus); generated kernels register in
/// <c>RegisterGenerated</c> (<c>GeneratedKernels.cs</c>).
/// </summary>
internal sealed partial class KernelRegistry
{
    /// <summary>The <c>--kernel</c> value that means every kernel that takes the run's parameters.</summary>
    public const string All = "all";

    private readonly Activation _activation;
    private readonly List<Entry> _entries = [];

    private KernelRegistry(Activation activation) => _activation = activation;

    /// <summary>The registry of <paramref name="activation"/>: its generated kernels first, then the built-in ones and the peers.</summary>
    public static KernelRegistry For(Activation activation)
    {
        var registry = new KernelRegistry(activation);
        RegisterGenerated(registry);
        registry.Register("fusedmath", _ => true,
            p => new ScalarKernel("fusedmath", activation.FusedMath.Description, p, activation.FusedMath.Float, activation.FusedMath.Double));
        registry.Register("naive", _ => true,
            p => new ScalarKernel("naive", activation.Naive.Description, p, activation.Naive.Float, activation.Naive.Double));
        if (activation.TensorPrimitives is { } tensorPrimitives)
        {
            registry.Register(TensorPrimitivesKernel.KernelName, p => tensorPrimitives.Accepts?.Invoke(p) ?? true,
                p => tensorPrimitives.Accepts?.Invoke(p) == false
                    ? throw new ArgumentException($"Kernel '{TensorPrimitivesKernel.KernelName}' has no {activation.Title} composition for {activation.DescribeParameters(p)}.")
                    : new TensorPrimitivesKernel(tensorPrimitives, p));
        }

        // The peers (FusedActivations.Peers): skipped with the reason printed when their native libraries do not load.
        if (activation.PyTorch is { } pyTorch)
        {
            registry.Register(PyTorchKernel.KernelName, p => pyTorch.Accepts?.Invoke(p) ?? true,
                p => pyTorch.Accepts?.Invoke(p) == false
                    ? throw new ArgumentException($"Kernel '{PyTorchKernel.KernelName}': PyTorch has no {activation.Title} for {activation.DescribeParameters(p)}.")
                    : PyTorchKernel.Create(pyTorch, p));
        }

        if (activation.Name == "softplus")
        {
            registry.Register(OnnxRuntimeKernel.KernelName, p => p.Parameter == 1, OnnxRuntimeKernel.Create);
        }

        return registry;
    }

    /// <summary>
    /// Implemented in <c>GeneratedKernels.cs</c> next to the generated partial methods, with
    /// <see cref="RegisterFixed"/> for every activation (the registry keeps its own activation's).
    /// </summary>
    static partial void RegisterGenerated(KernelRegistry registry);

    /// <summary>Adds a kernel; <paramref name="accepts"/> says whether it belongs to <c>--kernel all</c> for a run's parameters.</summary>
    public void Register(string name, Func<ActivationParameters, bool> accepts, Func<ActivationParameters, IAccuracyKernel> factory)
    {
        if (_entries.Exists(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Kernel '{name}' is registered twice.");
        }

        _entries.Add(new Entry(name, accepts, factory));
    }

    /// <summary>
    /// Adds a generated kernel of <paramref name="activation"/> (ignored by the other activations' registries) with its
    /// parameter (null for activations without one) and Softplus's threshold folded in at compile time. Its name is
    /// <c>generated</c>, or <c>generated-</c> with the parameter (<c>generated-beta2</c>, <c>generated-alpha0.3</c>).
    /// Asking for it with other parameters is an error rather than a silently wrong comparison. <paramref name="fast"/>:
    /// a <c>Precision = Fast</c> kernel, named <c>generated-fast</c> (<c>generated-fast-beta2</c>).
    /// </summary>
    public void RegisterFixed(string activation, double? parameter, FloatSpanKernel kernel, DoubleSpanKernel? doubleKernel = null, double threshold = 20, bool fast = false)
    {
        if (!activation.Equals(_activation.Name, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (parameter.HasValue != (_activation.Parameter is not null))
        {
            throw new InvalidOperationException($"Generated {activation} kernel: the parameter must be given exactly when the activation has one.");
        }

        double fixedThreshold = _activation.HasThreshold ? threshold : double.PositiveInfinity;
        var fixedParameters = _activation.ParametersFor(parameter, fixedThreshold);
        string generated = fast ? "generated-fast" : "generated";
        string name = parameter is { } value
            ? $"{generated}-{_activation.Parameter!.Name}{value.ToString("R", CultureInfo.InvariantCulture)}"
            : generated;
        string precision = fast ? "Precision = Fast" : "";
        string attribute = parameter is { } v
            ? $"{generated} [{_activation.Attribute}({_activation.Parameter!.Property} = {v:R}" + (_activation.HasThreshold ? $", Threshold = {threshold:R}" : "") + (fast ? ", " + precision : "") + ")]"
            : $"{generated} [{_activation.Attribute}{(fast ? "(" + precision + ")" : "")}]";
        Register(name, p => Matches(p, fixedParameters), p => Matches(p, fixedParameters)
            ? new DelegateKernel(name, attribute, kernel, doubleKernel)
            : throw new ArgumentException(
                $"Kernel '{name}' is compiled for {_activation.DescribeParameters(fixedParameters)}, not {_activation.DescribeParameters(p)}."));
    }

    private static bool Matches(ActivationParameters a, ActivationParameters b) =>
        a.Parameter.Equals(b.Parameter) && a.Threshold.Equals(b.Threshold);

    /// <summary>The registered names, in registration order.</summary>
    public IReadOnlyList<string> Names => _entries.Select(e => e.Name).ToArray();

    /// <summary>What <c>--kernel all</c> means for a run: every kernel that takes its parameters, generated ones first.</summary>
    public IReadOnlyList<string> NamesFor(ActivationParameters parameters) =>
        _entries.Where(e => e.Accepts(parameters)).Select(e => e.Name).ToArray();

    /// <summary>
    /// Creates the named kernel for the parameters. Throws <see cref="ArgumentException"/> for an unknown name (listing the
    /// known ones) or parameters the kernel cannot take, <see cref="KernelUnavailableException"/> when it cannot run here.
    /// </summary>
    public IAccuracyKernel Create(string name, ActivationParameters parameters) =>
        _entries.Find(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } entry
            ? entry.Factory(parameters)
            : throw new ArgumentException($"Unknown {_activation.Name} kernel '{name}'. Known: {string.Join(", ", Names)}, or {All}.");

    private sealed record Entry(string Name, Func<ActivationParameters, bool> Accepts, Func<ActivationParameters, IAccuracyKernel> Factory);
}
