using System;
using System.IO;
using System.Text;

namespace FusedActivations.Generator.Tests.Snapshots;

/// <summary>
/// Approved-file comparison with Verify's file conventions: <c>{Type}.{Method}.verified.{ext}</c> next to the test
/// source, <c>.received.{ext}</c> beside it on a mismatch, UTF-8 with a BOM and '\n' line ends. Kept separate from
/// <see cref="Verifier"/> so that it can be tested without environment variables.
/// </summary>
internal static class SnapshotStore
{
    private static readonly UTF8Encoding s_utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Compares <paramref name="actual"/> with the approved file <c>{name}.verified.{extension}</c> in
    /// <paramref name="directory"/>. On a match, removes any stale received file. Otherwise writes the received file
    /// and throws <see cref="SnapshotMismatchException"/>, unless <paramref name="accept"/>, which approves it instead.
    /// </summary>
    public static void Compare(string directory, string name, string extension, string actual, bool accept)
    {
        string verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        string receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        string received = Normalize(actual);

        if (accept)
        {
            File.WriteAllText(verifiedPath, received, s_utf8WithBom);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, received, s_utf8WithBom);
            throw new SnapshotMismatchException(
                $"No approved snapshot {verifiedPath}.{Environment.NewLine}" +
                $"The actual output was written to {receivedPath}. Review it, then approve it by renaming it to " +
                $"{Path.GetFileName(verifiedPath)} or by running the tests with {Verifier.AcceptVariable}=1.");
        }

        string verified = Normalize(File.ReadAllText(verifiedPath));
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, s_utf8WithBom);
        throw new SnapshotMismatchException(
            $"The output differs from the approved snapshot {verifiedPath}.{Environment.NewLine}" +
            FirstDifference(verified, received) +
            $"Compare with: git diff --no-index \"{verifiedPath}\" \"{receivedPath}\"{Environment.NewLine}" +
            $"If the change is intended, approve it by running the tests with {Verifier.AcceptVariable}=1.");
    }

    /// <summary>'\n' line ends and no BOM, so that a checkout with CRLF or an editor's BOM does not fail a snapshot.</summary>
    internal static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    private static string FirstDifference(string verified, string received)
    {
        string[] expectedLines = verified.Split('\n');
        string[] actualLines = received.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? expected = i < expectedLines.Length ? expectedLines[i] : null;
            string? actual = i < actualLines.Length ? actualLines[i] : null;
            if (expected != actual)
            {
                return $"First difference at line {i + 1}:{Environment.NewLine}" +
                    $"  verified: {expected ?? "<end of file>"}{Environment.NewLine}" +
                    $"  received: {actual ?? "<end of file>"}{Environment.NewLine}";
            }
        }

        return string.Empty;
    }
}

/// <summary>A snapshot that does not match (or does not exist yet).</summary>
public sealed class SnapshotMismatchException : Xunit.Sdk.XunitException
{
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
