using System.Collections.Immutable;
using FusedActivations.Generator.Activations.Softplus;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Activations;

/// <summary>Every activation the generator implements: adding one is its folder and one line here.</summary>
internal static class ActivationRegistry
{
    public static readonly ImmutableArray<Activation> All = ImmutableArray.Create<Activation>(
        SoftplusActivation.Instance);

    /// <summary>The activation a spec belongs to.</summary>
    public static Activation For(ActivationSpec spec)
    {
        foreach (Activation activation in All)
        {
            if (activation.Name == spec.Name)
            {
                return activation;
            }
        }

        throw new System.ArgumentException("No activation for " + spec.Name + ".", nameof(spec));
    }

    /// <summary>The activation whose attribute has <paramref name="metadataName"/>, or null.</summary>
    public static Activation? ForAttribute(string metadataName)
    {
        foreach (Activation activation in All)
        {
            if (activation.MetadataName == metadataName)
            {
                return activation;
            }
        }

        return null;
    }
}
