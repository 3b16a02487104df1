using System;
using BenchmarkDotNet.Attributes;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Peers;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Benchmarks.Benchmarks;

/// <summary>
/// Issue 13's Fast precision: for every activation with a Fast formula, the Accurate kernel (the baseline), the Fast
/// kernel and PyTorch on one thread, 64 Ki floats and doubles, inputs [−10, 10] and [−30, 30], in both jobs (PyTorch on
/// AVX2 in the AVX2 job). Run by <c>--plan fast</c> (and <c>all</c>) only.
/// </summary>
/// <remarks>PyTorch allocates its result (and frees it at once), as a PyTorch user's call does; ours write a preallocated span.</remarks>
public class FastBenchmarks
{
    private float[] _x = [];
    private float[] _y = [];
    private double[] _xd = [];
    private double[] _yd = [];
    private Tensor? _tensor;

    /// <summary>The activations with a Fast formula (Softplus with β = 2, the others with their defaults).</summary>
    [Params("Softplus", "Sigmoid", "Tanh", "Silu", "Elu", "Selu", "LogSigmoid", "Mish", "GeluTanh")]
    public string Activation { get; set; } = "Softplus";

    /// <summary>The element type.</summary>
    [Params("float", "double")]
    public string Element { get; set; } = "float";

    /// <summary>The input range: the headline [−10, 10] and the wide [−30, 30].</summary>
    [Params(InputData.Narrow, InputData.Wide)]
    public string Inputs { get; set; } = InputData.Narrow;

    /// <summary>The number of elements (issue 13's bars are at 64 Ki).</summary>
    public const int Length = 65536;

    [GlobalSetup(Targets = [nameof(Accurate), nameof(Fast)])]
    public void SetupOurs()
    {
        Allocate();
        Accurate();
        Fast();
    }

    /// <summary>The default precision.</summary>
    [Benchmark(Baseline = true)]
    public void Accurate() => Run(fast: false);

    /// <summary><c>Precision = ActivationPrecision.Fast</c>.</summary>
    [Benchmark]
    public void Fast() => Run(fast: true);

    private void Run(bool fast)
    {
        if (Element == "float")
        {
            Kernel(fast)(_x, _y);
        }
        else
        {
            DoubleKernel(fast)(_xd, _yd);
        }
    }

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorch()
    {
        if (TorchSharpRuntime.WhyUnavailable() is { } reason)
        {
            throw new InvalidOperationException($"PyTorch cannot run here: {reason}");
        }

        Allocate();
        TorchSharpRuntime.UseThreads(1);
        _tensor = Element == "float" ? torch.tensor(_x, [_x.Length]) : torch.tensor(_xd, [_xd.Length]);
        Torch(_tensor).Dispose();
    }

    /// <summary>PyTorch's function, one thread.</summary>
    [Benchmark]
    public void TorchSharp() => Torch(_tensor!).Dispose();

    /// <summary>Our output after a call, as doubles (the smoke check).</summary>
    internal double[] Output => Element == "float" ? Array.ConvertAll(_y, v => (double)v) : (double[])_yd.Clone();

    /// <summary>Frees the tensor.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tensor?.Dispose();
        _tensor = null;
    }

    /// <summary>The generated kernel of <see cref="Activation"/> (a static method group: no allocation per call).</summary>
    internal SpanKernel Kernel(bool fast) => Activation switch
    {
        "Softplus" => fast ? OurKernels.SoftplusBeta2FloatFast : OurKernels.SoftplusBeta2Float,
        "Sigmoid" => fast ? OurKernels.SigmoidFloatFast : OurKernels.SigmoidFloat,
        "Tanh" => fast ? OurKernels.TanhFloatFast : OurKernels.TanhFloat,
        "Silu" => fast ? OurKernels.SiluFloatFast : OurKernels.SiluFloat,
        "Elu" => fast ? OurKernels.EluFloatFast : OurKernels.EluFloat,
        "Selu" => fast ? OurKernels.SeluFloatFast : OurKernels.SeluFloat,
        "LogSigmoid" => fast ? OurKernels.LogSigmoidFloatFast : OurKernels.LogSigmoidFloat,
        "Mish" => fast ? OurKernels.MishFloatFast : OurKernels.MishFloat,
        "GeluTanh" => fast ? OurKernels.GeluTanhFloatFast : OurKernels.GeluTanhFloat,
        _ => throw new InvalidOperationException("No Fast kernel for " + Activation + "."),
    };

    /// <summary>The generated double kernel of <see cref="Activation"/>.</summary>
    internal DoubleSpanKernel DoubleKernel(bool fast) => Activation switch
    {
        "Softplus" => fast ? OurKernels.SoftplusBeta2DoubleFast : OurKernels.SoftplusBeta2Double,
        "Sigmoid" => fast ? OurKernels.SigmoidDoubleFast : OurKernels.SigmoidDouble,
        "Tanh" => fast ? OurKernels.TanhDoubleFast : OurKernels.TanhDouble,
        "Silu" => fast ? OurKernels.SiluDoubleFast : OurKernels.SiluDouble,
        "Elu" => fast ? OurKernels.EluDoubleFast : OurKernels.EluDouble,
        "Selu" => fast ? OurKernels.SeluDoubleFast : OurKernels.SeluDouble,
        "LogSigmoid" => fast ? OurKernels.LogSigmoidDoubleFast : OurKernels.LogSigmoidDouble,
        "Mish" => fast ? OurKernels.MishDoubleFast : OurKernels.MishDouble,
        "GeluTanh" => fast ? OurKernels.GeluTanhDoubleFast : OurKernels.GeluTanhDouble,
        _ => throw new InvalidOperationException("No Fast kernel for " + Activation + "."),
    };

    private Tensor Torch(Tensor x) => Activation switch
    {
        "Softplus" => nn.functional.softplus(x, 2, 20),
        "Sigmoid" => sigmoid(x),
        "Tanh" => tanh(x),
        "Silu" => nn.functional.silu(x),
        "Elu" => nn.functional.elu(x, 1.0),
        "Selu" => nn.functional.selu(x),
        "LogSigmoid" => nn.functional.logsigmoid(x),
        "Mish" => nn.functional.mish(x),
        "GeluTanh" => nn.functional.gelu(x, global::TorchSharp.Modules.GELU.Approximate.tanh),
        _ => throw new InvalidOperationException("No PyTorch peer for " + Activation + "."),
    };

    private void Allocate()
    {
        Cleanup();
        (double min, double max) = InputData.Parse(Inputs);
        _x = InputData.Uniform<float>(Length, min, max);
        _y = new float[Length];
        _xd = InputData.Uniform<double>(Length, min, max);
        _yd = new double[Length];
    }

    /// <summary>A float span kernel.</summary>
    internal delegate void SpanKernel(ReadOnlySpan<float> x, Span<float> destination);

    /// <summary>A double span kernel.</summary>
    internal delegate void DoubleSpanKernel(ReadOnlySpan<double> x, Span<double> destination);
}
