using System;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.Generator.Tests.Infrastructure;

/// <summary>
/// Test sources that mark the span where a diagnostic is expected with <c>[|</c> and <c>|]</c>, as in Roslyn's own
/// analyzer tests: <c>public static partial void [|F|](...)</c>.
/// </summary>
internal static class Markup
{
    /// <summary>The source without the markers, and the marked span.</summary>
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        int end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start || markup.IndexOf("[|", start + 2, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("The markup must contain exactly one [| ... |] span.", nameof(markup));
        }

        string source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
