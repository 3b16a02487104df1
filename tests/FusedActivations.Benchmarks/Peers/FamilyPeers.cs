using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Tp = System.Numerics.Tensors.TensorPrimitives;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// The activation family of issue 11 beside Softplus, one entry each: our kernel (<see cref="OurKernels"/>), the naive
/// formula in a scalar loop, what a .NET user composes from <c>TensorPrimitives</c> (its own Sigmoid and Tanh; passes
/// over preallocated buffers for the rest), and PyTorch's CPU kernel through TorchSharp. Every peer is checked by
/// <c>--smoke</c> against the accurate scalar function of the runtime library (<see cref="FusedMath"/>), whose semantics
/// are PyTorch's. Default parameters throughout (α = 1, β = 1, slope 0.01), as the PyTorch calls use them.
/// </summary>
/// <remarks>
/// Adding an activation: its two kernels in OurKernels.cs, one entry in <see cref="All"/> (a naive formula struct and a
/// composition struct below if it has them), and one line in Benchmarks/FamilyBenchmarks.cs. An entry without
/// <c>ours</c> compiles and its peers are smoke-checked, but it is left out of benchmark runs (nothing to compare with).
/// </remarks>
public static class FamilyPeers
{
    /// <summary>Every family activation, in the order of the tables.</summary>
    public static readonly IReadOnlyList<FamilyActivation> All =
    [
        new FamilyActivation("Sigmoid", "[Sigmoid]", OurKernels.SigmoidFloat, OurKernels.SigmoidDouble, FusedMath.Sigmoid, FusedMath.Sigmoid)
            .Naive<NaiveSigmoid>().Composition<OwnSigmoid>().Torch("torch.sigmoid(x)", x => sigmoid(x)),
        new FamilyActivation("Tanh", "[Tanh]", OurKernels.TanhFloat, OurKernels.TanhDouble, FusedMath.Tanh, FusedMath.Tanh)
            .Naive<NaiveTanh>().Composition<OwnTanh>().Torch("torch.tanh(x)", x => tanh(x)),
        new FamilyActivation("Silu", "[Silu]", OurKernels.SiluFloat, OurKernels.SiluDouble, FusedMath.Silu, FusedMath.Silu)
            .Naive<NaiveSilu>().Composition<SiluComposition>().Torch("nn.functional.silu(x)", x => nn.functional.silu(x)),
        new FamilyActivation("Mish", "[Mish]", OurKernels.MishFloat, OurKernels.MishDouble, FusedMath.Mish, FusedMath.Mish)
            .Naive<NaiveMish>().Composition<MishComposition>().Torch("nn.functional.mish(x)", x => nn.functional.mish(x)),
        new FamilyActivation("Elu", "[Elu]", OurKernels.EluFloat, OurKernels.EluDouble, FusedMath.Elu, FusedMath.Elu)
            .Naive<NaiveElu>().Composition<EluComposition>().Torch("nn.functional.elu(x, alpha: 1)", x => nn.functional.elu(x, 1.0)),
        new FamilyActivation("Selu", "[Selu]", OurKernels.SeluFloat, OurKernels.SeluDouble, FusedMath.Selu, FusedMath.Selu)
            .Naive<NaiveSelu>().Composition<SeluComposition>().Torch("nn.functional.selu(x)", x => nn.functional.selu(x)),
        new FamilyActivation("LogSigmoid", "[LogSigmoid]", OurKernels.LogSigmoidFloat, OurKernels.LogSigmoidDouble, FusedMath.LogSigmoid, FusedMath.LogSigmoid)
            .Naive<NaiveLogSigmoid>().Composition<LogSigmoidComposition>().Torch("nn.functional.logsigmoid(x)", x => nn.functional.logsigmoid(x)),
        new FamilyActivation("Relu", "[Relu]", OurKernels.ReluFloat, OurKernels.ReluDouble, FusedMath.Relu, FusedMath.Relu)
            .Naive<NaiveRelu>().Composition<ReluComposition>().Torch("nn.functional.relu(x)", x => nn.functional.relu(x)),
        new FamilyActivation("LeakyRelu", "[LeakyRelu]", OurKernels.LeakyReluFloat, OurKernels.LeakyReluDouble, FusedMath.LeakyRelu, FusedMath.LeakyRelu)
            .Naive<NaiveLeakyRelu>().Composition<LeakyReluComposition>().Torch("nn.functional.leaky_relu(x, negative_slope: 0.01)", x => nn.functional.leaky_relu(x, 0.01)),
        new FamilyActivation("HardSwish", "[HardSwish]", OurKernels.HardSwishFloat, OurKernels.HardSwishDouble, FusedMath.HardSwish, FusedMath.HardSwish)
            .Naive<NaiveHardSwish>().Composition<HardSwishComposition>().Torch("nn.functional.hardswish(x)", x => nn.functional.hardswish(x)),

        // GELU (erf): .NET has neither Math.Erf nor TensorPrimitives.Erf, so no naive loop and no composition; the scalar
        // column is the runtime library's FusedMath.Gelu in a loop.
        new FamilyActivation("Gelu", "[Gelu]", OurKernels.GeluFloat, OurKernels.GeluDouble, FusedMath.Gelu, FusedMath.Gelu)
            .Stable("FusedMath.Gelu(x) loop (no Math.Erf in .NET)", GeluLoop, GeluLoop)
            .Torch("nn.functional.gelu(x)", x => nn.functional.gelu(x)),
        new FamilyActivation("GeluTanh", "[Gelu(Approximate = GeluApproximation.Tanh)]", OurKernels.GeluTanhFloat, OurKernels.GeluTanhDouble, FusedMath.GeluTanh, FusedMath.GeluTanh)
            .Naive<NaiveGeluTanh>().Composition<GeluTanhComposition>()
            .Torch("nn.functional.gelu(x, approximate: tanh)", x => nn.functional.gelu(x, GELU.Approximate.tanh)),
        // InverseSoftplus is defined for y > 0: its inputs are softplus(x) of the range's x (what a softplus layer outputs).
        // PyTorch has no inverse softplus (pytorch/pytorch#72759); what its users write is the composition below.
        new FamilyActivation("InverseSoftplus", "[InverseSoftplus]", OurKernels.InverseSoftplusFloat, OurKernels.InverseSoftplusDouble, FusedMath.InverseSoftplus, FusedMath.InverseSoftplus)
            // exp(y) - 1 cancels for small y in both (TensorPrimitives.ExpM1 computes Exp(y) - 1; the naive float form
            // gives -∞ below y ≈ 6e-8): the smoke check checks them from y = 0.5 on.
            .Naive<NaiveInverseSoftplus>(checkedFrom: 0.5).Composition<InverseSoftplusComposition>(checkedFrom: 0.5)
            .Torch("x.expm1().log() (no built-in)", static x =>
            {
                using Tensor expm1 = x.expm1();
                return expm1.log();
            })
            .MapInputs("softplus(x)", x => FusedMath.Softplus(x)),
    ];

