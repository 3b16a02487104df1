using System;
using TorchSharp;
using static TorchSharp.torch;

namespace FusedActivations.Peers;

/// <summary>
/// PyTorch autograd of a fused formula of two inputs through TorchSharp, on one thread: the peer of issue 12's gradient
/// kernels (<c>[FusedGradient]</c>: "each gradient kernel at least 2× faster than PyTorch autograd"). The inputs are leaf
/// tensors with <c>requires_grad</c>, made once; <see cref="Forward"/> evaluates the expression as a PyTorch user's line
/// does (recording the graph), <see cref="Backward"/> calls <c>y.backward(gradOutput)</c>, and the gradients are read from
/// the leaves' <c>.grad</c> (<see cref="CopyGradients"/>).
/// </summary>
/// <remarks>
/// <para>
/// Shapes as PyTorch users write them: the first input [rows, channels]; a broadcast second input (a bias) [channels],
/// which autograd sums over rows for its gradient; an elementwise second input [rows, channels]; gradOutput [rows, channels].
/// </para>
/// <para>
/// What a gradient benchmark times: <see cref="Step"/> (forward and backward; our gradient kernel recomputes the forward
/// from the inputs, so "ours" there is the fused forward kernel plus the gradient kernel), or <see cref="Backward"/> alone
/// after an untimed <see cref="Forward"/> (PyTorch's backward reuses what its forward saved). Each <see cref="Forward"/>
/// first drops the previous graph and sets the leaves' gradients to None, as <c>optimizer.zero_grad()</c> does (its
/// default, <c>set_to_none=True</c>), so the backward allocates fresh gradients instead of accumulating into old ones.
/// </para>
/// <para>
/// <see cref="TorchSharpRuntime.UseOneThread"/> is applied when an instance is made (which loads the natives: the
/// constructor throws if PyTorch cannot run here; check <see cref="TorchSharpRuntime.WhyUnavailable"/> first).
/// </para>
/// </remarks>
public sealed class TorchSharpAutograd<T> : IDisposable
    where T : unmanaged
{
    private readonly Tensor _first;
    private readonly Tensor _second;
    private readonly Tensor _gradOutput;
    private readonly Func<Tensor, Tensor, Tensor> _expression;
    private Tensor? _output;

    private TorchSharpAutograd(string expression, Func<Tensor, Tensor, Tensor> compute, T[] first, T[] second, int channels, T[] gradOutput)
    {
        if (channels <= 0 || first.Length % channels != 0 || gradOutput.Length != first.Length ||
            (second.Length != channels && second.Length != first.Length))
        {
            throw new ArgumentException($"Inputs of {first.Length}, {second.Length} and {gradOutput.Length} elements are not rows of {channels} channels.");
        }

        TorchSharpRuntime.UseOneThread();
        Expression = expression;
        _expression = compute;
        long[] shape = [first.Length / channels, channels];
        _first = Leaf(first, shape);
        _second = Leaf(second, second.Length == first.Length ? shape : [channels]);
        _gradOutput = Tensor(gradOutput, shape, requiresGrad: false);
        Length = first.Length;
    }

    /// <summary>The expression as PyTorch users write it, e.g. <c>softplus(raw + bias, beta: 2) + 1e-6</c>.</summary>
    public string Expression { get; }

    /// <summary>The number of elements of the first input, of the output and of gradOutput.</summary>
    public int Length { get; }

    /// <summary>
    /// Issue 12's positive scale head: <c>y = softplus(raw + bias, beta: 2) + 1e-6</c> (threshold 20, PyTorch's default),
    /// <paramref name="raw"/> rows × channels, <paramref name="bias"/> one value per channel (broadcast).
    /// Gradients: d/draw = gradOutput · σ(2(raw + bias)) (gradOutput where 2(raw + bias) &gt; 20), d/dbias = its sum over rows.
    /// </summary>
    public static TorchSharpAutograd<T> Scale(T[] raw, T[] bias, T[] gradOutput) =>
        new("softplus(raw + bias, beta: 2) + 1e-6", static (r, b) => nn.functional.softplus(r + b, 2, 20) + 1e-6, raw, bias, bias.Length, gradOutput);

    /// <summary>
    /// SwiGLU's gate: <c>y = silu(a) * b</c>, elementwise. Gradients: d/da = gradOutput · b · σ(a)(1 + a(1 − σ(a))),
    /// d/db = gradOutput · silu(a).
    /// </summary>
    public static TorchSharpAutograd<T> SwiGlu(T[] a, T[] b, T[] gradOutput) =>
        new("silu(a) * b", static (x, gate) => nn.functional.silu(x) * gate, a, b, a.Length, gradOutput);

    /// <summary>
    /// Evaluates the expression, recording the graph. Drops the previous output and graph and sets the inputs' gradients
    /// to None first (as <c>zero_grad()</c> does), so repeated steps do not accumulate.
    /// </summary>
    public void Forward()
    {
        _output?.Dispose();
        _output = null;
        _first.grad = null;
        _second.grad = null;
        using DisposeScope scope = NewDisposeScope(); // frees the intermediates' handles; the graph keeps what it saved
        _output = _expression(_first, _second).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <c>y.backward(gradOutput)</c> on the last <see cref="Forward"/>'s graph (freed afterwards, as PyTorch does without
    /// <c>retain_graph</c>): the inputs' <c>.grad</c> then hold the gradients.
    /// </summary>
    public void Backward()
    {
        Tensor output = _output ?? throw new InvalidOperationException("Backward needs a Forward first (each graph is used once).");
        output.backward([_gradOutput]);
    }

    /// <summary>One training step of this formula: <see cref="Forward"/>, then <see cref="Backward"/>.</summary>
    public void Step()
    {
        Forward();
        Backward();
    }

    /// <summary>Copies the last <see cref="Forward"/>'s output (<see cref="Length"/> elements) into <paramref name="destination"/>.</summary>
    public void CopyOutput(Span<T> destination)
    {
        Tensor output = _output ?? throw new InvalidOperationException("No output: call Forward first.");
        using Tensor values = output.detach();
        values.data<T>().CopyTo(destination[..Length]);
    }

    /// <summary>
    /// Copies the gradients of the last <see cref="Backward"/> into <paramref name="gradFirst"/> (one per element) and
    /// <paramref name="gradSecond"/> (one per element, or one per channel for a broadcast input: summed over rows).
    /// </summary>
    public void CopyGradients(Span<T> gradFirst, Span<T> gradSecond)
    {
        Copy(_first, gradFirst);
        Copy(_second, gradSecond);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _output?.Dispose();
        _first.Dispose();
        _second.Dispose();
        _gradOutput.Dispose();
    }

    private static void Copy(Tensor leaf, Span<T> destination)
    {
        using Tensor gradient = leaf.grad ?? throw new InvalidOperationException("No gradient: call Backward first.");
        gradient.data<T>().CopyTo(destination[..(int)gradient.numel()]);
    }

    private static Tensor Leaf(T[] values, long[] shape) => Tensor(values, shape, requiresGrad: true);

    private static Tensor Tensor(T[] values, long[] shape, bool requiresGrad) =>
        values switch
        {
            float[] f => torch.tensor(f, shape, requires_grad: requiresGrad),
            double[] d => torch.tensor(d, shape, requires_grad: requiresGrad),
            _ => throw new NotSupportedException(typeof(T).Name),
        };
}
