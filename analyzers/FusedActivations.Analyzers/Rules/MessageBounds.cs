using FusedActivations.Analyzers.Matching;

namespace FusedActivations.Analyzers.Rules;

/// <summary>A message's numbers for the element type of the expression: the double bound, the float one, or both.</summary>
internal readonly struct MessageBounds
{
    private readonly ElementKind _kind;

    public MessageBounds(ElementKind kind) => _kind = kind;

    /// <summary><paramref name="forDouble"/> or <paramref name="forSingle"/>; both when the element type is generic.</summary>
    public string Of(string forDouble, string forSingle) => _kind switch
    {
        ElementKind.Double => forDouble,
        ElementKind.Single => forSingle,
        _ => forDouble + " (float: " + forSingle + ")",
    };
}