    /// <summary>The entry named <paramref name="activation"/> (as in <see cref="FamilyActivation.Name"/>).</summary>
    public static FamilyActivation Find(string activation) =>
        All.FirstOrDefault(a => a.Name == activation) ?? throw new ArgumentException($"No family activation named {activation}.", nameof(activation));

    private static void GeluLoop(ReadOnlySpan<float> x, Span<float> destination)
    {
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FusedMath.Gelu(x[i]);
        }
    }

    private static void GeluLoop(ReadOnlySpan<double> x, Span<double> destination)
    {
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FusedMath.Gelu(x[i]);
        }
    }

    // ---- Naive formulas: the textbook formula in the element type (MathF for float, Math for double), one element at a
    // time. Structs, so the loop (NaiveLoop) is specialized and the formula inlined: the column measures the formula, not a
    // delegate call per element. ----

    private readonly struct NaiveSigmoid : INaiveFormula
    {
        public static string Text => "1 / (1 + exp(-x))";
        public static float Of(float x) => 1f / (1f + MathF.Exp(-x));
        public static double Of(double x) => 1.0 / (1.0 + Math.Exp(-x));
    }

    // What a user writes for tanh in a loop is the runtime's own scalar function.
    private readonly struct NaiveTanh : INaiveFormula
    {
        public static string Text => "MathF.Tanh(x) (Math.Tanh for double)";
        public static float Of(float x) => MathF.Tanh(x);
        public static double Of(double x) => Math.Tanh(x);
    }

    private readonly struct NaiveSilu : INaiveFormula
    {
        public static string Text => "x / (1 + exp(-x))";
        public static float Of(float x) => x / (1f + MathF.Exp(-x));
        public static double Of(double x) => x / (1.0 + Math.Exp(-x));
    }

    private readonly struct NaiveMish : INaiveFormula
    {
        public static string Text => "x * tanh(log(1 + exp(x)))";
        public static float Of(float x) => x * MathF.Tanh(MathF.Log(1f + MathF.Exp(x)));
        public static double Of(double x) => x * Math.Tanh(Math.Log(1.0 + Math.Exp(x)));
    }

    private readonly struct NaiveElu : INaiveFormula
    {
        public static string Text => "x > 0 ? x : exp(x) - 1";
        public static float Of(float x) => x > 0 ? x : MathF.Exp(x) - 1f;
        public static double Of(double x) => x > 0 ? x : Math.Exp(x) - 1.0;
    }

    private readonly struct NaiveSelu : INaiveFormula
    {
        public static string Text => "λ * (x > 0 ? x : α (exp(x) - 1))";
        public static float Of(float x) => SeluScaleFloat * (x > 0 ? x : SeluAlphaFloat * (MathF.Exp(x) - 1f));
        public static double Of(double x) => SeluScale * (x > 0 ? x : SeluAlpha * (Math.Exp(x) - 1.0));
    }

    private readonly struct NaiveLogSigmoid : INaiveFormula
    {
        public static string Text => "log(1 / (1 + exp(-x)))";
        public static float Of(float x) => MathF.Log(1f / (1f + MathF.Exp(-x)));
        public static double Of(double x) => Math.Log(1.0 / (1.0 + Math.Exp(-x)));
    }

    private readonly struct NaiveRelu : INaiveFormula
    {
        public static string Text => "x > 0 ? x : 0";
        public static float Of(float x) => x > 0 ? x : 0f;
        public static double Of(double x) => x > 0 ? x : 0.0;
    }

    private readonly struct NaiveLeakyRelu : INaiveFormula
    {
        public static string Text => "x > 0 ? x : 0.01 * x";
        public static float Of(float x) => x > 0 ? x : 0.01f * x;
        public static double Of(double x) => x > 0 ? x : 0.01 * x;
    }

    private readonly struct NaiveHardSwish : INaiveFormula
    {
        public static string Text => "x * min(max(x + 3, 0), 6) / 6";
        public static float Of(float x) => x * MathF.Min(MathF.Max(x + 3f, 0f), 6f) / 6f;
        public static double Of(double x) => x * Math.Min(Math.Max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    private readonly struct NaiveGeluTanh : INaiveFormula
    {
        public static string Text => "0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))";
        public static float Of(float x) => 0.5f * x * (1f + MathF.Tanh(GeluTanhScaleFloat * (x + (0.044715f * x * x * x))));
        public static double Of(double x) => 0.5 * x * (1.0 + Math.Tanh(GeluTanhScale * (x + (0.044715 * x * x * x))));
    }

    private readonly struct NaiveInverseSoftplus : INaiveFormula
    {
        public static string Text => "log(exp(y) - 1)";
        public static float Of(float x) => MathF.Log(MathF.Exp(x) - 1f);
        public static double Of(double x) => Math.Log(Math.Exp(x) - 1.0);
    }

    // PyTorch's SELU constants (as in FusedMath.Selu); the float forms rounded to float.
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;
    private const float SeluAlphaFloat = (float)SeluAlpha;
    private const float SeluScaleFloat = (float)SeluScale;

    // √(2/π), the tanh-GELU's scale.
    private const double GeluTanhScale = 0.79788456080286535587989211986876;
    private const float GeluTanhScaleFloat = (float)GeluTanhScale;

    // ---- TensorPrimitives: its own operation where it has one, otherwise the formula as a chain of whole-span passes
    // (each reads and writes the full length), over the output buffer and at most one temporary, both allocated once. ----

    private readonly struct OwnSigmoid : IComposition
    {
        public static string Label => "TensorPrimitives.Sigmoid (its own operation)";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () => Tp.Sigmoid<T>(b.X, b.Y);
    }

    private readonly struct OwnTanh : IComposition
    {
        public static string Label => "TensorPrimitives.Tanh (its own operation)";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () => Tp.Tanh<T>(b.X, b.Y);
    }

    private readonly struct SiluComposition : IComposition
    {
        public static string Label => "Sigmoid, Multiply by x: 2 passes";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () =>
        {
            Tp.Sigmoid<T>(b.X, b.Y);
            Tp.Multiply<T>(b.X, b.Y, b.Y);
        };
    }

    private readonly struct MishComposition : IComposition
    {
        public static string Label => "Exp, Add 1, Log, Tanh, Multiply by x: 5 passes";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () =>
        {
            Tp.Exp<T>(b.X, b.Y);
            Tp.Add(b.Y, T.One, b.Y);
            Tp.Log<T>(b.Y, b.Y);
            Tp.Tanh<T>(b.Y, b.Y);
            Tp.Multiply<T>(b.X, b.Y, b.Y);
        };
    }

    private readonly struct EluComposition : IComposition
    {
        public static string Label => "Max(x, 0) + α ExpM1(Min(x, 0)): Min, ExpM1, Multiply α, Max, Add: 5 passes, 1 temporary";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () =>
            PositiveAndExpM1(b, t, positive: null, negative: T.One);
    }

    private readonly struct SeluComposition : IComposition
    {
        public static string Label => "λ Max(x, 0) + λα ExpM1(Min(x, 0)): 6 passes, 1 temporary";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            bool isFloat = typeof(T) == typeof(float);
            T scale = isFloat ? T.CreateChecked(SeluScaleFloat) : T.CreateChecked(SeluScale);
            T negative = isFloat ? T.CreateChecked(SeluAlphaFloat * SeluScaleFloat) : T.CreateChecked(SeluAlpha * SeluScale);
            return () => PositiveAndExpM1(b, t, scale, negative);
        }
    }

    private readonly struct LogSigmoidComposition : IComposition
    {
        public static string Label => "Sigmoid, Log: 2 passes";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () =>
        {
            Tp.Sigmoid<T>(b.X, b.Y);
            Tp.Log<T>(b.Y, b.Y);
        };
    }

    private readonly struct ReluComposition : IComposition
    {
        public static string Label => "Max(x, 0): 1 pass";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () => Tp.Max(b.X, T.Zero, b.Y);
    }

    private readonly struct LeakyReluComposition : IComposition
    {
        public static string Label => "Max(x, Multiply(x, 0.01)): 2 passes, 1 temporary";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T slope = T.CreateChecked(0.01);
            return () =>
            {
                Tp.Multiply(b.X, slope, t);
                Tp.Max<T>(b.X, t, b.Y);
            };
        }
    }

    private readonly struct HardSwishComposition : IComposition
    {
        public static string Label => "Add 3, Clamp(0, 6), Multiply by x, Divide by 6: 4 passes";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T three = T.CreateChecked(3), six = T.CreateChecked(6);
            return () =>
            {
                Tp.Add(b.X, three, b.Y);
                Tp.Clamp(b.Y, T.Zero, six, b.Y);
                Tp.Multiply<T>(b.X, b.Y, b.Y);
                Tp.Divide(b.Y, six, b.Y);
            };
        }
    }

    private readonly struct GeluTanhComposition : IComposition
    {
        public static string Label => "x², ·x, MultiplyAdd(0.044715, x), ·√(2/π), Tanh, Add 1, ·x, ·0.5: 8 passes, 1 temporary";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T>
        {
            T cubic = T.CreateChecked(0.044715), scale = T.CreateChecked(GeluTanhScale), half = T.CreateChecked(0.5);
            return () =>
            {
                Tp.Multiply<T>(b.X, b.X, t);
                Tp.Multiply<T>(t, b.X, t);
                Tp.MultiplyAdd(t, cubic, b.X, t);
                Tp.Multiply(t, scale, t);
                Tp.Tanh<T>(t, t);
                Tp.Add(t, T.One, t);
                Tp.Multiply<T>(t, b.X, b.Y);
                Tp.Multiply(b.Y, half, b.Y);
            };
        }
    }

    private readonly struct InverseSoftplusComposition : IComposition
    {
        public static string Label => "ExpM1, Log: 2 passes";
        public static Action Create<T>(PeerBuffers<T> b, T[] t) where T : unmanaged, IFloatingPointIeee754<T> => () =>
        {
            Tp.ExpM1<T>(b.X, b.Y);
            Tp.Log<T>(b.Y, b.Y);
        };
    }

    /// <summary>y = positive·Max(x, 0) + negative·ExpM1(Min(x, 0)) (no multiplication when <paramref name="positive"/> is null).</summary>
    private static void PositiveAndExpM1<T>(PeerBuffers<T> b, T[] t, T? positive, T negative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tp.Min(b.X, T.Zero, t);
        Tp.ExpM1<T>(t, t);
        Tp.Multiply(t, negative, t);
        Tp.Max(b.X, T.Zero, b.Y);
        if (positive is T p)
        {
            Tp.Multiply(b.Y, p, b.Y);
        }

        Tp.Add<T>(b.Y, t, b.Y);
    }
}

