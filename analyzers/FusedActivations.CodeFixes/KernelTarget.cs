using FusedActivations.Analyzers.Matching;

namespace FusedActivations.CodeFixes;

/// <summary>
/// The table of the kernel fix (<see cref="GenerateKernelCodeFixProvider"/>): for each replacement a map loop can get,
/// the activation attribute that generates its kernel. A naive softplus loop becomes <c>[Softplus]</c> (with its β and,
/// for double, no cut-off), sigmoid <c>[Sigmoid]</c>, log-sigmoid <c>[LogSigmoid]</c>, tanh <c>[Tanh]</c>, the tanh form of GELU
/// <c>[Gelu(Approximate = GeluApproximation.Tanh)]</c>; the other
/// rules' replacements have no activation of their own and stay FusedMath calls.
/// </summary>
internal sealed class KernelTarget
{
    private static readonly KernelTarget Softplus = new("Softplus", hasBeta: true);
    private static readonly KernelTarget Sigmoid = new("Sigmoid", hasBeta: false);
    private static readonly KernelTarget LogSigmoid = new("LogSigmoid", hasBeta: false);
    private static readonly KernelTarget Tanh = new("Tanh", hasBeta: false);
    private static readonly KernelTarget GeluTanh = new("Gelu", hasBeta: false, approximation: "Tanh");

    private KernelTarget(string attribute, bool hasBeta, string? approximation = null)
    {
        Attribute = attribute;
        HasBeta = hasBeta;
        Approximation = approximation;
    }

    /// <summary>The attribute's name without <c>Attribute</c>: also the kernel method's base name.</summary>
    public string Attribute { get; }

    /// <summary>The attribute's metadata name.</summary>
    public string AttributeMetadataName => "FusedActivations." + Attribute + "Attribute";

    /// <summary>Whether the attribute takes the naive form's β (and, for double, <c>Threshold = double.PositiveInfinity</c>).</summary>
    public bool HasBeta { get; }

    /// <summary>The <c>GeluApproximation</c> member the attribute's <c>Approximate</c> is set to (GELU's tanh form), or null.</summary>
    public string? Approximation { get; }

    /// <summary>The title of the fix.</summary>
    public string Title => "Generate a SIMD kernel with [" + Attribute + "]";

    /// <summary>The target of a replacement, or null when a map loop of it stays a loop of FusedMath calls.</summary>
    public static KernelTarget? For(FusedFunction function) => function switch
    {
        FusedFunction.Softplus => Softplus,
        FusedFunction.Sigmoid => Sigmoid,
        FusedFunction.LogSigmoid => LogSigmoid,
        FusedFunction.Tanh => Tanh,
        FusedFunction.GeluTanh => GeluTanh,
        _ => null,
    };
}
