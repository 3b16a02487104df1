using System;
using System.Numerics.Tensors;
using System.Reflection;

namespace FusedActivations.Accuracy.Kernels;

/// <summary>
/// What a user would write with System.Numerics.Tensors today: the activation's own TensorPrimitives operation where it
/// has one (Sigmoid, Tanh), else a composition of TensorPrimitives operations with temporaries (see
/// <see cref="Activation.TensorPrimitives"/>). Unfused, so each step rounds.
/// </summary>
internal sealed class TensorPrimitivesKernel(TensorPrimitivesForm form, ActivationParameters parameters) : IAccuracyKernelDouble
{
    public const string KernelName = "tensorprimitives";

    public string Name => KernelName;

    public string Description => $"System.Numerics.Tensors {Version} TensorPrimitives: {form.Description}";

    /// <summary>The package version (informational version without the commit), e.g. 10.0.12.</summary>
    public static string Version =>
        typeof(TensorPrimitives).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";

    public void Evaluate(ReadOnlySpan<float> x, Span<float> destination) => form.Float(x, destination, parameters);

    public void Evaluate(ReadOnlySpan<double> x, Span<double> destination) => form.Double(x, destination, parameters);
}
