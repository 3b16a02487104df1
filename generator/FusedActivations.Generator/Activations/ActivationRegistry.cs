using System.Collections.Immutable;
using FusedActivations.Generator.Activations.Elu;
using FusedActivations.Generator.Activations.Gelu;
using FusedActivations.Generator.Activations.HardSwish;
using FusedActivations.Generator.Activations.InverseSoftplus;
using FusedActivations.Generator.Activations.LeakyRelu;
using FusedActivations.Generator.Activations.LogSigmoid;
using FusedActivations.Generator.Activations.Mish;
using FusedActivations.Generator.Activations.Relu;
using FusedActivations.Generator.Activations.Selu;
using FusedActivations.Generator.Activations.Sigmoid;
using FusedActivations.Generator.Activations.Silu;
using FusedActivations.Generator.Activations.Softplus;
using FusedActivations.Generator.Activations.Tanh;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Activations;

/// <summary>Every activation the generator implements: adding one is its folder and one line here.</summary>
internal static class ActivationRegistry
{
    public static readonly ImmutableArray<Activation> All = ImmutableArray.Create<Activation>(
        SoftplusActivation.Instance,
        SigmoidActivation.Instance,
        TanhActivation.Instance,
        SiluActivation.Instance,
        MishActivation.Instance,
        EluActivation.Instance,
        SeluActivation.Instance,
        LogSigmoidActivation.Instance,
        ReluActivation.Instance,
        LeakyReluActivation.Instance,
        HardSwishActivation.Instance,
        InverseSoftplusActivation.Instance,
        GeluActivation.Instance);

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
