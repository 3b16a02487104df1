using System;
using System.IO;
using System.Text;
using Xunit;

namespace FusedActivations.Generator.Tests.Snapshots;

/// <summary>The approved-file helper itself: matches pass, mismatches fail and leave a received file, accepting approves.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fa-snapshots-").FullName;

    private string Verified => Path.Combine(_directory, "T.M.verified.cs");

    private string Received => Path.Combine(_directory, "T.M.received.cs");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MissingSnapshotFailsAndWritesTheReceivedFile()
    {
        var failure = Assert.Throws<SnapshotMismatchException>(() => SnapshotStore.Compare(_directory, "T.M", "cs", "code\n", accept: false));
        Assert.Contains("No approved snapshot", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Verifier.AcceptVariable, failure.Message, StringComparison.Ordinal);
        Assert.Equal("code\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void MatchingSnapshotPassesAndRemovesAStaleReceivedFile()
    {
        File.WriteAllText(Verified, "line 1\r\nline 2\r\n", new UTF8Encoding(true));
        File.WriteAllText(Received, "stale");
        SnapshotStore.Compare(_directory, "T.M", "cs", "line 1\nline 2\n", accept: false);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void DifferentSnapshotFailsWithTheFirstDifferingLine()
    {
        File.WriteAllText(Verified, "same\nold\n");
        var failure = Assert.Throws<SnapshotMismatchException>(() => SnapshotStore.Compare(_directory, "T.M", "cs", "same\nnew\n", accept: false));
        Assert.Contains("line 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("verified: old", failure.Message, StringComparison.Ordinal);
        Assert.Contains("received: new", failure.Message, StringComparison.Ordinal);
        Assert.Contains("git diff --no-index", failure.Message, StringComparison.Ordinal);
        Assert.Equal("same\nnew\n", File.ReadAllText(Received));
    }

    [Fact]
    public void AcceptingWritesTheVerifiedFileWithABomAndLfLineEnds()
    {
        File.WriteAllText(Received, "stale");
        SnapshotStore.Compare(_directory, "T.M", "cs", "a\r\nb\r\n", accept: true);
        byte[] bytes = File.ReadAllBytes(Verified);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', (byte)'b', (byte)'\n' }, bytes);
        Assert.False(File.Exists(Received));
        SnapshotStore.Compare(_directory, "T.M", "cs", "a\nb\n", accept: false);
    }
}
