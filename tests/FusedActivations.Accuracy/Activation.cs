using System;
using FusedActivations.Accuracy.Kernels;
using FusedActivations.TestSupport;
using TorchSharp;

namespace FusedActivations.Accuracy;

/// <summary>
/// Everything the command needs to know about one activation: its references, its inputs and its built-in kernels.
/// The entries are in <see cref="Activations"/>; the generated kernels are declared in <c>GeneratedKernels.cs</c>.
/// </summary>
internal sealed class Activation
{
    /// <summary>The command-line name, lower case: <c>softplus</c>, <c>sigmoid</c>, ...</summary>
    public required string Name { get; init; }

    /// <summary>The name in reports: <c>Softplus</c>, <c>SiLU</c>, ...</summary>
    public required string Title { get; init; }

    /// <summary>The generator's attribute, for reports: <c>Softplus</c>, <c>Silu</c>, ...</summary>
    public required string Attribute { get; init; }

    /// <summary>The activation's one parameter (β, α, negative slope), or null.</summary>
    public ActivationParameter? Parameter { get; init; }

    /// <summary>Softplus only: PyTorch's threshold (x where β·x &gt; threshold), the <c>--threshold</c> option.</summary>
    public bool HasThreshold { get; init; }

    /// <summary>
    /// The exact value for a float argument rounded to double (<see cref="Reference"/>'s float overloads: double-double
    /// where it matters). The measurement of a float result against it is exact to about 2^-29 ULP.
    /// </summary>
    public required Func<float, ActivationParameters, double> FloatExact { get; init; }

    /// <summary>
    /// Optional: the same value evaluated fast in double with the platform's exp/log/tanh, within 2^-44 relative of the
    /// exact value (checked on a sample of every run, see <see cref="FloatReference"/>). Used where it is not near a float
    /// rounding boundary; the exhaustive float run spends most of its time in the reference, and this halves it or better.
    /// </summary>
    public Func<float, ActivationParameters, double>? FloatFast { get; init; }

    /// <summary>Softplus only: whether the float threshold rule applies at x (for kernels judged without a cut-off).</summary>
    public Func<float, ActivationParameters, bool>? AboveFloatThreshold { get; init; }

    /// <summary>The exact value for a double argument as a double-double.</summary>
    public required Func<double, ActivationParameters, DoubleDouble> DoubleExact { get; init; }

    /// <summary>Where the function varies, for half of the random doubles (the other half are random bit patterns).</summary>
    public required (double Min, double Max) Range { get; init; }

    /// <summary>Whether <see cref="Range"/> is in units of parameter · x (Softplus, SiLU: βx), so x is drawn from Range / parameter.</summary>
    public bool RangeScalesWithParameter { get; init; }

    /// <summary>FusedMath's scalar functions (float: evaluated in double, rounded once).</summary>
    public required ScalarForm FusedMath { get; init; }

    /// <summary>The textbook formula in the element type (MathF / Math), the baseline that shows what care buys.</summary>
    public required ScalarForm Naive { get; init; }

    /// <summary>TensorPrimitives' own operation or a composition of its operations; null where none is natural.</summary>
    public TensorPrimitivesForm? TensorPrimitives { get; init; }

    /// <summary>PyTorch's function through TorchSharp; null if PyTorch has none.</summary>
    public PyTorchForm? PyTorch { get; init; }

    /// <summary>The parameters of a run: the given parameter or the default, the threshold (Softplus) or +∞.</summary>
    public ActivationParameters ParametersFor(double? parameter, double? threshold) => new(
        Parameter is null ? double.NaN : parameter ?? Parameter.Default,
        HasThreshold ? threshold ?? 20 : double.PositiveInfinity);

    /// <summary>e.g. <c>β = 2, threshold 20</c>, or empty.</summary>
    public string DescribeParameters(ActivationParameters p)
    {
        string text = Parameter is null ? string.Empty : $"{Parameter.Symbol} = {p.Parameter:R}";
        if (HasThreshold)
        {
            text += $", threshold {(double.IsPositiveInfinity(p.Threshold) ? "+∞" : p.Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture))}";
        }

        return text;
    }

    /// <summary>The file-name part of a run, e.g. <c>silu-beta1.7</c>, <c>sigmoid</c>.</summary>
    public string Slug(ActivationParameters p) =>
        Parameter is null ? Name : $"{Name}-{Parameter.Name}{p.Parameter.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>An activation's parameter: its option (<c>--beta</c>), symbol, default and what values it takes.</summary>
/// <param name="Name">The option without dashes, also the generated kernels' suffix: <c>generated-beta2</c>.</param>
/// <param name="Symbol">For reports: β, α, slope.</param>
/// <param name="Property">The attribute's property: <c>Beta</c>, <c>Alpha</c>, <c>NegativeSlope</c>.</param>
/// <param name="Default">PyTorch's default.</param>
/// <param name="MustBePositive">Softplus's β: finite and greater than 0; otherwise any finite value.</param>
internal sealed record ActivationParameter(string Name, string Symbol, string Property, double Default, bool MustBePositive = false);

/// <summary>A scalar function of the activation, float and double, with the run's parameters, and what it computes.</summary>
internal sealed record ScalarForm(string Description, Func<float, ActivationParameters, float> Float, Func<double, ActivationParameters, double> Double);

/// <summary>A TensorPrimitives composition, float and double; <see cref="Accepts"/> says for which parameters it is the function.</summary>
internal sealed record TensorPrimitivesForm(string Description, FloatSpanOperation Float, DoubleSpanOperation Double, Func<ActivationParameters, bool>? Accepts = null);

/// <summary>
/// PyTorch's call for the run's parameters (a TorchSharp tensor function) and how it reads; <see cref="Accepts"/> says for
/// which parameters PyTorch has the function (e.g. its SiLU has no β).
/// </summary>
internal sealed record PyTorchForm(Func<ActivationParameters, string> Call, Func<ActivationParameters, Func<torch.Tensor, torch.Tensor>> Operation, Func<ActivationParameters, bool>? Accepts = null);
