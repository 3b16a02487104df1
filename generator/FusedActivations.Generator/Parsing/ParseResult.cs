using System.Collections.Generic;
using System.Collections.Immutable;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// What the <see cref="Parser"/> makes of one annotated method: a spec to emit when the method is valid, otherwise the
/// diagnostics that say why not. Both are plain values, so equal inputs give equal results and the pipeline caches them.
/// </summary>
/// <param name="Method">The method to implement, or null when it is invalid or cannot be analysed yet.</param>
/// <param name="Diagnostics">The problems found; empty when <paramref name="Method"/> is not null.</param>
/// <param name="Stub">
/// For a method with errors whose declaration can still be completed: the declaration that keeps the compiler from adding
/// its own error to ours (see <see cref="StubSpec"/>); otherwise null.
/// </param>
internal sealed record ParseResult(MethodSpec? Method, EquatableArray<DiagnosticInfo> Diagnostics, StubSpec? Stub = null)
{
    /// <summary>Nothing to emit and nothing to report (not our method, or half-typed code the compiler already reports).</summary>
    public static ParseResult Empty { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>A valid method.</summary>
    public static ParseResult Success(MethodSpec method) => new(method, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>A method that will not be implemented, with the reasons (possibly none).</summary>
    public static ParseResult Failure(IReadOnlyList<DiagnosticInfo> diagnostics, StubSpec? stub = null) =>
        diagnostics.Count == 0 ? Empty : new(null, new EquatableArray<DiagnosticInfo>(ImmutableArray.CreateRange(diagnostics)), stub);
}
