using System;
using System.Collections.Generic;

namespace FusedActivations.Peers;

/// <summary>
/// Single-node ONNX models written directly in protobuf wire format: no onnx or protobuf package is needed for a model
/// of one unary operator, and the bytes say exactly what ONNX Runtime is asked to run.
/// </summary>
public static class OnnxModel
{
    /// <summary>ONNX <c>TensorProto.DataType</c> of <typeparamref name="T"/>: FLOAT = 1, DOUBLE = 11.</summary>
    public static int ElementType<T>() =>
        typeof(T) == typeof(float) ? 1 : typeof(T) == typeof(double) ? 11 : throw new NotSupportedException(typeof(T).Name);

    /// <summary>
    /// A model with one node <c>y = opType(x)</c> over a 1-D tensor of symbolic length N, in ONNX's protobuf encoding:
    /// ir_version 8, default-domain opset 13. <paramref name="attributes"/> are float attributes (name to value), e.g.
    /// <c>alpha</c> of Elu.
    /// </summary>
    public static byte[] SingleNode(string opType, int elementType, IReadOnlyDictionary<string, float>? attributes = null)
    {
        // Field numbers from onnx.proto3. Wire types: 0 = varint, 2 = length-delimited, 5 = 32-bit.
        byte[] ValueInfo(string name) =>
            ProtoWriter.Message(w => w
                .String(1, name)                                                   // ValueInfoProto.name
                .Message(2, t => t                                                 // ValueInfoProto.type: TypeProto
                    .Message(1, tt => tt                                           // TypeProto.tensor_type
                        .Varint(1, (ulong)elementType)                             // Tensor.elem_type
                        .Message(2, s => s                                         // Tensor.shape: TensorShapeProto
                            .Message(1, d => d.String(2, "N"))))));                // dim { dim_param: "N" }

        byte[] node = ProtoWriter.Message(w =>
        {
            w.String(1, "x").String(2, "y").String(3, opType.ToLowerInvariant()).String(4, opType); // input, output, name, op_type
            foreach ((string name, float value) in attributes ?? new Dictionary<string, float>())
            {
                w.Message(5, a => a.String(1, name).Fixed32(2, value).Varint(20, 1)); // AttributeProto{name, f, type = FLOAT}
            }
        });

        byte[] graph = ProtoWriter.Message(w => w.Bytes(1, node).String(2, "single_" + opType).Bytes(11, ValueInfo("x")).Bytes(12, ValueInfo("y")));
        return ProtoWriter.Message(w => w
            .Varint(1, 8)                                                          // ir_version
            .String(2, "FusedActivations.Peers")                                   // producer_name
            .Bytes(7, graph)                                                       // graph
            .Message(8, o => o.String(1, string.Empty).Varint(2, 13)));            // opset_import { domain: "", version: 13 }
    }
}
