using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>
/// Fix All as a host without an IDE calls it (dotnet format): given diagnostics, a provider and an equivalence key
/// (possibly none), one Fix All action for the document.
/// </summary>
internal static class FixAllRunner
{
    /// <summary>A one-document project with the test references, and the analyzer's diagnostics on it.</summary>
    public static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> OpenAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All))
            .AddDocument(documentId, "P.cs", SourceText.From(source));
        Document document = solution.GetDocument(documentId)!;
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    /// <summary>The document after Fix All, or the same document object when the Fix All changed nothing.</summary>
    public static async Task<Document> FixAllAsync(Document document, CodeFixProvider provider, string? equivalenceKey, ImmutableArray<Diagnostic> diagnostics)
    {
        var context = new FixAllContext(document, provider, FixAllScope.Document, equivalenceKey!,
            diagnostics.Select(d => d.Id).Distinct(), new FixedDiagnostics(diagnostics), CancellationToken.None);
        CodeAction? action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        if (action is null)
        {
            return document;
        }

        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetChanges(document.Project.Solution).GetProjectChanges().Any() ? changed.GetDocument(document.Id)! : document;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
