using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FusedActivations.Generator.Diagnostics;

/// <summary>
/// A source location as plain values. <see cref="Location"/> holds on to its syntax tree (and so to the compilation),
/// which must not be cached in the incremental pipeline; this record keeps only what is needed to rebuild it.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    /// <summary>The location of <paramref name="node"/>, or null when the node is not in a source file.</summary>
    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    /// <summary>The location of <paramref name="token"/>.</summary>
    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    /// <summary>A plain copy of <paramref name="location"/>, or null when it is not in a source file.</summary>
    public static LocationInfo? From(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
    }

    /// <summary>A <see cref="Location"/> equivalent to the original, for reporting.</summary>
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
