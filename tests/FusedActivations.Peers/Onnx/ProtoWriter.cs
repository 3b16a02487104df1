using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace FusedActivations.Peers;

/// <summary>The few protobuf wire-format primitives a single-node ONNX model needs (see <see cref="OnnxModel"/>).</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _stream = new();

    /// <summary>The encoding of the message that <paramref name="build"/> writes.</summary>
    public static byte[] Message(Action<ProtoWriter> build)
    {
        var writer = new ProtoWriter();
        build(writer);
        return writer._stream.ToArray();
    }

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
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _stream.Write(bytes);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A nested message: length-delimited, like bytes.</summary>
    public ProtoWriter Message(int field, Action<ProtoWriter> build) => Bytes(field, Message(build));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Raw((ulong)value.Length);
        _stream.Write(value);
        return this;
    }

    private void Tag(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

    /// <summary>Base-128 varint: seven bits per byte, low bits first, high bit set on all but the last byte.</summary>
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
