using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using FusedActivations.Analyzers;
using FusedActivations.CodeFixes;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// The expectations every hostile input must meet. Runs inside the worker process (<see cref="HostileWorkerProgram"/>),
/// so that a hang or a crash (stack overflow) takes down a worker, never the test host.
/// </summary>
/// <remarks>
/// For every case: the generator does not throw (no exception in the run result, no CS8784/CS8785), every generated
/// file starts with <c>// &lt;auto-generated/&gt;</c>, no error is located in a generated file unless the user's own
/// code has the same error (a type named <c>file</c> is an error in both places: "mirrored"), and
/// <see cref="NumericStabilityAnalyzer"/> and both code fixes (registration and computing each offered fix) do not
/// throw (no AD0001). For <see cref="OracleKind.Swap"/> cases also: at most one FA error, at a location in a user
/// file; no error in a user file that the user's code alone does not have; and a method left without implementation
/// (CS8795) only with an FA error or a real error of the user's own next to it (see <see cref="ToleratesCs8795AfterFaError"/>).
/// </remarks>
internal static class HostileOracle
{
    /// <summary>
    /// THE CS8795 EXPECTATION, in one place. When the generator reports an FA error it implements nothing, and today
    /// the compiler then adds CS8795 ("partial method must have an implementation part") for the same method: two
    /// errors for one mistake. Suppressing that follow-on error is being implemented separately; once it lands, set this
    /// to false: a CS8795 next to an FA error then fails the suite. Until then such cases pass and are counted.
    /// </summary>
    internal static readonly bool ToleratesCs8795AfterFaError = false;

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer());

    private static readonly CodeFixProvider[] s_fixes =
        { new UseFusedMathCodeFixProvider(), new GenerateKernelCodeFixProvider() };

    private static readonly ImmutableHashSet<string> s_fixableIds =
        s_fixes.SelectMany(f => f.FixableDiagnosticIds).ToImmutableHashSet();

    /// <summary>The longest hint name whose file can be written (NAME_MAX of Linux and macOS file systems).</summary>
    internal const int MaxHintNameBytes = 255;

    /// <summary>At most this many analyzer diagnostics of one case get their code fixes computed.</summary>
    private const int MaxFixedDiagnostics = 6;

    public static HostileResponse Check(HostileRequest request)
    {
        var stopwatch = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        HostileCase hostile = request.Case;
        switch (hostile.Oracle)
        {
            case OracleKind.SelfTestSpin:
                SpinForever();
                break;
            case OracleKind.SelfTestCrash:
                Environment.Exit(3);
                break;
        }

        var failures = new List<HostileFailure>();
        var tolerated = new List<string>();
        int generatedFiles = 0, faErrors = 0, fixes = 0;
        try
        {
            CheckCore(hostile, failures, tolerated, out generatedFiles, out faErrors, out fixes);
        }
        catch (Exception exception)
        {
            // Thrown outside the generator driver: by the compiler over generated code, by the analyzer driver, ...
            failures.Add(Threw("the check itself", exception));
        }

        return new HostileResponse(
            request.Id,
            failures,
            generatedFiles,
            faErrors,
            tolerated,
            stopwatch.Elapsed.TotalMilliseconds,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,
            fixes);
    }

    private static void CheckCore(
        HostileCase hostile,
        List<HostileFailure> failures,
        List<string> tolerated,
        out int generatedFiles,
        out int faErrors,
        out int fixes)
    {
        fixes = 0;
        CSharpParseOptions parseOptions = TestCompilation.ParseOptions(Enum.Parse<LanguageVersion>(hostile.LanguageVersion))
            .WithPreprocessorSymbols(hostile.Defines ?? Array.Empty<string>());
        CSharpCompilation input = TestCompilation.Create(parseOptions, hostile.Sources);
        if (hostile.RuntimeAlias is { } alias)
        {
            MetadataReference runtime = input.References.Single(r => r.Display?.EndsWith("FusedActivations.dll", StringComparison.OrdinalIgnoreCase) == true);
            input = input.ReplaceReference(runtime, runtime.WithAliases(new[] { alias }));
        }

        ImmutableHashSet<SyntaxTree> userTrees = input.SyntaxTrees.ToImmutableHashSet();

        // 1. The generator.
        GeneratorRun run = GeneratorHarness.Run(input);
        if (run.Result.Exception is { } thrown)
        {
            failures.Add(Threw("the generator", thrown));
        }

        foreach (Diagnostic failure in run.DriverDiagnostics.Where(d => d.Id is "CS8784" or "CS8785"))
        {
            failures.Add(new HostileFailure($"generator failure {failure.Id}", failure.ToString()));
        }

        Compilation output = run.OutputCompilation;
        SyntaxTree[] generated = output.SyntaxTrees.Where(t => !userTrees.Contains(t)).ToArray();
        // Method files: the shared kernels and interfaces, written once per compilation, are not counted.
        generatedFiles = run.Result.GeneratedSources.Count(source => !source.HintName.StartsWith("FusedActivations.Generated.", StringComparison.Ordinal));
        foreach (SyntaxTree tree in generated)
        {
            if (!tree.GetText().ToString().StartsWith("// <auto-generated/>", StringComparison.Ordinal))
            {
                failures.Add(new HostileFailure("generated file without '// <auto-generated/>' first", tree.FilePath));
            }
        }

        foreach (GeneratedSourceResult source in run.Result.GeneratedSources)
        {
            // NAME_MAX on Linux and macOS: with EmitCompilerGeneratedFiles the file could not be written at all.
            int bytes = System.Text.Encoding.UTF8.GetByteCount(source.HintName);
            if (bytes > MaxHintNameBytes)
            {
                failures.Add(new HostileFailure(
                    $"hint name longer than {MaxHintNameBytes} bytes",
                    $"{bytes} bytes: {source.HintName.Substring(0, Math.Min(120, source.HintName.Length))}..."));
            }
        }

        Diagnostic[] fa = run.Result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        faErrors = fa.Length;

        // 2. The compiler over user and generated code.
        if (hostile.Oracle == OracleKind.GeneratorOnly)
        {
            foreach (SyntaxTree tree in generated)
            {
                foreach (Diagnostic error in Errors(tree.GetDiagnostics()))
                {
                    failures.Add(new HostileFailure($"{error.Id} (syntax) in a generated file", error + "\n    at: " + LineOf(error)));
                }
            }

            if (fa.Length > 0)
            {
                failures.Add(new HostileFailure("FA error for a valid method", string.Join("\n", fa.Select(d => d.ToString()))));
            }

            return;
        }

        if (hostile.Oracle == OracleKind.Swap)
        {
            CheckSwap(input, output, generated, fa, failures, tolerated);
        }
        else if (generated.Length > 0)
        {
            Diagnostic[] userErrors = Errors(input.GetDiagnostics());
            foreach (SyntaxTree tree in generated)
            {
                CheckGeneratedErrors(Errors(output.GetSemanticModel(tree).GetDiagnostics()), userErrors, failures, tolerated);
            }
        }

        // 3. The analyzer and its code fixes over the user's files (they skip generated code).
        fixes = RunAnalyzerAndFixes(input, output, parseOptions, userTrees, failures);
    }

    private static void CheckSwap(
        CSharpCompilation input,
        Compilation output,
        SyntaxTree[] generated,
        Diagnostic[] fa,
        List<HostileFailure> failures,
        List<string> tolerated)
    {
        Diagnostic[] before = Errors(input.GetDiagnostics());
        Diagnostic[] after = Errors(output.GetDiagnostics());
        var generatedSet = generated.ToHashSet();

        if (fa.Length > 1)
        {
            failures.Add(new HostileFailure(
                "more than one FA error for one changed token",
                string.Join("\n", fa.Select(d => d.ToString()))));
        }

        foreach (Diagnostic diagnostic in fa)
        {
            string path = diagnostic.Location.GetLineSpan().Path ?? string.Empty;
            if (!input.SyntaxTrees.Any(t => t.FilePath == path))
            {
                failures.Add(new HostileFailure($"{diagnostic.Id} without a location in the user's file", diagnostic.ToString()));
            }
        }

        CheckGeneratedErrors(after.Where(d => generatedSet.Contains(d.Location.SourceTree!)).ToArray(), before, failures, tolerated);

        // Errors in the user's files that the user's code alone does not have: caused by what was generated.
        var remaining = before.Select(Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        foreach (Diagnostic diagnostic in after.Where(d => d.Location.SourceTree is { } tree && !generatedSet.Contains(tree)))
        {
            string key = Key(diagnostic);
            if (remaining.TryGetValue(key, out int count) && count > 0)
            {
                remaining[key] = count - 1;
                continue;
            }

            failures.Add(new HostileFailure($"generated code causes {diagnostic.Id} in the user's file", diagnostic.ToString()));
        }

        // A method left without implementation.
        Diagnostic[] unimplemented = after.Where(d => d.Id == "CS8795").ToArray();
        if (unimplemented.Length > 0)
        {
            bool userError = before.Any(d => d.Id != "CS8795" && !d.IsWarningAsError);
            if (fa.Length > 0)
            {
                if (ToleratesCs8795AfterFaError)
                {
                    tolerated.Add($"CS8795 after {fa[0].Id}");
                }
                else
                {
                    failures.Add(new HostileFailure($"follow-on CS8795 after {fa[0].Id}", string.Join("\n", unimplemented.Select(d => d.ToString()))));
                }
            }
            else if (userError)
            {
                tolerated.Add("CS8795 after an error in the user's own code");
            }
            else
            {
                failures.Add(new HostileFailure(
                    "the generator implemented nothing and reported nothing (CS8795 without an FA error)",
                    string.Join("\n", unimplemented.Select(d => d.ToString()))));
            }
        }
    }

    /// <summary>Errors located in a generated file fail, unless the user's code has the same error (mirrored).</summary>
    private static void CheckGeneratedErrors(Diagnostic[] errors, Diagnostic[] userErrors, List<HostileFailure> failures, List<string> tolerated)
    {
        foreach (Diagnostic error in errors)
        {
            string message = error.GetMessage(CultureInfo.InvariantCulture);
            if (userErrors.Any(u => u.Id == error.Id && u.GetMessage(CultureInfo.InvariantCulture) == message))
            {
                tolerated.Add($"mirrored {error.Id}");
                continue;
            }

            failures.Add(new HostileFailure($"{error.Id} in a generated file", error + "\n    at: " + LineOf(error)));
        }
    }

    /// <summary>Runs the analyzer and the fixes; returns how many code actions were computed.</summary>
    private static int RunAnalyzerAndFixes(
        CSharpCompilation input,
        Compilation output,
        CSharpParseOptions parseOptions,
        ImmutableHashSet<SyntaxTree> userTrees,
        List<HostileFailure> failures)
    {
        List<Diagnostic> found = Analyze(output, userTrees, failures);
        if (!found.Any(d => s_fixableIds.Contains(d.Id)))
        {
            return 0;
        }

        int computed = 0;

        // The fixes work on a workspace document, with diagnostics of that document's own compilation, as in the IDE.
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Create(), "Hostile", "Hostile", LanguageNames.CSharp,
            compilationOptions: input.Options, parseOptions: parseOptions, metadataReferences: input.References));
        var documents = new Dictionary<string, DocumentId>();
        foreach (SyntaxTree tree in input.SyntaxTrees)
        {
            DocumentId id = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
            documents.Add(tree.FilePath, id);
        }

        Compilation compilation = solution.GetProject(projectId)!.GetCompilationAsync().GetAwaiter().GetResult()!;
        List<Diagnostic> diagnostics = Analyze(compilation, compilation.SyntaxTrees.ToImmutableHashSet(), failures);
        foreach (Diagnostic diagnostic in diagnostics.Where(d => s_fixableIds.Contains(d.Id)).Take(MaxFixedDiagnostics))
        {
            Document document = solution.GetDocument(documents[diagnostic.Location.SourceTree!.FilePath])!;
            foreach (CodeFixProvider provider in s_fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None))
                        .GetAwaiter().GetResult();
                    foreach (CodeAction action in actions)
                    {
                        action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
                        computed++;
                    }
                }
                catch (Exception exception)
                {
                    failures.Add(Threw($"code fix {provider.GetType().Name} ({diagnostic.Id})", exception));
                }
            }
        }

        return computed;
    }

    private static List<Diagnostic> Analyze(Compilation compilation, ImmutableHashSet<SyntaxTree> trees, List<HostileFailure> failures)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers analyzed = compilation.WithAnalyzers(s_analyzers, options);
        var found = new List<Diagnostic>();
        foreach (SyntaxTree tree in analyzed.Compilation.SyntaxTrees.Where(t => trees.Any(u => u.FilePath == t.FilePath)))
        {
            SemanticModel model = analyzed.Compilation.GetSemanticModel(tree);
            found.AddRange(analyzed.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult());
        }

        foreach (Exception exception in exceptions)
        {
            failures.Add(Threw("NumericStabilityAnalyzer (AD0001)", exception));
        }

        foreach (Diagnostic diagnostic in found.Where(d => d.Id == "AD0001"))
        {
            failures.Add(new HostileFailure("AD0001", diagnostic.ToString()));
        }

        return found;
    }

    private static Diagnostic[] Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

    private static string Key(Diagnostic diagnostic) =>
        $"{diagnostic.Id}|{diagnostic.Location.SourceTree?.FilePath}|{diagnostic.Location.SourceSpan}|{diagnostic.GetMessage(CultureInfo.InvariantCulture)}";

    private static string LineOf(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return string.Empty;
        }

        var text = tree.GetText();
        int line = text.Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).LineNumber;
        return $"{Path.GetFileName(tree.FilePath)}({line + 1}): {text.Lines[line].ToString().Trim()}";
    }

    /// <summary>A failure for an exception, grouped by its type and the first frame in FusedActivations code.</summary>
    internal static HostileFailure Threw(string who, Exception exception)
    {
        Exception inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        string frame = (inner.StackTrace ?? string.Empty)
            .Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("at FusedActivations.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal))
            ?? string.Empty;
        int sourceInfo = frame.IndexOf(" in ", StringComparison.Ordinal);
        if (sourceInfo > 0)
        {
            frame = frame.Substring(0, sourceInfo);
        }

        return new HostileFailure($"{who} threw {inner.GetType().Name} {frame}".TrimEnd(), inner.ToString());
    }

    private static void SpinForever()
    {
        long n = 0;
        while (Volatile.Read(ref n) >= 0)
        {
            n = (n + 1) & long.MaxValue;
        }
    }
}
