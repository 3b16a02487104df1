using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references of every test compilation: the .NET 10 reference assemblies (for Vector128.Log/Exp and generic
/// math), the runtime library FusedActivations (FusedMath, [Softplus]) and System.Numerics.Tensors.
/// </summary>
/// <remarks>
/// The reference assemblies come from the SDK's own targeting pack (dotnet/packs/Microsoft.NETCore.App.Ref), so the
/// tests need no download: the machine reaches only a package registry proxy.
/// </remarks>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Create);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>The folder the framework references were taken from (reported by a test).</summary>
    public static string FrameworkDirectory { get; } = FindFrameworkDirectory();

    private static ImmutableArray<MetadataReference> Create()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (string path in Directory.GetFiles(FrameworkDirectory, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (IsManagedAssembly(path))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(FusedMath).Assembly.Location));
        builder.Add(MetadataReference.CreateFromFile(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location));
        return builder.ToImmutable();
    }

    private static string FindFrameworkDirectory()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ -> .../dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string tfm = "net" + Environment.Version.Major + ".0";
        if (Directory.Exists(packs))
        {
            string? exact = Path.Combine(packs, Environment.Version.ToString(), "ref", tfm);
            if (Directory.Exists(exact))
            {
                return exact;
            }

            string? newest = Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        // No targeting pack: compile against the running framework's implementation assemblies.
        return runtimeDirectory;
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
