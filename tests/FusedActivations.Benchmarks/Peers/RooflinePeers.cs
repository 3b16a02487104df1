using System;
using System.Numerics;
using Tp = System.Numerics.Tensors.TensorPrimitives;

namespace FusedActivations.Benchmarks.Peers;

/// <summary>The lower bounds every activation is compared with: copying the data, and the cheapest activation (ReLU).</summary>
public static class RooflinePeers
{
    /// <summary><c>x.CopyTo(y)</c>: reads and writes the same bytes as an activation, computing nothing.</summary>
    public static Peer<T> CopyTo<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Peer<T>.FromSpan(PeerKind.CopyTo, "Span<T>.CopyTo (memory traffic only)", static (x, y) => x.CopyTo(y), static x => x);

    /// <summary><c>TensorPrimitives.Max(x, 0)</c>: one vector instruction per vector of data.</summary>
    public static Peer<T> Relu<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Peer<T>.FromSpan(PeerKind.Relu, "TensorPrimitives.Max(x, 0) (ReLU)", static (x, y) => Tp.Max(x, T.Zero, y), static x => T.Max(x, T.Zero));
}