/// <summary>A naive formula, for float and double (see <see cref="FamilyPeers"/>).</summary>
public interface INaiveFormula
{
    /// <summary>The formula as written in the tables.</summary>
    static abstract string Text { get; }

    /// <summary>The formula in float.</summary>
    static abstract float Of(float x);

    /// <summary>The formula in double.</summary>
    static abstract double Of(double x);
}

/// <summary>A TensorPrimitives composition (see <see cref="FamilyPeers"/>).</summary>
public interface IComposition
{
    /// <summary>What is composed, for the tables.</summary>
    static abstract string Label { get; }

    /// <summary>The run on <paramref name="buffers"/>, with a preallocated temporary <paramref name="temporary"/> of the same length.</summary>
    static abstract Action Create<T>(PeerBuffers<T> buffers, T[] temporary)
        where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>
/// One family activation and its peers, for float and double: our kernels (null while not generated), the accurate
/// reference (<see cref="FusedMath"/>), and the peers added by <see cref="Naive{TFormula}"/>, <see cref="Stable"/>,
/// <see cref="Composition{TComposition}"/> and <see cref="Torch"/>.
/// </summary>
public sealed class FamilyActivation(
    string name, string attribute, SpanAction<float>? oursFloat, SpanAction<double>? oursDouble, Func<float, float> referenceFloat, Func<double, double> referenceDouble)
{
    private readonly List<Peer<float>> _float = oursFloat is null ? [] : [Peer<float>.FromSpan(PeerKind.Ours, OurKernels.Label(attribute), oursFloat, referenceFloat)];
    private readonly List<Peer<double>> _double = oursDouble is null ? [] : [Peer<double>.FromSpan(PeerKind.Ours, OurKernels.Label(attribute), oursDouble, referenceDouble)];
    private ActivationTable<float>? _floatTable;
    private ActivationTable<double>? _doubleTable;

    /// <summary>The name in reports and of the benchmark class (<c>{Name}Benchmarks</c>), e.g. <c>Silu</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Our kernel's attribute, e.g. <c>[Silu]</c>.</summary>
    public string Attribute { get; } = attribute;

    /// <summary>Whether our kernels are declared (an activation without them is not benchmarked).</summary>
    public bool HasOurs => oursFloat is not null && oursDouble is not null;

    /// <summary>Maps each input x of the range to the activation's argument, with its description (null: x itself).</summary>
    public (string Text, Func<double, double> Map)? InputMap { get; private set; }

    /// <summary>
    /// Adds the naive formula in a scalar loop; it is smoke-checked for inputs from <paramref name="checkedFrom"/> on
    /// (where it is known to fail below).
    /// </summary>
    public FamilyActivation Naive<TFormula>(double checkedFrom = double.NegativeInfinity)
        where TFormula : struct, INaiveFormula
    {
        string label = $"{TFormula.Text} loop";
        _float.Add(Peer<float>.FromSpan(PeerKind.NaiveScalar, label, NaiveLoop<TFormula>, CheckedFrom(referenceFloat, checkedFrom)));
        _double.Add(Peer<double>.FromSpan(PeerKind.NaiveScalar, label, NaiveLoop<TFormula>, CheckedFrom(referenceDouble, checkedFrom)));
        return this;
    }

    /// <summary>Adds a scalar function of the runtime library in a loop (for an activation without a naive formula).</summary>
    public FamilyActivation Stable(string label, SpanAction<float> loopFloat, SpanAction<double> loopDouble)
    {
        _float.Add(Peer<float>.FromSpan(PeerKind.StableScalar, label, loopFloat, referenceFloat));
        _double.Add(Peer<double>.FromSpan(PeerKind.StableScalar, label, loopDouble, referenceDouble));
        return this;
    }

    /// <summary>Adds the TensorPrimitives composition (smoke-checked from <paramref name="checkedFrom"/> on, as <see cref="Naive{TFormula}"/>).</summary>
    public FamilyActivation Composition<TComposition>(double checkedFrom = double.NegativeInfinity)
        where TComposition : struct, IComposition
    {
        _float.Add(new Peer<float>(PeerKind.TensorPrimitives, TComposition.Label, b => new PeerInstance(TComposition.Create(b, new float[b.Length])), CheckedFrom(referenceFloat, checkedFrom)));
        _double.Add(new Peer<double>(PeerKind.TensorPrimitives, TComposition.Label, b => new PeerInstance(TComposition.Create(b, new double[b.Length])), CheckedFrom(referenceDouble, checkedFrom)));
        return this;
    }

    /// <summary>The reference where x ≥ <paramref name="from"/>, NaN (not checked) below.</summary>
    private static Func<T, T> CheckedFrom<T>(Func<T, T> reference, double from)
        where T : IFloatingPointIeee754<T> =>
        double.IsNegativeInfinity(from) ? reference : x => double.CreateChecked(x) >= from ? reference(x) : T.NaN;

    /// <summary>Adds PyTorch's kernel (<paramref name="description"/>: the call as written in the tables).</summary>
    public FamilyActivation Torch(string description, Func<Tensor, Tensor> op)
    {
        _float.Add(TorchSharpPeer.Unary(description, op, referenceFloat));
        _double.Add(TorchSharpPeer.Unary(description, op, referenceDouble));
        return this;
    }

    /// <summary>Feeds the activation <paramref name="map"/>(x) instead of the range's x (e.g. a domain of y &gt; 0).</summary>
    public FamilyActivation MapInputs(string text, Func<double, double> map)
    {
        InputMap = (text, map);
        return this;
    }

    /// <summary>The table for <typeparamref name="T"/> (float or double).</summary>
    public ActivationTable<T> Table<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return (ActivationTable<T>)(object)(_floatTable ??= new ActivationTable<float>(Name, [.. _float]) { InputMap = InputMap });
        }

        if (typeof(T) == typeof(double))
        {
            return (ActivationTable<T>)(object)(_doubleTable ??= new ActivationTable<double>(Name, [.. _double]) { InputMap = InputMap });
        }

        throw new NotSupportedException(typeof(T).Name);
    }

    private static void NaiveLoop<TFormula>(ReadOnlySpan<float> x, Span<float> destination)
        where TFormula : struct, INaiveFormula
    {
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = TFormula.Of(x[i]);
        }
    }

    private static void NaiveLoop<TFormula>(ReadOnlySpan<double> x, Span<double> destination)
        where TFormula : struct, INaiveFormula
    {
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = TFormula.Of(x[i]);
        }
    }
}
