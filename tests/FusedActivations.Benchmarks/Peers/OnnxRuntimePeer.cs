using System;
using System.Collections.Generic;
using System.Numerics;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime's CPU implementation of a unary ONNX operator as a benchmark column: the single-node model and session
/// of <see cref="OnnxUnaryOperator{T}"/> (FusedActivations.Peers), input and output bound once to the benchmark's
/// preallocated arrays, so the timed run computes in place with no copies or allocations.
/// </summary>
public static class OnnxRuntimePeer
{
    /// <summary>The package version measured.</summary>
    public static string Version => PeerVersions.OnnxRuntime;

    /// <summary>A peer running <paramref name="opType"/> (attributes optional: name to float value).</summary>
    public static Peer<T> Unary<T>(string opType, string labelSuffix, Func<T, T> reference, IReadOnlyDictionary<string, float>? attributes = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(PeerKind.OnnxRuntime, $"ONNX Runtime {Version} {opType}{labelSuffix}", buffers => Create(opType, attributes, buffers), reference);

    private static PeerInstance Create<T>(string opType, IReadOnlyDictionary<string, float>? attributes, PeerBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var op = new OnnxUnaryOperator<T>(opType, attributes);
        try
        {
            OnnxBinding binding = op.Bind(buffers.X, buffers.Y);
            return new PeerInstance(binding.Run, resources: op); // disposing the operator disposes its binding
        }
        catch
        {
            op.Dispose();
            throw;
        }
    }
}
