using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// The activation attributes on one method (every attribute deriving from <c>FusedActivations.ActivationAttribute</c>),
/// in source order, and which of them the method is generated for.
/// </summary>
internal sealed class ActivationAttributeSet
{
    private readonly ImmutableArray<AttributeData> _all;

    private ActivationAttributeSet(ImmutableArray<AttributeData> all, AttributeData? owner)
    {
        _all = all;
        Owner = owner;
    }

    /// <summary>
    /// The first attribute, in source order, that the generator implements: its pipeline parses the method and reports
    /// every other activation attribute, so each extra one is reported exactly once.
    /// </summary>
    public AttributeData? Owner { get; }

    public static ActivationAttributeSet Of(IMethodSymbol method)
    {
        ImmutableArray<AttributeData> all = method.GetAttributes()
            .Where(attribute => ActivationAttributes.IsActivationAttribute(attribute.AttributeClass))
            .OrderBy(attribute => attribute.ApplicationSyntaxReference?.SyntaxTree.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(attribute => attribute.ApplicationSyntaxReference?.Span.Start ?? int.MaxValue)
            .ToImmutableArray();
        AttributeData? owner = all.FirstOrDefault(attribute =>
            attribute.AttributeClass is { } type && Activations.ActivationRegistry.ForAttribute(ActivationAttributes.MetadataNameOf(type)) is not null);
        return new ActivationAttributeSet(all, owner);
    }

    /// <summary>Adds FA1009 at each activation attribute other than <see cref="Owner"/>.</summary>
    public void ReportExtras(string methodName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach (AttributeData extra in _all)
        {
            if (ReferenceEquals(extra, Owner))
            {
                continue;
            }

            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MultipleActivationAttributes,
                LocationInfo.From(extra.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                methodName,
                ActivationAttributes.ShortNameOf(Owner?.AttributeClass),
                ActivationAttributes.ShortNameOf(extra.AttributeClass)));
        }
    }
}
