using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzer alone on a bound compilation and measures it: its own callback time as the driver reports it
/// (AnalyzerTelemetryInfo.ExecutionTime) and the wall-clock time of the whole analysis.
/// </summary>
internal static class AnalyzerTiming
{
    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions, TimeSpan AnalyzerTime, TimeSpan WallTime);

    /// <summary>Parses and binds <paramref name="source"/>; <paramref name="bindTime"/> is the compiler's time for it.</summary>
    public static Compilation Compile(string source) => Compile(source, out _);

    public static Compilation Compile(string source, out TimeSpan bindTime)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = CSharpCompilation.Create("Timed", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // Bind first, so that the measurement is the analyzer's, not the compiler's.
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException(string.Join("\n", errors.Take(5)));
        }

        bindTime = stopwatch.Elapsed;
        return compilation;
    }

    public static Result Run(Compilation compilation)
    {
        var analyzer = new NumericStabilityAnalyzer();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        var stopwatch = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        stopwatch.Stop();
        AnalyzerTelemetryInfo telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
        return new Result(diagnostics, exceptions, telemetry.ExecutionTime, stopwatch.Elapsed);
    }
}
