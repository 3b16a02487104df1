using System;
using Microsoft.ML.OnnxRuntime;

namespace FusedActivations.Peers;

/// <summary>
/// A session's input and output bound once to two arrays (<see cref="OnnxUnaryOperator{T}.Bind"/>): <see cref="Run"/>
/// is the operator alone, which is what a benchmark should time. Not for concurrent use.
/// </summary>
public sealed class OnnxBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _run = new();

    private OnnxBinding(InferenceSession session, OrtValue input, OrtValue output)
    {
        _session = session;
        _input = input;
        _output = output;
        _binding = session.CreateIoBinding();
        _binding.BindInput("x", _input);
        _binding.BindOutput("y", _output);
    }

    internal static OnnxBinding Create<T>(InferenceSession session, T[] x, T[] y)
        where T : unmanaged
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException("Input and output differ in length.", nameof(y));
        }

        // CreateTensorValueFromMemory pins the array for the value's lifetime, so ONNX Runtime can keep its address.
        long[] shape = [x.Length];
        OrtValue input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, x.AsMemory(), shape);
        try
        {
            OrtValue output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, y.AsMemory(), shape);
            return new OnnxBinding(session, input, output);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>Computes the operator of the input array into the output array.</summary>
    public void Run() => _session.RunWithBinding(_run, _binding);

    /// <inheritdoc/>
    public void Dispose()
    {
        _binding.Dispose();
        _output.Dispose();
        _input.Dispose();
        _run.Dispose();
    }
}
