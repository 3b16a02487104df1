using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FusedActivations.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="ActivationGenerator"/> over a compilation through a <see cref="GeneratorDriver"/>.</summary>
internal static class GeneratorHarness
{
    /// <summary>A driver for the generator, with step tracking on so that caching can be checked.</summary>
    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            new[] { new ActivationGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(Compilation compilation)
    {
        var parseOptions = (CSharpParseOptions)(compilation.SyntaxTrees.FirstOrDefault()?.Options ?? TestCompilation.ParseOptions());
        return Run(CreateDriver(parseOptions), compilation);
    }

    /// <summary>Runs <paramref name="driver"/> (fresh or from an earlier run) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(driver, output, driverDiagnostics, result);
    }

    /// <summary>Compiles <paramref name="sources"/> and runs the generator over them.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));
}

/// <summary>The outcome of one generator run.</summary>
/// <param name="Driver">The driver after the run, to run again incrementally.</param>
/// <param name="OutputCompilation">The input compilation plus the generated files.</param>
/// <param name="DriverDiagnostics">Diagnostics reported by the generator (and generator failures such as CS8785).</param>
/// <param name="Result">The generator's own result: generated sources, tracked steps, exception.</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> DriverDiagnostics,
    GeneratorRunResult Result)
{
    /// <summary>The generator's diagnostics, in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics =>
        Result.Diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();

    /// <summary>The files of the annotated methods (and of the declarations completing rejected ones), one per method.</summary>
    public ImmutableArray<GeneratedSourceResult> MethodSources =>
        Result.GeneratedSources.Where(source => !IsShared(source)).ToImmutableArray();

    /// <summary>The files written once per compilation: the shared kernels and the constants interfaces.</summary>
    public ImmutableArray<GeneratedSourceResult> SharedSources =>
        Result.GeneratedSources.Where(IsShared).ToImmutableArray();

    /// <summary>The shared kernel files alone, of every activation.</summary>
    public ImmutableArray<GeneratedSourceResult> KernelSources =>
        Result.GeneratedSources.Where(source => IsShared(source) && source.HintName.Contains("Kernel_")).ToImmutableArray();

    private static bool IsShared(GeneratedSourceResult source) =>
        source.HintName.StartsWith("FusedActivations.Generated.", StringComparison.Ordinal);

    /// <summary>Fails when the generator threw (Roslyn turns the exception into a CS8785 warning and drops all output).</summary>
    public GeneratorRun AssertNoGeneratorFailure()
    {
        if (Result.Exception is not null)
        {
            throw new Xunit.Sdk.XunitException($"The generator threw: {Result.Exception}");
        }

        Diagnostic? failure = DriverDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785");
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"The generator failed: {failure}");
        }

        return this;
    }
}
