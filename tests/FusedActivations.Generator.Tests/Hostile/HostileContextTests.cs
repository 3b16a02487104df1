using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// Every seed, unchanged, in a hostile surrounding: look-alike types (System.Span&lt;T&gt;, the attribute), user types
/// named like what the generated code uses, global using aliases, the runtime library under an extern alias, the
/// trace symbol, every language version. Each must meet the swap oracle: implemented without any added error, or
/// exactly one FA error.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileContextTests
{
    /// <summary>Names the generated code uses, given to a user type beside the seed's type.</summary>
    private static readonly string[] SiblingTypeNames =
    {
        "System", "FusedActivations", "Generated", "MemoryExtensions", "Vector128", "Vector256", "Vector512", "Avx512F",
        "Math", "MathF", "Unsafe", "MemoryMarshal", "MethodImpl", "MethodImplOptions", "GeneratedCode", "Span", "ReadOnlySpan",
        "KernelTrace", "SimdPath", "BitConverter", "Int32", "nuint", "nint", "var", "dynamic", "nameof", "value",
    };

    /// <summary>
    /// Not here, by decision: a user's own <c>FusedActivations.SoftplusAttribute</c> (an attribute of theirs, not ours:
    /// nothing to generate, and the compiler's CS8795 is right); types declared inside <c>FusedActivations.Generated</c>
    /// (the generator's namespace, reserved as the Regex generator's is); and, in the global namespace only, types named
    /// <c>var</c> or <c>nuint</c> (C# warns against such names, CS8981; the kernel's text still declares <c>var</c> and
    /// <c>nuint</c> locals, which the typed kernel engine of the activation-family work will write with explicit types).
    /// </summary>
    private static readonly string[] GlobalNamesNotSupportedYet = { "var", "nuint" };

    private static readonly (string Name, string Source)[] Companions =
    {
        ("look-alike System.Span<T> and ReadOnlySpan<T>", """
            namespace System
            {
                public readonly ref struct Span<T> { public int Length => 0; }
                public readonly ref struct ReadOnlySpan<T> { public int Length => 0; }
            }
            """),
        ("global using aliases named like generated names", """
            global using MemoryExtensions = System.String;
            global using Vector128 = System.Int32;
            global using Unsafe = System.Object;
            global using static System.Math;
            global using FusedActivationsAlias = FusedActivations;
            """),
        ("types named like the kernel classes in FusedActivations.Generated", """
            namespace FusedActivations.Generated
            {
                internal static class Softplus2Kernel { }
                internal static class SoftplusInPlaceKernel { }
                internal static class SoftplusKernel { }
                internal static class ApplyKernel { }
            }
            """),
        ("a type named Unsafe in the global namespace", """
            internal static class Unsafe { }
            """),
        ("a namespace named Generated and a type named FusedActivations in the global namespace", """
            namespace Generated { internal static class Kernels { } }
            internal static class FusedActivationsHelpers { }
            """),
    };

    private readonly ITestOutputHelper _output;

    public HostileContextTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void EverySeedInEveryHostileContext()
    {
        var cases = new List<HostileCase>();
        foreach (Seed seed in HostileSeeds.All)
        {
            foreach ((string name, string companion) in Companions)
            {
                cases.Add(new HostileCase("context", $"{seed.Name} with {name}", new[] { seed.Source, companion }, OracleKind.Swap));
            }

            string? ns = NamespaceOf(seed.Source);
            foreach (string type in SiblingTypeNames)
            {
                if (ns is null && Array.IndexOf(GlobalNamesNotSupportedYet, type) >= 0)
                {
                    continue;
                }

                string sibling = ns is null
                    ? $"internal static class {type} {{ }}"
                    : $"namespace {ns}\n{{\n    internal static class {type} {{ }}\n}}";
                cases.Add(new HostileCase("context", $"{seed.Name} beside a type named {type}", new[] { seed.Source, sibling }, OracleKind.Swap));
            }

            foreach (string version in new[] { "CSharp10", "CSharp11", "CSharp13", "Latest", "Preview" })
            {
                cases.Add(new HostileCase("context", $"{seed.Name} in {version}", new[] { seed.Source }, OracleKind.Swap, version));
            }

            cases.Add(new HostileCase("context", $"{seed.Name} with FUSEDACTIVATIONS_TRACE", new[] { seed.Source }, OracleKind.Swap, Defines: new[] { "FUSEDACTIVATIONS_TRACE" }));
            string aliased = "extern alias fa;\n" + seed.Source.Replace("using FusedActivations;", "using fa::FusedActivations;", StringComparison.Ordinal);
            cases.Add(new HostileCase("context", $"{seed.Name} with the runtime library under extern alias fa", new[] { aliased }, OracleKind.Swap, RuntimeAlias: "fa"));
            cases.Add(new HostileCase("context", $"{seed.Name} with extern alias fa and FUSEDACTIVATIONS_TRACE", new[] { aliased }, OracleKind.Swap, RuntimeAlias: "fa", Defines: new[] { "FUSEDACTIVATIONS_TRACE" }));
        }

        var stopwatch = Stopwatch.StartNew();
        HostileReport.Assert("contexts", WorkerPool.Shared.Run(cases), _output, stopwatch.Elapsed);
    }

    private static string? NamespaceOf(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
}
