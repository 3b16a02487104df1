using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace FusedActivations.Accuracy;

/// <summary>Where a run happened, for the console header and the markdown file: results are only comparable with this.</summary>
internal static class MachineInfo
{
    /// <summary>The CPU model (Linux: <c>model name</c> in /proc/cpuinfo), else the architecture.</summary>
    public static string Cpu { get; } = ReadCpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary>e.g. <c>Intel(R) Xeon(R) ..., 2 cores; Debian GNU/Linux 12 (bookworm), X64</c>.</summary>
    public static string Machine =>
        $"{Cpu}, {Environment.ProcessorCount} cores; {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}";

    /// <summary>The .NET runtime and the SIMD path the generated kernels take.</summary>
    public static string Runtime => $"{RuntimeInformation.FrameworkDescription}; SIMD path of the generated kernels: {ActivePath.Describe()}";

    private static string? ReadCpuModel()
    {
        try
        {
            return File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
