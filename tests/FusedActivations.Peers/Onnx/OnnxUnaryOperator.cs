using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FusedActivations.Peers;

/// <summary>
/// ONNX Runtime's CPU implementation of a unary ONNX operator (Softplus, Sigmoid, Tanh, Relu, ...) on elements of
/// <typeparamref name="T"/>: one session over a <see cref="OnnxModel.SingleNode"/> model, one intra-op thread, so a run
/// computes on the calling thread and several threads can run at once without competing for a pool.
/// </summary>
/// <remarks>
/// Two ways to run it: <see cref="Bind"/> ties input and output to two arrays once (a benchmark times only the run), and
/// <see cref="Compute"/> copies the caller's spans through buffers bound for one call (the accuracy command's chunks, from
/// several threads at once: ONNX Runtime allows concurrent runs of one session, and each call has its own binding).
/// </remarks>
public sealed class OnnxUnaryOperator<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The alignment of the tensors ONNX Runtime allocates (a cache line; enough for AVX-512).</summary>
    private const nuint Alignment = 64;

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly List<OnnxBinding> _bindings = [];

    /// <summary>Loads the model of <paramref name="opType"/>; throws if ONNX Runtime or its CPU provider cannot.</summary>
    public OnnxUnaryOperator(string opType, IReadOnlyDictionary<string, float>? attributes = null)
    {
        OpType = opType;
        byte[] model = OnnxModel.SingleNode(opType, OnnxModel.ElementType<T>(), attributes);
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            // Fails here (not at the first run) when the CPU provider has no kernel for the type, e.g. double Softplus.
            _session = new InferenceSession(model, _options);
        }
        catch
        {
            _options.Dispose();
            throw;
        }
    }

    /// <summary>The ONNX operator, e.g. <c>Softplus</c>.</summary>
    public string OpType { get; }

    /// <summary>
    /// Binds <paramref name="x"/> and <paramref name="y"/> (same length) to the session with an <see cref="OrtIoBinding"/>:
    /// each <see cref="OnnxBinding.Run"/> then reads and writes those arrays in place, with no copies or allocations.
    /// The binding is disposed with this operator.
    /// </summary>
    public OnnxBinding Bind(T[] x, T[] y)
    {
        OnnxBinding binding = OnnxBinding.Create(_session, x, y);
        lock (_bindings)
        {
            _bindings.Add(binding);
        }

        return binding;
    }

    /// <summary>
    /// Computes the operator of <paramref name="x"/> into <paramref name="destination"/> (at least as long), through
    /// buffers bound for this call only. Thread-safe.
    /// </summary>
    /// <remarks>
    /// The data is copied through 64-byte aligned buffers, because ONNX Runtime's results depend on alignment: its CPU
    /// kernels compute an unaligned head with scalar code that rounds differently from the vector code (measured with
    /// Softplus: the first one to three results change with the address of the data), and the tensors it allocates
    /// itself are 64-byte aligned. So every element is computed as in ONNX Runtime's own tensors, and runs repeat exactly
    /// wherever the garbage collector puts the caller's arrays.
    /// </remarks>
    public unsafe void Compute(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (x.Length == 0)
        {
            return;
        }

        if (destination.Length < x.Length)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        long[] shape = [x.Length];
        nuint bytes = (nuint)x.Length * (nuint)sizeof(T);
        var elementType = (TensorElementType)OnnxModel.ElementType<T>(); // the enum mirrors TensorProto.DataType
        T* input = (T*)NativeMemory.AlignedAlloc(bytes, Alignment);
        T* output = (T*)NativeMemory.AlignedAlloc(bytes, Alignment);
        try
        {
            x.CopyTo(new Span<T>(input, x.Length));

            // The values only borrow the buffers; the binding makes ONNX Runtime write into ours instead of allocating.
            using OrtValue inputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, elementType, shape, (IntPtr)input, (long)bytes);
            using OrtValue outputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, elementType, shape, (IntPtr)output, (long)bytes);
            using OrtIoBinding binding = _session.CreateIoBinding();
            binding.BindInput("x", inputValue);
            binding.BindOutput("y", outputValue);
            using var run = new RunOptions();
            _session.RunWithBinding(run, binding);
            new ReadOnlySpan<T>(output, x.Length).CopyTo(destination);
        }
        finally
        {
            NativeMemory.AlignedFree(output);
            NativeMemory.AlignedFree(input);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_bindings)
        {
            foreach (OnnxBinding binding in _bindings)
            {
                binding.Dispose();
            }

            _bindings.Clear();
        }

        _session.Dispose();
        _options.Dispose();
    }
}
