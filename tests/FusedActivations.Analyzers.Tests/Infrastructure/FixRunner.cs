using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzer and a code fix like the IDE does (workspace, diagnostics, code action, applied solution) until
/// nothing is left to fix, then compiles the result with the stand-in generator and loads it, so tests can call it.
/// </summary>
internal static class FixRunner
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static async Task<string> ApplyAllAsync(string source, CodeFixProvider provider)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Subject", "Subject", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: ParseOptions,
                metadataReferences: TestReferences.All))
            .AddDocument(documentId, "Subject.cs", source);

        for (int round = 0; round < 50; round++)
        {
            Document document = solution.GetDocument(documentId)!;
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();

            CodeAction? action = null;
            foreach (Diagnostic diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                if (actions.Count > 0)
                {
                    action = actions[0];
                    break;
                }
            }

            if (action is null)
            {
                return (await solution.GetDocument(documentId)!.GetTextAsync()).ToString();
            }

            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException("The fixes did not converge.");
    }

    /// <summary>
    /// Compiles <paramref name="source"/> with the kernels of <paramref name="generator"/> (the stand-in by default)
    /// and loads it; fails with the errors.
    /// </summary>
    public static Assembly CompileAndLoad(string source, IIncrementalGenerator? generator = null)
    {
        var compilation = CSharpCompilation.Create(
            "Fixed" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        CSharpGeneratorDriver.Create(generator ?? new StandInKernelGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation withKernels, out ImmutableArray<Diagnostic> generatorDiagnostics);
        if (generatorDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException("The generator reported:\n" + string.Join("\n", generatorDiagnostics));
        }

        using var stream = new MemoryStream();
        EmitResult result = withKernels.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The fixed code does not compile:\n"
                + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        }

        return Assembly.Load(stream.ToArray());
    }
}
