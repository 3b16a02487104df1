using System;
using System.Buffers.Binary;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;

namespace FusedActivations.Peers;

/// <summary>
/// Makes TorchSharp 0.107.0's native library load on Debian 12, reproducibly, from the NuGet package cache.
/// </summary>
/// <remarks>
/// <para>
/// <c>libLibTorchSharp.so</c> as shipped asks for the symbol version <c>GLIBCXX_3.4.32</c> (GCC 13's libstdc++), newer than
/// Debian 12's libstdc++ (GLIBCXX_3.4.30), so <c>dlopen</c> refuses it. The only symbol behind that version,
/// <c>std::ios_base_library_init()</c> (referenced by <c>&lt;iostream&gt;</c> in GCC 13), is never called by the library,
/// and its relocation is a lazily bound PLT slot. Marking that one version need <em>weak</em> (<c>VER_FLG_WEAK</c> = 0x2 in
/// the <c>vna_flags</c> of its <c>Elf64_Vernaux</c> entry in <c>.gnu.version_r</c>) makes the dynamic loader accept the
/// library; nothing else in the file changes.
/// </para>
/// <para>
/// <see cref="Prepare"/> copies the library out of the package cache into <c>native/linux-x64/</c> beside the project
/// (git-ignored), patches the copy, and puts symbolic links to the libtorch natives (<c>libtorch.so</c>, <c>libc10.so</c>,
/// <c>libtorch_cpu.so</c>, ...) beside it, where the library's RUNPATH <c>$ORIGIN/</c> finds them.
/// <see cref="Register"/> then points TorchSharp's <c>DllImport("LibTorchSharp")</c> at the patched copy with
/// <see cref="NativeLibrary.SetDllImportResolver"/> and, as a fallback, <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/>.
/// The project references TorchSharp-cpu with <c>ExcludeAssets="native"</c>, so the unpatched copies never reach bin/.
/// </para>
/// </remarks>
public static class TorchSharpNatives
{
    /// <summary>The symbol version that Debian 12's libstdc++ lacks.</summary>
    public const string MissingVersion = "GLIBCXX_3.4.32";

    private const ushort VerFlgWeak = 0x2;
    private static readonly object s_gate = new();
    private static string? s_libraryPath;
    private static string? s_failure;
    private static bool s_registered;

    /// <summary>
    /// The folder holding the patched library and the links to libtorch: <c>native/linux-x64</c> in this project's folder
    /// (baked in at build time), so every program that uses the peers shares one prepared copy.
    /// </summary>
    public static string NativeDirectory =>
        Path.Combine(Metadata("ProjectDirectory") ?? AppContext.BaseDirectory, "native", "linux-x64");

    /// <summary>
    /// Copies, patches and links the natives if that is not done yet, and registers the resolver. Returns null on
    /// success, otherwise why TorchSharp cannot be used here.
    /// </summary>
    public static string? TryRegister(TextWriter? log = null)
    {
        lock (s_gate)
        {
            if (s_registered || s_failure is not null)
            {
                return s_failure;
            }

            try
            {
                s_libraryPath = Prepare(log);
                Register();
                s_registered = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or PlatformNotSupportedException or InvalidOperationException or DllNotFoundException or BadImageFormatException)
            {
                s_failure = e.Message;
            }

            return s_failure;
        }
    }

