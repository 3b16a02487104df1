using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// What the <see cref="FusedParser"/> makes of one <c>[Fused]</c> or <c>[FusedGradient]</c> method: the spec to emit
/// when it is valid, otherwise the diagnostics that say why not (and a declaration completing it). Plain values, like
/// <see cref="ParseResult"/>, so the pipeline caches them.
/// </summary>
/// <param name="Method">The method to implement, or null when it is invalid or cannot be analysed yet.</param>
/// <param name="Diagnostics">The problems found, each once; empty when <paramref name="Method"/> is not null.</param>
/// <param name="Stub">The declaration that keeps the compiler from adding its own error to ours (see <see cref="StubSpec"/>), or null.</param>
internal sealed record FusedParseResult(FusedMethodSpec? Method, EquatableArray<DiagnosticInfo> Diagnostics, StubSpec? Stub = null)
{
    /// <summary>Nothing to emit and nothing to report (not this pipeline's method, or code the compiler already reports).</summary>
    public static FusedParseResult Empty { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>A valid method.</summary>
    public static FusedParseResult Success(FusedMethodSpec method) => new(method, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>
    /// A method that will not be implemented, with the reasons (possibly none). A formula reached twice (a helper
    /// inlined at two calls) reports the same problem twice: each is kept once.
    /// </summary>
    public static FusedParseResult Failure(IReadOnlyList<DiagnosticInfo> diagnostics, StubSpec? stub = null) =>
        diagnostics.Count == 0 ? Empty : new(null, new EquatableArray<DiagnosticInfo>(diagnostics.Distinct().ToImmutableArray()), stub);
}
