using System.Collections.Generic;
using System.Linq;
using Basic.Reference.Assemblies;
using FusedActivations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FusedActivations.Generator.Tests.Infrastructure;

/// <summary>
/// Builds compilations of test sources against the .NET 8 reference assemblies and the runtime library's net8.0 build
/// (its lowest target), with nullable enabled and unsafe code disallowed, as a user project would have them.
/// </summary>
internal static class TestCompilation
{
    /// <summary>The language version of ordinary tests: the .NET 8 SDK's default.</summary>
    public const LanguageVersion DefaultLanguageVersion = LanguageVersion.CSharp12;

    private static readonly MetadataReference[] s_references =
        Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(SoftplusAttribute).Assembly.Location))
            .ToArray();

    private static readonly CSharpCompilation s_empty =
        CSharpCompilation.Create("TestAssembly", syntaxTrees: null, s_references, CompilationOptions());

    /// <summary>
    /// Parse options for <paramref name="languageVersion"/>. <paramref name="documentation"/> set to
    /// <see cref="DocumentationMode.Diagnose"/> reports doc-comment warnings, as with GenerateDocumentationFile.
    /// </summary>
    public static CSharpParseOptions ParseOptions(
        LanguageVersion languageVersion = DefaultLanguageVersion,
        DocumentationMode documentation = DocumentationMode.Parse) =>
        new(languageVersion, documentation);

    /// <summary>A compilation of <paramref name="sources"/>, each its own file named <c>Source{i}.cs</c>.</summary>
    public static CSharpCompilation Create(params string[] sources) => Create(DefaultLanguageVersion, sources);

    /// <summary>A compilation of <paramref name="sources"/> at <paramref name="languageVersion"/>.</summary>
    public static CSharpCompilation Create(LanguageVersion languageVersion, params string[] sources) =>
        Create(ParseOptions(languageVersion), sources);

    /// <summary>A compilation of <paramref name="sources"/> parsed with <paramref name="parseOptions"/>.</summary>
    public static CSharpCompilation Create(CSharpParseOptions parseOptions, params string[] sources)
    {
        IEnumerable<SyntaxTree> trees = sources.Select((source, index) =>
            CSharpSyntaxTree.ParseText(source, parseOptions, path: FileName(index)));

        // Adding trees to one shared empty compilation reuses its bound references, which makes the thousands of
        // compilations of the fuzz tests cheap.
        return s_empty.AddSyntaxTrees(trees);
    }

    /// <summary>The path given to source number <paramref name="index"/>.</summary>
    public static string FileName(int index) => $"Source{index}.cs";

    /// <summary>
    /// Options of a strict user project: nullable on, every warning at the highest warning level reported as an error.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions() =>
        new(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999,
            allowUnsafe: false,
            deterministic: true);
}
