using System;
using System.IO;
using System.Linq;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FusedActivations.Generator.Tests.Pipeline;

/// <summary>
/// AddSource throws on a hint name that is invalid or already used, which fails the whole generator run (no output at
/// all, CS8785): every valid method must get a distinct, valid hint name.
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void KeywordNamesGiveValidHintNames()
    {
        // The spec holds escaped identifiers ('@default'), ready to be written as code; '@' is not allowed in hint names.
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace @namespace;
            public static partial class @class
            {
                [Softplus] public static partial float @default(float x);
            }
            """).AssertNoGeneratorFailure();
        Assert.Single(run.MethodSources);
    }

    [Fact]
    public void TypesWhoseNamesDifferOnlyInPunctuationGetDistinctHintNames()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace N;
            public static partial class Outer<T>
            {
                [Softplus] public static partial void F(Span<float> values);
            }
            public static partial class Outer_T_
            {
                [Softplus] public static partial void F(Span<float> values);
            }
            """).AssertNoGeneratorFailure();
        Assert.Equal(2, run.MethodSources.Select(s => s.HintName).Distinct().Count());
    }

    [Theory]
    [InlineData("[Softplus] public static partial void F(Span<float> values);\n[Softplus] public static partial void F(Span<float> values);")]
    [InlineData("[Softplus] public static partial void F(Span<float> values);\n[Softplus] public static partial void F(Span<float> other);")]
    [InlineData("[Softplus] public static partial void F(Span<float> values);\n[Softplus(Beta = 2)] public static partial void F(Span<float> values);")]
    public void DuplicateDeclarationsDoNotFailTheGenerator(string members)
    {
        // The compiler reports the duplicate (CS0111 / CS0756); generating both would repeat a hint name.
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass(members)).AssertNoGeneratorFailure();
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(), d => d.Id is "CS0111" or "CS0756");
    }

    [Fact]
    public void OverloadsAndSameNamedMethodsInOtherTypesGetDistinctHintNames()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace N;
            public static partial class A
            {
                [Softplus] public static partial void F(Span<float> values);
                [Softplus] public static partial void F(Span<double> values);
                [Softplus] public static partial float F(float x);
                [Softplus] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
                public static partial class B
                {
                    [Softplus] public static partial void F(Span<float> values);
                }
            }
            public static partial class B
            {
                [Softplus] public static partial void F(Span<float> values);
            }
            """).AssertNoGeneratorFailure();
        Assert.Equal(6, run.MethodSources.Select(s => s.HintName).Distinct().Count());
    }

    /// <summary>
    /// Issue 10, item 4: a deep namespace, nested types and a long method name made a 256-character hint name, and with
    /// EmitCompilerGeneratedFiles the build failed with CS0016 (a file name over the 255-byte limit of Linux file
    /// systems; a path over 260 characters on Windows).
    /// </summary>
    private static string LongNames(string method) => Sources.Usings + $$"""
        namespace Company.Product.Component.Subsystem.Feature.Implementation.Internal.Generated.Activations
        {
            public static partial class ContainingTypeWithAVeryLongDescriptiveName
            {
                public static partial class NestedTypeWithAnotherVeryLongDescriptiveName
                {
                    [Softplus] public static partial void {{method}}(ReadOnlySpan<float> x, Span<float> destination);
                    [Softplus] public static partial void {{method}}(Span<float> values);
                    [Softplus] public static partial void {{method}}(Span<double> values);
                    [Softplus] public static partial double {{method}}(double x);
                }
            }
        }
        """;

    private const string LongMethod = "ComputeTheSoftplusActivationOfEveryElementWithTheDefaultBetaAndThresholdIntoTheDestination";

    [Fact]
    public void LongNamesGiveShortDistinctHintNames()
    {
        GeneratorRun run = GeneratorHarness.Run(
            LongNames(LongMethod),
            LongNames(LongMethod + "2"),
            LongNames("X" + LongMethod)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        string[] hints = run.MethodSources.Select(s => s.HintName).ToArray();
        Assert.Equal(12, hints.Length);
        Assert.Equal(12, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(hints, hint => Assert.InRange(hint.Length, 1, Emitter.MaxHintNameLength));
        Assert.All(hints, hint => Assert.EndsWith(".g.cs", hint, StringComparison.Ordinal));

        // The readable part keeps the end of the name: the method's name is recognizable.
        Assert.All(hints, hint => Assert.Contains("TheDestination", hint, StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedFilesFitThePathsTheSdkWritesThemTo()
    {
        // The SDK writes each file to <intermediate path>generated/<generator assembly>/<generator type>/<hint name>.
        const string GeneratorFolder = "generated/FusedActivations.Generator/FusedActivations.Generator.ActivationGenerator/";
        GeneratorRun run = GeneratorHarness.Run(LongNames(LongMethod)).AssertNoGeneratorFailure();

        // Windows' 260-character limit must leave at least 80 characters for the project's folder.
        int longestHint = run.Result.GeneratedSources.Max(s => s.HintName.Length);
        Assert.True(
            "obj/Release/net10.0/".Length + GeneratorFolder.Length + longestHint <= 180,
            $"obj/Release/net10.0/{GeneratorFolder} + {longestHint} characters leaves too little of 260 for the project's own path");

        // And each file can really be written there (a file name over 255 bytes is what failed with CS0016 on Linux).
        string root = Path.Combine(Path.GetTempPath(), "fa-hint-" + Guid.NewGuid().ToString("N"));
        try
        {
            string folder = Path.Combine(root, "obj", "Release", "net10.0", GeneratorFolder);
            Directory.CreateDirectory(folder);
            foreach (GeneratedSourceResult generated in run.Result.GeneratedSources)
            {
                File.WriteAllText(Path.Combine(folder, generated.HintName), generated.SourceText.ToString());
            }

            Assert.Equal(run.Result.GeneratedSources.Length, Directory.GetFiles(folder).Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
