using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text;
using Microsoft.ML.OnnxRuntime;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime's CPU implementation of a unary ONNX operator (Softplus, Sigmoid, Tanh, Relu, ...): a single-node model
/// written directly in protobuf wire format, one intra-op thread, input and output bound with <see cref="OrtIoBinding"/> to
/// the benchmark's preallocated arrays, so a run computes in place of the caller's memory with no copies or allocations.
/// </summary>
public static class OnnxRuntimePeer
{
    /// <summary>The package version measured.</summary>
    public const string Version = "1.31.1";

    /// <summary>A peer running <paramref name="opType"/> (attributes optional: name to float value).</summary>
    public static Peer<T> Unary<T>(string opType, string labelSuffix, Func<T, T> reference, IReadOnlyDictionary<string, float>? attributes = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(PeerKind.OnnxRuntime, $"ONNX Runtime {Version} {opType}{labelSuffix}", buffers => Create(opType, attributes, buffers), reference);

    private static PeerInstance Create<T>(string opType, IReadOnlyDictionary<string, float>? attributes, PeerBuffers<T> buffers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] model = SingleNodeModel(opType, ElementType<T>(), attributes);
        var owned = new Owned();
        try
        {
            SessionOptions options = owned.Add(new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            });
            var session = owned.Add(new InferenceSession(model, options));
            long[] shape = [buffers.Length];
            OrtValue input = owned.Add(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffers.X.AsMemory(), shape));
            OrtValue output = owned.Add(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffers.Y.AsMemory(), shape));
            OrtIoBinding binding = owned.Add(session.CreateIoBinding());
            binding.BindInput("x", input);
            binding.BindOutput("y", output);
            RunOptions run = owned.Add(new RunOptions());
            return new PeerInstance(() => session.RunWithBinding(run, binding), resources: owned);
        }
        catch
        {
            owned.Dispose();
            throw;
        }
    }

    /// <summary>ONNX <c>TensorProto.DataType</c> of <typeparamref name="T"/>.</summary>
    private static int ElementType<T>() =>
        typeof(T) == typeof(float) ? 1 : typeof(T) == typeof(double) ? 11 : throw new NotSupportedException(typeof(T).Name);

    /// <summary>
    /// A model with one node <c>y = opType(x)</c> over a 1-D tensor of symbolic length N, in ONNX's protobuf encoding:
    /// ir_version 8, default-domain opset 13.
    /// </summary>
    public static byte[] SingleNodeModel(string opType, int elementType, IReadOnlyDictionary<string, float>? attributes = null)
    {
        // Field numbers from onnx.proto3. Wire types: 0 = varint, 2 = length-delimited, 5 = 32-bit.
        byte[] ValueInfo(string name) =>
            Message(w => w
                .String(1, name)                                                   // ValueInfoProto.name
                .Message(2, t => t                                                 // ValueInfoProto.type: TypeProto
                    .Message(1, tt => tt                                           // TypeProto.tensor_type
                        .Varint(1, (ulong)elementType)                             // Tensor.elem_type
                        .Message(2, s => s                                         // Tensor.shape: TensorShapeProto
                            .Message(1, d => d.String(2, "N"))))));                // dim { dim_param: "N" }

        byte[] node = Message(w =>
        {
            w.String(1, "x").String(2, "y").String(3, opType.ToLowerInvariant()).String(4, opType); // input, output, name, op_type
            foreach ((string name, float value) in attributes ?? new Dictionary<string, float>())
            {
                w.Message(5, a => a.String(1, name).Fixed32(2, value).Varint(20, 1)); // AttributeProto{name, f, type = FLOAT}
            }
        });

        byte[] graph = Message(w => w.Bytes(1, node).String(2, "single_" + opType).Bytes(11, ValueInfo("x")).Bytes(12, ValueInfo("y")));
        return Message(w => w
            .Varint(1, 8)                                                          // ir_version
            .String(2, "FusedActivations.Benchmarks")                              // producer_name
            .Bytes(7, graph)                                                       // graph
            .Message(8, o => o.String(1, string.Empty).Varint(2, 13)));            // opset_import { domain: "", version: 13 }
    }

    private static byte[] Message(Action<ProtoWriter> build)
    {
        var writer = new ProtoWriter();
        build(writer);
        return writer.ToArray();
    }

    /// <summary>The few protobuf wire-format primitives a model needs.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _stream = new();

        public ProtoWriter Varint(int field, ulong value)
        {
            Tag(field, 0);
            Raw(value);
            return this;
        }

        public ProtoWriter Fixed32(int field, float value)
        {
            Tag(field, 5);
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
            _stream.Write(bytes);
            return this;
        }

        public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public ProtoWriter Message(int field, Action<ProtoWriter> build) => Bytes(field, OnnxRuntimePeer.Message(build));

        public ProtoWriter Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            Raw((ulong)value.Length);
            _stream.Write(value);
            return this;
        }

        public byte[] ToArray() => _stream.ToArray();

        private void Tag(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _stream.WriteByte((byte)value);
        }
    }

    /// <summary>Disposes what a peer instance owns, last created first.</summary>
    private sealed class Owned : IDisposable
    {
        private readonly Stack<IDisposable> _items = new();

        public TItem Add<TItem>(TItem item)
            where TItem : IDisposable
        {
            _items.Push(item);
            return item;
        }

        public void Dispose()
        {
            while (_items.TryPop(out IDisposable? item))
            {
                item.Dispose();
            }
        }
    }
}
