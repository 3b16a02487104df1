using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace FusedActivations.Generator.Tests.Snapshots;

/// <summary>
/// The repository's stand-in for Verify (which cannot be restored here). Call sites look like Verify's,
/// <c>return Verify(source, "cs");</c> with <c>using static FusedActivations.Generator.Tests.Snapshots.Verifier;</c>,
/// and the files are named as Verify names them, so moving to Verify means swapping that using for
/// <c>using static VerifyXunit.Verifier;</c>.
/// </summary>
/// <remarks>
/// As with Verify, the type part of the file name comes from the test's source file: name the file after its class.
/// Set <see cref="AcceptVariable"/> to 1 to approve every received output (Verify's equivalent is <c>AutoVerify()</c>).
/// </remarks>
public static class Verifier
{
    /// <summary>The environment variable that approves received outputs when set to 1.</summary>
    public const string AcceptVariable = "FUSEDACTIVATIONS_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// Compares <paramref name="target"/> with <c>{TestClass}.{TestMethod}.verified.{extension}</c> beside the calling
    /// test's source file; fails with a diff hint, writing the received file, when they differ.
    /// </summary>
    public static Task Verify(
        string target,
        string extension,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string methodName = "")
    {
        string directory = Path.GetDirectoryName(sourceFile)
            ?? throw new InvalidOperationException("The caller's file path is unknown: compile the tests with [CallerFilePath] support.");
        string typeName = Path.GetFileNameWithoutExtension(sourceFile);
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        SnapshotStore.Compare(directory, $"{typeName}.{methodName}", extension, target, accept);
        return Task.CompletedTask;
    }
}
