using System;
using System.Numerics;
using System.Numerics.Tensors;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// Softplus, β = <see cref="Beta"/> (threshold 20, PyTorch's default), and every peer it is measured against.
/// ONNX Runtime's <c>Softplus</c> has no β: it runs β = 1 (same work per element) and is checked against β = 1; its CPU
/// provider implements it for float only. The naive and TensorPrimitives forms have no linear cut-off, so they are checked
/// against the formula without one (threshold +∞); the rest against PyTorch's semantics (threshold 20).
/// </summary>
public static class SoftplusPeers
{
    /// <summary>The β of our kernel and of the peers that take one.</summary>
    public const double Beta = 2;

    /// <summary>PyTorch's default linear cut-off on β·x, also the generator's default.</summary>
    public const double Threshold = 20;

    /// <summary>The float table.</summary>
    public static readonly ActivationTable<float> Float = new(
        "Softplus",
        Peer<float>.FromSpan(PeerKind.Ours, OurKernels.Label("[Softplus(Beta = 2)]"), OurKernels.SoftplusBeta2Float, static x => FusedMath.Softplus(x, (float)Beta)),
        Peer<float>.FromSpan(PeerKind.NaiveScalar, "MathF.Log(1 + MathF.Exp(b*x))/b loop", NaiveFloat, static x => FusedMath.Softplus(x, (float)Beta, float.PositiveInfinity)),
        Peer<float>.FromSpan(PeerKind.StableScalar, "FusedMath.Softplus(x, b) loop", StableFloat, static x => FusedMath.Softplus(x, (float)Beta)),
        new Peer<float>(PeerKind.TensorPrimitives, "TensorPrimitives composition, 6 passes", static b => Composition(b, (float)Beta), static x => FusedMath.Softplus(x, (float)Beta, float.PositiveInfinity)),
        OnnxRuntimePeer.Unary<float>("Softplus", " (β = 1)", static x => FusedMath.Softplus(x, 1f)),
        TorchSharpPeer.Unary<float>($"softplus(x, beta: 2, threshold: 20)", TorchSharpOps.Softplus(Beta, Threshold), static x => FusedMath.Softplus(x, (float)Beta)),
        RooflinePeers.CopyTo<float>(),
        RooflinePeers.Relu<float>());

    /// <summary>The double table.</summary>
    public static readonly ActivationTable<double> Double = new(
        "Softplus",
        Peer<double>.FromSpan(PeerKind.Ours, OurKernels.Label("[Softplus(Beta = 2)]"), OurKernels.SoftplusBeta2Double, static x => FusedMath.Softplus(x, Beta)),
        Peer<double>.FromSpan(PeerKind.NaiveScalar, "Math.Log(1 + Math.Exp(b*x))/b loop", NaiveDouble, static x => FusedMath.Softplus(x, Beta, double.PositiveInfinity)),
        Peer<double>.FromSpan(PeerKind.StableScalar, "FusedMath.Softplus(x, b) loop", StableDouble, static x => FusedMath.Softplus(x, Beta)),
        new Peer<double>(PeerKind.TensorPrimitives, "TensorPrimitives composition, 6 passes", static b => Composition(b, Beta), static x => FusedMath.Softplus(x, Beta, double.PositiveInfinity)),
        OnnxRuntimePeer.Unary<double>("Softplus", " (β = 1)", static x => FusedMath.Softplus(x, 1.0)),
        TorchSharpPeer.Unary<double>($"softplus(x, beta: 2, threshold: 20)", TorchSharpOps.Softplus(Beta, Threshold), static x => FusedMath.Softplus(x, Beta)),
        RooflinePeers.CopyTo<double>(),
        RooflinePeers.Relu<double>());

    /// <summary>The table for <typeparamref name="T"/>.</summary>
    public static ActivationTable<T> For<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (ActivationTable<T>)(object)(typeof(T) == typeof(float) ? Float : typeof(T) == typeof(double) ? Double : throw new NotSupportedException(typeof(T).Name));

    /// <summary>The textbook formula: overflows to +∞ for large b·x and loses everything below b·x ≈ −17 (float).</summary>
    public static void NaiveFloat(ReadOnlySpan<float> x, Span<float> destination)
    {
        const float b = (float)Beta;
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = MathF.Log(1 + MathF.Exp(b * x[i])) / b;
        }
    }

    /// <inheritdoc cref="NaiveFloat"/>
    public static void NaiveDouble(ReadOnlySpan<double> x, Span<double> destination)
    {
        const double b = Beta;
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Log(1 + Math.Exp(b * x[i])) / b;
        }
    }

    /// <summary>The accurate scalar function of the runtime library, one element at a time.</summary>
    public static void StableFloat(ReadOnlySpan<float> x, Span<float> destination)
    {
        const float b = (float)Beta;
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FusedMath.Softplus(x[i], b);
        }
    }

    /// <inheritdoc cref="StableFloat"/>
    public static void StableDouble(ReadOnlySpan<double> x, Span<double> destination)
    {
        const double b = Beta;
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FusedMath.Softplus(x[i], b);
        }
    }

    /// <summary>
    /// What a .NET user writes today: the stable formula <c>max(x, 0) + log1p(exp(−b·|x|))/b</c> as six
    /// <see cref="TensorPrimitives"/> passes over one preallocated temporary. <c>TensorPrimitives.LogP1</c> computes
    /// <c>Log(t + 1)</c>, so results below b·x ≈ −17 (float) are lost as in the naive form.
    /// </summary>
    private static PeerInstance Composition<T>(PeerBuffers<T> buffers, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] temporary = new T[buffers.Length];
        T minusBeta = -beta;
        T inverseBeta = T.One / beta;
        return new PeerInstance(() =>
        {
            ReadOnlySpan<T> x = buffers.X;
            Span<T> y = buffers.Y;
            Span<T> t = temporary;
            TensorPrimitives.Abs(x, t);                      // |x|
            TensorPrimitives.Multiply(t, minusBeta, t);      // -b|x|
            TensorPrimitives.Exp(t, t);                      // exp(-b|x|)
            TensorPrimitives.LogP1(t, t);                    // log(1 + exp(-b|x|))
            TensorPrimitives.Max(x, T.Zero, y);              // max(x, 0)
            TensorPrimitives.MultiplyAdd(t, inverseBeta, y, y); // max(x, 0) + log(...)/b
        });
    }
}