    /// <summary>Prepares <see cref="NativeDirectory"/> and returns the path of the patched <c>libLibTorchSharp.so</c>.</summary>
    public static string Prepare(TextWriter? log = null)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException($"The TorchSharp peer is set up for linux-x64 only (this is {RuntimeInformation.RuntimeIdentifier}).");
        }

        string packages = Metadata("NuGetPackageRoot") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string torchSharpVersion = PeerVersions.TorchSharp;
        string libTorchVersion = PeerVersions.LibTorch;
        string source = Path.Combine(packages, "torchsharp", torchSharpVersion, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        string libTorchNatives = Path.Combine(packages, "libtorch-cpu-linux-x64", libTorchVersion, "runtimes", "linux-x64", "native");
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"TorchSharp's native library is not in the package cache: {source} (run dotnet restore).");
        }

        if (!Directory.Exists(libTorchNatives))
        {
            throw new DirectoryNotFoundException($"libtorch's natives are not in the package cache: {libTorchNatives} (run dotnet restore).");
        }

        string directory = NativeDirectory;
        Directory.CreateDirectory(directory);
        string target = Path.Combine(directory, "libLibTorchSharp.so");

        byte[] image = File.ReadAllBytes(source);
        int patched = MarkVersionNeedWeak(image, MissingVersion);
        byte[]? existing = File.Exists(target) ? File.ReadAllBytes(target) : null;
        if (existing is null || !existing.AsSpan().SequenceEqual(image))
        {
            // Write next to the target and rename, so a concurrent benchmark process never sees half a file.
            string temporary = target + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, target, overwrite: true);
            log?.WriteLine($"TorchSharp: patched {patched} version need(s) {MissingVersion} to weak in {target}");
        }

        foreach (string file in Directory.GetFiles(libTorchNatives))
        {
            string name = Path.GetFileName(file);
            if (!name.Contains(".so", StringComparison.Ordinal))
            {
                continue;
            }

            string link = Path.Combine(directory, name);
            FileSystemInfo info = new FileInfo(link);
            if (info.Exists || info.LinkTarget is not null)
            {
                if (info.LinkTarget == file)
                {
                    continue;
                }

                File.Delete(link);
            }

            File.CreateSymbolicLink(link, file);
        }

        return target;
    }

    /// <summary>
    /// Sets <c>VER_FLG_WEAK</c> on every <c>Elf64_Vernaux</c> entry named <paramref name="version"/> in the
    /// <c>.gnu.version_r</c> section of the ELF64 little-endian image. Returns how many entries carry the flag afterwards.
    /// </summary>
    public static int MarkVersionNeedWeak(byte[] image, string version)
    {
        ReadOnlySpan<byte> elf = image;
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007FELF"u8))
        {
            throw new InvalidDataException("Not an ELF file.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("Not a little-endian ELF64 file.");
        }

        ulong sectionHeaders = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        ushort sectionHeaderSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        ushort sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        ushort namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3E..]);

        Section SectionAt(int index)
        {
            ReadOnlySpan<byte> header = image.AsSpan(checked((int)sectionHeaders + (index * sectionHeaderSize)), sectionHeaderSize);
            return new Section(
                BinaryPrimitives.ReadUInt32LittleEndian(header),
                BinaryPrimitives.ReadUInt32LittleEndian(header[4..]),
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..])),
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..])),
                BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]));
        }

        Section names = SectionAt(namesIndex);
        const uint ShtGnuVerneed = 0x6ffffffe;
        int found = 0;
        for (int i = 0; i < sectionCount; i++)
        {
            Section section = SectionAt(i);
            if (section.Type != ShtGnuVerneed || ReadString(image, names.Offset + (int)section.Name) != ".gnu.version_r")
            {
                continue;
            }

            Section strings = SectionAt((int)section.Link);
            int need = section.Offset;
            for (uint n = 0; n < section.Info; n++)
            {
                ushort auxCount = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(need + 2));
                uint auxOffset = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(need + 8));
                uint nextNeed = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(need + 12));
                int aux = need + (int)auxOffset;
                for (int a = 0; a < auxCount; a++)
                {
                    // Elf64_Vernaux: vna_hash (u32), vna_flags (u16), vna_other (u16), vna_name (u32), vna_next (u32).
                    uint nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(aux + 8));
                    if (ReadString(image, strings.Offset + (int)nameOffset) == version)
                    {
                        Span<byte> flags = image.AsSpan(aux + 4, 2);
                        BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(flags) | VerFlgWeak));
                        found++;
                    }

                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(aux + 12));
                }

                if (nextNeed == 0)
                {
                    break;
                }

                need += (int)nextNeed;
            }
        }

        return found;
    }

    /// <summary>Points TorchSharp's native imports at the patched library.</summary>
    private static void Register()
    {
        Assembly torchSharp = typeof(TorchSharp.torch).Assembly;
        NativeLibrary.SetDllImportResolver(torchSharp, Resolve);
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (assembly, name) => assembly == torchSharp ? Resolve(name, assembly, null) : IntPtr.Zero;

        // Load it now: a failure then says why, instead of surfacing later as a DllNotFoundException inside TorchSharp.
        _ = NativeLibrary.Load(s_libraryPath!);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (s_libraryPath is null)
        {
            return IntPtr.Zero;
        }

        if (name is "LibTorchSharp" or "libLibTorchSharp" or "libLibTorchSharp.so")
        {
            return NativeLibrary.Load(s_libraryPath);
        }

        // TorchSharp also probes "torch_cpu" (and CUDA names) before LibTorchSharp; serve the linked copies.
        string candidate = Path.Combine(Path.GetDirectoryName(s_libraryPath)!, (name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name) + (name.EndsWith(".so", StringComparison.Ordinal) ? string.Empty : ".so"));
        return File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out IntPtr handle) ? handle : IntPtr.Zero;
    }

    private static string ReadString(byte[] image, int offset)
    {
        int end = Array.IndexOf(image, (byte)0, offset);
        return Encoding.ASCII.GetString(image, offset, end - offset);
    }

    private static string? Metadata(string key) => PeerVersions.Metadata(key);

    private readonly record struct Section(uint Name, uint Type, int Offset, int Size, uint Link, uint Info);
}
