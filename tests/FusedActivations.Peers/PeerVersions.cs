using System.Linq;
using System.Reflection;

namespace FusedActivations.Peers;

/// <summary>
/// The versions of the peers, as FusedActivations.Peers.csproj references them (read from the assembly's metadata, so the
/// project file is the only place they are written): reports and labels name exactly what was measured.
/// </summary>
public static class PeerVersions
{
    /// <summary>Microsoft.ML.OnnxRuntime, e.g. <c>1.31.1</c>.</summary>
    public static string OnnxRuntime => Metadata("OnnxRuntimeVersion") ?? "?";

    /// <summary>TorchSharp-cpu, e.g. <c>0.107.0</c>.</summary>
    public static string TorchSharp => Metadata("TorchSharpVersion") ?? "?";

    /// <summary>The libtorch that TorchSharp-cpu brings, e.g. <c>2.10.0</c>.</summary>
    public static string LibTorch => Metadata("LibTorchVersion") ?? "?";

    /// <summary>An <c>AssemblyMetadata</c> value of this assembly baked in by the project file, or null when absent or empty.</summary>
    internal static string? Metadata(string key) =>
        typeof(PeerVersions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : null;
}
