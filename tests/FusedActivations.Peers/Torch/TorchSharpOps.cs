using System;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Peers;

/// <summary>PyTorch's CPU kernels of the activations, as tensor functions and applied to spans.</summary>
public static class TorchSharpOps
{
    /// <summary><c>torch.nn.functional.softplus(x, beta, threshold)</c>: x where β·x &gt; threshold, else log1p(exp(β·x))/β.</summary>
    public static Func<Tensor, Tensor> Softplus(double beta, double threshold) =>
        x => nn.functional.softplus(x, beta, threshold);

    /// <summary>
    /// Computes <paramref name="op"/> of <paramref name="x"/> into <paramref name="destination"/> on the calling thread
    /// (see <see cref="TorchSharpRuntime.UseOneThread"/>). Thread-safe: every call makes its own tensors and frees them
    /// before returning. TorchSharp has no <c>out=</c> variant, so the input is copied into a tensor and the result out.
    /// </summary>
    public static void Apply<T>(Func<Tensor, Tensor> op, ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged
    {
        if (x.Length == 0)
        {
            return;
        }

        TorchSharpRuntime.UseOneThread();
        using DisposeScope scope = torch.NewDisposeScope(); // frees both tensors now, not at finalization
        Tensor input = ToTensor(x.ToArray());
        Tensor result = op(input);
        using var data = result.data<T>();
        data.CopyTo(destination[..x.Length]);
    }

    /// <summary>A 1-D tensor with a copy of <paramref name="values"/> (float or double).</summary>
    public static Tensor ToTensor<T>(T[] values)
        where T : unmanaged =>
        values switch
        {
            float[] f => torch.tensor(f),
            double[] d => torch.tensor(d),
            _ => throw new NotSupportedException(typeof(T).Name),
        };
}
