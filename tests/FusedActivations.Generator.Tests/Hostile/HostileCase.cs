using System.Collections.Generic;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>What is asserted about one hostile input (see <see cref="HostileOracle"/>).</summary>
public enum OracleKind
{
    /// <summary>
    /// Broken code (prefixes, token deletions, duplications, replacements): nothing throws, nothing hangs, and no error
    /// is located in a generated file.
    /// </summary>
    Broken,

    /// <summary>
    /// Well-formed code with one changed literal or identifier: in addition, the generator either implements the method
    /// without adding a single error anywhere, or reports exactly one FA error at a user location.
    /// </summary>
    Swap,

    /// <summary>
    /// Inputs too large to compile what is generated (hundreds of methods): the generator does not throw, implements
    /// every method, and every generated file parses without error.
    /// </summary>
    GeneratorOnly,

    /// <summary>Self-test of the worker: the worker spins forever (the pool must time it out and recover).</summary>
    SelfTestSpin,

    /// <summary>Self-test of the worker: the worker process dies (the pool must report it and recover).</summary>
    SelfTestCrash,
}

/// <summary>One mutant: the sources of one compilation and how it was made.</summary>
/// <param name="Operator">The mutation operator (prefix, delete, duplicate, replace, literal, identifier, large).</param>
/// <param name="Description">What was changed, e.g. "Beta = double.NaN in FloatScalarBetaHalf".</param>
/// <param name="Sources">The files of the compilation.</param>
/// <param name="Oracle">What is asserted.</param>
/// <param name="LanguageVersion">C# version, as <c>LanguageVersion</c>'s name (CSharp12, Preview).</param>
/// <param name="RuntimeAlias">
/// When set, the runtime library FusedActivations.dll is referenced under this extern alias instead of <c>global</c>.
/// </param>
/// <param name="Defines">Preprocessor symbols of the compilation (e.g. FUSEDACTIVATIONS_TRACE).</param>
public sealed record HostileCase(
    string Operator,
    string Description,
    string[] Sources,
    OracleKind Oracle,
    string LanguageVersion = "CSharp12",
    string? RuntimeAlias = null,
    string[]? Defines = null)
{
    /// <summary>The mutant's text as it appears in a failure message.</summary>
    public string Text => string.Join("\n// ---- next file ----\n", Sources);
}

/// <summary>A request to the worker process: one case, with its position in the list being run.</summary>
public sealed record HostileRequest(int Id, HostileCase Case);

/// <summary>One violated expectation. <paramref name="Signature"/> groups equal failures; <paramref name="Detail"/> explains.</summary>
public sealed record HostileFailure(string Signature, string Detail);

/// <summary>The worker's answer for one case.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Failures">Violated expectations (empty: the case passed).</param>
/// <param name="GeneratedFiles">How many method files the generator added (shared kernels not counted).</param>
/// <param name="FaErrors">How many FA errors the generator reported.</param>
/// <param name="Tolerated">Notes on outcomes that are allowed today but tracked (e.g. CS8795 after an FA error).</param>
/// <param name="Milliseconds">Wall-clock time the worker spent on the case.</param>
/// <param name="CpuMilliseconds">CPU time the worker process used for the case (all threads).</param>
/// <param name="FixesComputed">How many code actions of the code fixes were computed (registered and applied).</param>
public sealed record HostileResponse(
    int Id,
    IReadOnlyList<HostileFailure> Failures,
    int GeneratedFiles,
    int FaErrors,
    IReadOnlyList<string> Tolerated,
    double Milliseconds,
    double CpuMilliseconds,
    int FixesComputed);
