using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable values (descriptor ID, message arguments, location), so that parse results carrying
/// diagnostics can be cached and compared by the incremental pipeline. <see cref="Diagnostic"/> cannot be: it holds a
/// <see cref="Location"/> and arbitrary argument objects.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, LocationInfo? Location)
{
    /// <summary>Creates the info for <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor.Id, new EquatableArray<string>(ImmutableArray.Create(messageArgs)), location);

    /// <summary>The diagnostic to report.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById[Id],
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            MessageArgs.Cast<object>().ToArray());
}
