using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using FusedActivations.Accuracy.Kernels;
using FusedActivations.TestSupport;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FusedActivations.Accuracy;

/// <summary>
/// The activations the command checks, one entry each. Adding one is one entry here (its references, inputs and
/// built-in kernels) and its generated kernels in <c>GeneratedKernels.cs</c>.
/// </summary>
internal static class Activations
{
    private static readonly ActivationParameter Beta = new("beta", "β", "Beta", 1.0);

    public static IReadOnlyList<Activation> All { get; } =
    [
        new()
        {
            Name = "softplus", Attribute = "Softplus", Title = "Softplus", Parameter = Beta with { MustBePositive = true }, HasThreshold = true,
            // Reference.Softplus(float, ...) is itself fast (double, exact near float boundaries).
            FloatExact = (x, p) => Reference.Softplus(x, p.FloatParameter, p.FloatThreshold),
            AboveFloatThreshold = (x, p) => (float)(p.FloatParameter * x) > p.FloatThreshold,
            DoubleExact = (x, p) => Reference.Softplus(x, p.Parameter, p.Threshold),
            Range = (-750, 40), RangeScalesWithParameter = true,
            FusedMath = new("FusedMath.Softplus(x, β, threshold), scalar (float: evaluated in double, rounded once)",
                (x, p) => FusedMath.Softplus(x, p.FloatParameter, p.FloatThreshold), (x, p) => FusedMath.Softplus(x, p.Parameter, p.Threshold)),
            Naive = new("log(1 + exp(βx))/β in the element type (MathF / Math), scalar, with the threshold rule",
                (x, p) => p.FloatParameter * x > p.FloatThreshold ? x : MathF.Log(1f + MathF.Exp(p.FloatParameter * x)) / p.FloatParameter,
                (x, p) => p.Parameter * x > p.Threshold ? x : Math.Log(1.0 + Math.Exp(p.Parameter * x)) / p.Parameter),
            TensorPrimitives = new("max(x, 0) + Log(Exp(-|βx|) + 1)/β in 9 passes with temporaries, then the threshold rule",
                TensorCompositions.Softplus, TensorCompositions.Softplus),
            PyTorch = new(p => $"torch.nn.functional.softplus(x, beta: {p.Parameter:R}, threshold: {p.Threshold:R})",
                p => x => nn.functional.softplus(x, p.Parameter, p.Threshold)),
        },
        new()
        {
            Name = "sigmoid", Attribute = "Sigmoid", Title = "Sigmoid",
            FloatExact = (x, _) => Reference.Sigmoid(x), FloatFast = (x, _) => FastDouble.Sigmoid(x),
            DoubleExact = (x, _) => Reference.Sigmoid(x), Range = (-750, 40),
            FusedMath = new("FusedMath.Sigmoid(x), scalar", (x, _) => FusedMath.Sigmoid(x), (x, _) => FusedMath.Sigmoid(x)),
            Naive = new("1 / (1 + exp(-x)) in the element type", (x, _) => 1f / (1f + MathF.Exp(-x)), (x, _) => 1.0 / (1.0 + Math.Exp(-x))),
            TensorPrimitives = new("Sigmoid (its own operation)", (x, d, _) => TensorPrimitives.Sigmoid(x, d), (x, d, _) => TensorPrimitives.Sigmoid(x, d)),
            PyTorch = new(_ => "torch.sigmoid(x)", _ => x => sigmoid(x)),
        },
        new()
        {
            Name = "tanh", Attribute = "Tanh", Title = "Tanh",
            FloatExact = (x, _) => Reference.Tanh(x), FloatFast = (x, _) => Math.Tanh(x),
            DoubleExact = (x, _) => Reference.Tanh(x), Range = (-20, 20),
            FusedMath = new("FusedMath.Tanh(x), scalar", (x, _) => FusedMath.Tanh(x), (x, _) => FusedMath.Tanh(x)),
            Naive = new("(exp(x) - exp(-x)) / (exp(x) + exp(-x)) in the element type",
                (x, _) => (MathF.Exp(x) - MathF.Exp(-x)) / (MathF.Exp(x) + MathF.Exp(-x)),
                (x, _) => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x))),
            TensorPrimitives = new("Tanh (its own operation)", (x, d, _) => TensorPrimitives.Tanh(x, d), (x, d, _) => TensorPrimitives.Tanh(x, d)),
            PyTorch = new(_ => "torch.tanh(x)", _ => x => tanh(x)),
        },
        new()
        {
            Name = "silu", Attribute = "Silu", Title = "SiLU (Swish-β)", Parameter = Beta,
            FloatExact = (x, p) => Reference.Silu(x, p.FloatParameter),
            FloatFast = (x, p) => x * FastDouble.Sigmoid((double)p.FloatParameter * x),
            DoubleExact = (x, p) => Reference.Silu(x, p.Parameter), Range = (-750, 40), RangeScalesWithParameter = true,
            FusedMath = new("FusedMath.Silu(x, β), scalar", (x, p) => FusedMath.Silu(x, p.FloatParameter), (x, p) => FusedMath.Silu(x, p.Parameter)),
            Naive = new("x / (1 + exp(-βx)) in the element type",
                (x, p) => x / (1f + MathF.Exp(-(p.FloatParameter * x))), (x, p) => x / (1.0 + Math.Exp(-(p.Parameter * x)))),
            TensorPrimitives = new("Multiply(x, β), Sigmoid, Multiply by x: 3 passes with a temporary",
                TensorCompositions.Silu, TensorCompositions.Silu),
            // PyTorch's SiLU has no β.
            PyTorch = new(_ => "torch.nn.functional.silu(x)", _ => x => nn.functional.silu(x), p => p.Parameter == 1),
        },
        new()
        {
            Name = "mish", Attribute = "Mish", Title = "Mish",
            FloatExact = (x, _) => Reference.Mish(x), FloatFast = (x, _) => x * Math.Tanh(FastDouble.Softplus(x)),
            DoubleExact = (x, _) => Reference.Mish(x), Range = (-750, 40),
            FusedMath = new("FusedMath.Mish(x), scalar", (x, _) => FusedMath.Mish(x), (x, _) => FusedMath.Mish(x)),
            Naive = new("x · tanh(log(1 + exp(x))) in the element type",
                (x, _) => x * MathF.Tanh(MathF.Log(1f + MathF.Exp(x))), (x, _) => x * Math.Tanh(Math.Log(1.0 + Math.Exp(x)))),
            TensorPrimitives = new("Exp, Add 1, Log, Tanh, Multiply by x: 5 passes with a temporary", TensorCompositions.Mish, TensorCompositions.Mish),
            PyTorch = new(_ => "torch.nn.functional.mish(x)", _ => x => nn.functional.mish(x)),
        },
        new()
        {
            Name = "elu", Attribute = "Elu", Title = "ELU", Parameter = new("alpha", "α", "Alpha", 1.0),
            FloatExact = (x, p) => Reference.Elu(x, p.FloatParameter),
            FloatFast = (x, p) => x > 0 ? x : p.FloatParameter * FastDouble.ExpM1(x),
            DoubleExact = (x, p) => Reference.Elu(x, p.Parameter), Range = (-40, 10),
            FusedMath = new("FusedMath.Elu(x, α), scalar", (x, p) => FusedMath.Elu(x, p.FloatParameter), (x, p) => FusedMath.Elu(x, p.Parameter)),
            Naive = new("x > 0 ? x : α (exp(x) - 1) in the element type",
                (x, p) => x > 0 ? x : p.FloatParameter * (MathF.Exp(x) - 1f), (x, p) => x > 0 ? x : p.Parameter * (Math.Exp(x) - 1.0)),
            TensorPrimitives = new("Max(x, 0) + α ExpM1(Min(x, 0)): 5 passes with temporaries", TensorCompositions.Elu, TensorCompositions.Elu),
            PyTorch = new(p => $"torch.nn.functional.elu(x, alpha: {p.Parameter:R})", p => x => nn.functional.elu(x, p.Parameter)),
        },
        new()
        {
            Name = "selu", Attribute = "Selu", Title = "SELU",
            FloatExact = (x, _) => Reference.Selu(x),
            FloatFast = (x, _) => x > 0 ? (double)x * Reference.SeluScaleFloat : FastDouble.ExpM1(x) * Reference.SeluNegativeCoefficientFloat,
            DoubleExact = (x, _) => Reference.Selu(x), Range = (-40, 10),
            FusedMath = new("FusedMath.Selu(x), scalar", (x, _) => FusedMath.Selu(x), (x, _) => FusedMath.Selu(x)),
            Naive = new("scale (x > 0 ? x : α (exp(x) - 1)) in the element type, PyTorch's constants",
                (x, _) => (float)Reference.SeluScale * (x > 0 ? x : SeluAlphaFloat * (MathF.Exp(x) - 1f)),
                (x, _) => Reference.SeluScale * (x > 0 ? x : SeluAlpha * (Math.Exp(x) - 1.0))),
            TensorPrimitives = new("scale Max(x, 0) + (α scale) ExpM1(Min(x, 0)), PyTorch's folded constants: 6 passes with temporaries",
                TensorCompositions.Selu, TensorCompositions.Selu),
            PyTorch = new(_ => "torch.nn.functional.selu(x)", _ => x => nn.functional.selu(x)),
        },
        new()
        {
            Name = "logsigmoid", Attribute = "LogSigmoid", Title = "LogSigmoid",
            // -softplus(-x): Reference.Softplus(float, ...) is fast and exact near float boundaries.
            FloatExact = (x, _) => Reference.LogSigmoid(x), FloatFast = (x, _) => -Reference.Softplus(-x, 1f, float.PositiveInfinity),
            DoubleExact = (x, _) => Reference.LogSigmoid(x), Range = (-40, 750),
            FusedMath = new("FusedMath.LogSigmoid(x), scalar", (x, _) => FusedMath.LogSigmoid(x), (x, _) => FusedMath.LogSigmoid(x)),
            Naive = new("log(1 / (1 + exp(-x))) in the element type",
                (x, _) => MathF.Log(1f / (1f + MathF.Exp(-x))), (x, _) => Math.Log(1.0 / (1.0 + Math.Exp(-x)))),
            TensorPrimitives = new("Sigmoid, then Log: 2 passes", TensorCompositions.LogSigmoid, TensorCompositions.LogSigmoid),
            PyTorch = new(_ => "torch.nn.functional.logsigmoid(x)", _ => x => nn.functional.logsigmoid(x)),
        },
        new()
        {
            Name = "relu", Attribute = "Relu", Title = "ReLU",
            FloatExact = (x, _) => Reference.Relu(x), DoubleExact = (x, _) => Reference.Relu(x), Range = (-10, 10),
            FusedMath = new("FusedMath.Relu(x), scalar", (x, _) => FusedMath.Relu(x), (x, _) => FusedMath.Relu(x)),
            Naive = new("x > 0 ? x : 0 (NaN gives 0)", (x, _) => x > 0 ? x : 0f, (x, _) => x > 0 ? x : 0.0),
            TensorPrimitives = new("Max(x, 0)", (x, d, _) => TensorPrimitives.Max(x, 0f, d), (x, d, _) => TensorPrimitives.Max(x, 0.0, d)),
            PyTorch = new(_ => "torch.nn.functional.relu(x)", _ => x => nn.functional.relu(x)),
        },
        new()
        {
            Name = "leakyrelu", Attribute = "LeakyRelu", Title = "Leaky ReLU", Parameter = new("slope", "negative slope", "NegativeSlope", 0.01),
            FloatExact = (x, p) => Reference.LeakyRelu(x, p.FloatParameter), DoubleExact = (x, p) => Reference.LeakyRelu(x, p.Parameter),
            Range = (-10, 10),
            FusedMath = new("FusedMath.LeakyRelu(x, slope), scalar", (x, p) => FusedMath.LeakyRelu(x, p.FloatParameter), (x, p) => FusedMath.LeakyRelu(x, p.Parameter)),
            Naive = new("x > 0 ? x : slope · x", (x, p) => x > 0 ? x : p.FloatParameter * x, (x, p) => x > 0 ? x : p.Parameter * x),
            // max(x, slope x) is Leaky ReLU for slope <= 1 only.
            TensorPrimitives = new("Max(x, Multiply(x, slope)): 2 passes with a temporary", TensorCompositions.LeakyRelu, TensorCompositions.LeakyRelu, p => p.Parameter <= 1),
            PyTorch = new(p => $"torch.nn.functional.leaky_relu(x, negative_slope: {p.Parameter:R})", p => x => nn.functional.leaky_relu(x, p.Parameter)),
        },
        new()
        {
            Name = "hardswish", Attribute = "HardSwish", Title = "Hard Swish",
            FloatExact = (x, _) => Reference.HardSwish(x), DoubleExact = (x, _) => Reference.HardSwish(x), Range = (-4, 4),
            FusedMath = new("FusedMath.HardSwish(x), scalar", (x, _) => FusedMath.HardSwish(x), (x, _) => FusedMath.HardSwish(x)),
            Naive = new("x · min(max(x + 3, 0), 6) / 6 in the element type",
                (x, _) => x * MathF.Min(MathF.Max(x + 3f, 0f), 6f) / 6f, (x, _) => x * Math.Min(Math.Max(x + 3.0, 0.0), 6.0) / 6.0),
            TensorPrimitives = new("Add 3, Max 0, Min 6, Multiply by x, Divide by 6: 5 passes with a temporary",
                TensorCompositions.HardSwish, TensorCompositions.HardSwish),
            PyTorch = new(_ => "torch.nn.functional.hardswish(x)", _ => x => nn.functional.hardswish(x)),
        },
        new()
        {
            Name = "gelu", Attribute = "Gelu", Title = "GELU (erf)",
            FloatExact = (x, _) => Reference.Gelu(x), FloatFast = (x, _) => FusedMath.Gelu((double)x),
            DoubleExact = (x, _) => Reference.Gelu(x), Range = (-40, 10),
            FusedMath = new("FusedMath.Gelu(x), scalar", (x, _) => FusedMath.Gelu(x), (x, _) => FusedMath.Gelu(x)),
            // .NET has neither Math.Erf nor TensorPrimitives.Erf: there is no naive form a .NET user could write.
            Naive = new("none in .NET (no Math.Erf): FusedMath.Gelu again", (x, _) => FusedMath.Gelu(x), (x, _) => FusedMath.Gelu(x)),
            PyTorch = new(_ => "torch.nn.functional.gelu(x)", _ => x => nn.functional.gelu(x)),
        },
        new()
        {
            Name = "gelutanh", Attribute = "Gelu(Approximate = GeluApproximation.Tanh)", Title = "GELU (tanh approximation)",
            FloatExact = (x, _) => Reference.GeluTanh(x), FloatFast = (x, _) => FastGeluTanhFloat(x),
            DoubleExact = (x, _) => Reference.GeluTanh(x), Range = (-25, 10),
            FusedMath = new("FusedMath.GeluTanh(x), scalar", (x, _) => FusedMath.GeluTanh(x), (x, _) => FusedMath.GeluTanh(x)),
            Naive = new("0.5 x (1 + tanh(k (x + 0.044715 x^3))) in the element type",
                (x, _) => 0.5f * x * (1f + MathF.Tanh(GeluKBetaFloat * (x + 0.044715f * x * x * x))),
                (x, _) => 0.5 * x * (1.0 + Math.Tanh(GeluKBeta * (x + 0.044715 * x * x * x)))),
            PyTorch = new(_ => "torch.nn.functional.gelu(x, approximate: tanh)", _ => x => nn.functional.gelu(x, GELU.Approximate.tanh)),
        },
        new()
        {
            Name = "inversesoftplus", Attribute = "InverseSoftplus", Title = "InverseSoftplus", Parameter = Beta,
            FloatExact = (y, p) => Reference.InverseSoftplus(y, p.FloatParameter),
            FloatFast = (y, p) => FusedMath.InverseSoftplus((double)y, (double)p.FloatParameter),
            DoubleExact = (y, p) => Reference.InverseSoftplus(y, p.Parameter), Range = (0, 50), RangeScalesWithParameter = true,
            FusedMath = new("FusedMath.InverseSoftplus(y, β), scalar", (y, p) => FusedMath.InverseSoftplus(y, p.FloatParameter), (y, p) => FusedMath.InverseSoftplus(y, p.Parameter)),
            Naive = new("log(exp(βy) − 1)/β in the element type",
                (y, p) => MathF.Log(MathF.Exp(p.FloatParameter * y) - 1f) / p.FloatParameter,
                (y, p) => Math.Log(Math.Exp(p.Parameter * y) - 1.0) / p.Parameter),
            // PyTorch has no inverse softplus (pytorch/pytorch#72759): what its users write.
            PyTorch = new(_ => "x.expm1().log() (beta 1; no built-in)", _ => static x =>
            {
                using TorchSharp.torch.Tensor expm1 = x.expm1();
                return expm1.log();
            }, p => p.Parameter == 1),
        },
    ];

    // PyTorch's GELU-tanh constant k = sqrt(2) (2/sqrt(pi)) / 2, and its float rounding (the float kernel's constants).
    private const double GeluKBeta = 1.4142135623730951 * 1.1283791670955126 * 0.5;
    private const float GeluKBetaFloat = (float)GeluKBeta;

    /// <summary>gelu_tanh of a float in double with the float-rounded constants: x sigmoid(2u), far below float's error.</summary>
    private static double FastGeluTanhFloat(float x)
    {
        double u = GeluKBetaFloat * (x + (double)0.044715f * x * x * x);
        return x / (1.0 + Math.Exp(-2.0 * u));
    }

    // SELU's α for the naive formula (PyTorch's constant; the scale is Reference.SeluScale).
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const float SeluAlphaFloat = (float)SeluAlpha;

    /// <summary>The activation by command-line name (case-insensitive), or null.</summary>
    public static Activation? Find(string name) =>
        All.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(a => a.Name));
}
