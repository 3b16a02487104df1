using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FusedActivations.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>
/// The <c>[Fused]</c> and <c>[FusedGradient]</c> attributes on one method, and which pipeline owns the method when it
/// carries more than one attribute that asks for a body (an activation attribute, or both of these).
/// </summary>
/// <remarks>
/// One implementation per method, and each extra attribute reported once: an activation attribute the generator
/// implements wins (its pipeline implements the method, and the pipeline of the first fused attribute reports the fused
/// ones); otherwise the first fused attribute in source order owns the method and its pipeline reports every other one.
/// </remarks>
internal sealed class FusedAttributes
{
    /// <summary>The metadata name of <c>[Fused]</c>.</summary>
    public const string FusedMetadataName = "FusedActivations.FusedAttribute";

    /// <summary>The metadata name of <c>[FusedGradient]</c>.</summary>
    public const string GradientMetadataName = "FusedActivations.FusedGradientAttribute";

    /// <summary>The metadata name of <c>[Broadcast]</c>.</summary>
    public const string BroadcastMetadataName = "FusedActivations.BroadcastAttribute";

    private readonly ImmutableArray<AttributeData> _fused;
    private readonly ImmutableArray<AttributeData> _activations;
    private readonly AttributeData? _activationOwner;

    private FusedAttributes(ImmutableArray<AttributeData> fused, ImmutableArray<AttributeData> activations, AttributeData? activationOwner)
    {
        _fused = fused;
        _activations = activations;
        _activationOwner = activationOwner;
    }

    /// <summary>The first fused attribute in source order: the one whose pipeline parses (or reports) the method.</summary>
    public AttributeData? First => _fused.IsEmpty ? null : _fused[0];

    /// <summary>Whether an activation attribute the generator implements takes the method: the fused ones are then extras.</summary>
    public bool ActivationOwnsMethod => _activationOwner is not null;

    public static FusedAttributes Of(IMethodSymbol method)
    {
        ImmutableArray<AttributeData> fused = InSourceOrder(method.GetAttributes()
            .Where(attribute => attribute.AttributeClass is { } type && MetadataNameOf(type) is FusedMetadataName or GradientMetadataName));
        ImmutableArray<AttributeData> activations = InSourceOrder(method.GetAttributes()
            .Where(attribute => ActivationAttributes.IsActivationAttribute(attribute.AttributeClass)));
        return new FusedAttributes(fused, activations, ActivationAttributeSet.Of(method).Owner);
    }

    /// <summary>The metadata name of an attribute's type (<c>FusedActivations.FusedAttribute</c>), or null.</summary>
    public static string? MetadataNameOf(INamedTypeSymbol? type) => type is null ? null : ActivationAttributes.MetadataNameOf(type);

    /// <summary>
    /// Adds FA1009 at each attribute that cannot apply: all fused ones when an activation owns the method, otherwise
    /// every fused attribute but the first and every activation attribute.
    /// </summary>
    public void ReportExtras(string methodName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        AttributeData? owner = _activationOwner ?? First;
        IEnumerable<AttributeData> extras = _activationOwner is not null ? _fused : _fused.Skip(1).Concat(_activations);
        foreach (AttributeData extra in InSourceOrder(extras))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MultipleActivationAttributes,
                LocationInfo.From(extra.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                methodName,
                ActivationAttributes.ShortNameOf(owner?.AttributeClass),
                ActivationAttributes.ShortNameOf(extra.AttributeClass)));
        }
    }

    private static ImmutableArray<AttributeData> InSourceOrder(IEnumerable<AttributeData> attributes) =>
        attributes
            .OrderBy(attribute => attribute.ApplicationSyntaxReference?.SyntaxTree.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(attribute => attribute.ApplicationSyntaxReference?.Span.Start ?? int.MaxValue)
            .ToImmutableArray();
}
