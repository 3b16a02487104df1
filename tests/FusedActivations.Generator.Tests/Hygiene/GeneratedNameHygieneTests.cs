using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace FusedActivations.Generator.Tests.Hygiene;

/// <summary>
/// Issue 10, item 3: the generated code must build and compute the same whatever the user named things. The method body
/// runs in the user's scopes, so every name the generator writes there or around it is tried as a parameter name, as a
/// member of the containing type and as a type in the containing namespace.
/// </summary>
public sealed class GeneratedNameHygieneTests
{
    /// <summary>Every identifier the generated file writes (method body, kernel class, its locals and helpers), and a few more.</summary>
    public static readonly string[] Names =
    {
        "offset", "nameof", "destination", "x", "values", "value", "Run", "Apply", "ScalarStep", "System", "FusedActivations",
        "Generated", "global", "i", "j", "length", "count", "source", "target", "lanes", "last", "buffer", "F", "FKernel",
        "Kernel", "MemoryExtensions", "MemoryMarshal", "Unsafe", "Span", "ReadOnlySpan", "ArgumentException", "var", "await",
        "@class", "@int", "_", "T", "parameterName", "ThrowOverlap", "ThrowDestinationTooShort", "Vector512", "Avx512F",
    };

    public static IEnumerable<object[]> ParameterNames() => Names.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(ParameterNames))]
    public void AnyParameterNameWorks(string name)
    {
        string other = name == "other" ? "another" : "other";
        Assembly assembly = CompileAndLoad(Sources.InActivationClass($$"""
                [Softplus] public static partial void F(ReadOnlySpan<float> {{name}}, Span<float> {{other}});
                [Softplus] public static partial void G(ReadOnlySpan<float> {{other}}, Span<float> {{name}});
                [Softplus] public static partial void H(Span<double> {{name}});
                [Softplus] public static partial float S(float {{name}});
            """));

        string plain = name.TrimStart('@');
        Type act = assembly.GetType("Tests.Act")!;
        CheckSpanMethod(act, "F", other);
        CheckSpanMethod(act, "G", plain);

        double[] values = { 0, 1, -1 };
        act.GetMethod("H")!.CreateDelegate<InPlace>()(values);
        Assert.Equal(Math.Log(2), values[0], 15);
        Assert.Equal(MathF.Log(2), act.GetMethod("S")!.CreateDelegate<Func<float, float>>()(0f));
    }

    [Fact]
    public void NamesInTheContainingTypeAndNamespaceDoNotCaptureGeneratedCode()
    {
        // Types named like every namespace and type the generated file mentions, in the containing namespace and type;
        // a method named nameof; a primary-constructor parameter named nameof; and a type in the generator's namespace
        // named like the kernel class (file-local, so it does not collide).
        Assembly assembly = CompileAndLoad(
            """
            using System;
            using FusedActivations;

            namespace Tests
            {
                public class System { }
                public class FusedActivations { }
                public class Generated { }
                public class MemoryExtensions { }
                public class Span { }
                public class Unsafe { }
                public class MemoryMarshal { }

                public partial class Act(int nameof)
                {
                    public int Captured => nameof;

                    public class System { }
                    public class FusedActivations { }
                    public class Generated { }
                    public class MemoryExtensions { }
                    public class Span { }

                    [Softplus] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                    [Softplus] public static partial void H(Span<double> values);
                    [Softplus] public static partial float S(float x);
                }

                public static partial class WithMethodNamedNameof
                {
                    public static int nameof(object o) => 0;

                    [Softplus] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                }
            }

            namespace FusedActivations.Generated
            {
                public class FKernel { }
                public class HKernel { }
            }

            namespace FusedActivations
            {
                public class System { }
            }
            """);

        Type act = assembly.GetType("Tests.Act")!;
        CheckSpanMethod(act, "F", "destination");
        CheckSpanMethod(assembly.GetType("Tests.WithMethodNamedNameof")!, "F", "destination");
        Assert.Equal(MathF.Log(2), act.GetMethod("S")!.CreateDelegate<Func<float, float>>()(0f));
    }

    [Fact]
    public void TracingWorksWhenTheLibraryIsReferencedUnderAnExternAlias()
    {
        // Issue 10: with an alias on the library reference and FUSEDACTIVATIONS_TRACE, KernelTrace was not found (CS0234).
        MetadataReference library = MetadataReference.CreateFromFile(
            typeof(SoftplusAttribute).Assembly.Location,
            new MetadataReferenceProperties(aliases: ImmutableArray.Create("FA")));
        CSharpParseOptions options = TestCompilation.ParseOptions().WithPreprocessorSymbols("FUSEDACTIVATIONS_TRACE");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "AliasTest",
            new[]
            {
                CSharpSyntaxTree.ParseText(
                    """
                    extern alias FA;
                    using System;
                    using FA::FusedActivations;

                    namespace Tests;

                    public static partial class Act
                    {
                        [Softplus] public static partial void F(Span<float> values);
                        [Softplus] public static partial void G(ReadOnlySpan<double> x, Span<double> destination);
                    }
                    """,
                    options),
            },
            Net80.References.All.Cast<MetadataReference>().Append(library),
            TestCompilation.CompilationOptions());

        GeneratorRun run = GeneratorHarness.Run(compilation).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Equal(2, run.MethodSources.Length);
        AssertCompiles(run.OutputCompilation);
    }

    private delegate void SpanToSpan(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void InPlace(Span<double> values);

    /// <summary>Results, and the parameter name in the exceptions for a short and for an overlapping destination.</summary>
    private static void CheckSpanMethod(Type type, string method, string destinationName)
    {
        SpanToSpan f = type.GetMethod(method)!.CreateDelegate<SpanToSpan>();
        float[] input = { 0, 1, -1, 30 };
        float[] output = new float[4];
        f(input, output);
        Assert.Equal(MathF.Log(2), output[0]);
        Assert.Equal(30f, output[3]);

        ArgumentException tooShort = Assert.Throws<ArgumentException>(() => f(new float[4], new float[3]));
        Assert.Equal(destinationName, tooShort.ParamName);
        float[] shared = new float[5];
        ArgumentException overlap = Assert.Throws<ArgumentException>(() => f(shared.AsSpan(0, 4), shared.AsSpan(1, 4)));
        Assert.Equal(destinationName, overlap.ParamName);
    }

    private static Assembly CompileAndLoad(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        AssertCompiles(run.OutputCompilation, stream);
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }

    [Fact]
    public void AssembliesThatSeeEachOthersInternalsFindNoGeneratedTypeTwice()
    {
        // The shared kernels and constants interfaces are internal and written once per assembly: with
        // InternalsVisibleTo, a second assembly of the same kernel shape would see two types of one name (CS0436).
        const string Method = "[Softplus(Beta = 2)] public static partial void F(Span<float> values);";
        CSharpCompilation library = TestCompilation.Create(
            Sources.Usings + "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]\nnamespace Lib;\npublic static partial class Act\n{\n    " + Method + "\n}\n")
            .WithAssemblyName("Lib");
        GeneratorRun libraryRun = GeneratorHarness.Run(library).AssertNoGeneratorFailure();
        using var image = new MemoryStream();
        AssertCompiles(libraryRun.OutputCompilation, image);

        CSharpCompilation app = TestCompilation.Create(Sources.Usings + "namespace App;\npublic static partial class Act\n{\n    " + Method + "\n}\n")
            .WithAssemblyName("App")
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        GeneratorRun appRun = GeneratorHarness.Run(app).AssertNoGeneratorFailure();
        Assert.Empty(appRun.Diagnostics);
        AssertCompiles(appRun.OutputCompilation);
    }

    private static void AssertCompiles(Compilation compilation, Stream? output = null)
    {
        EmitResult emitted = compilation.Emit(output ?? Stream.Null);
        Diagnostic[] problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(d => d.ToString())));
    }
}
