using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>Turns a <see cref="FusedMethodSpec"/> into the method's body and the fused kernel class it calls.</summary>
internal static class FusedEmitter
{
    /// <summary>The method's file and its kernel (shared by methods with the same formula and streams).</summary>
    public static EmittedMethod Emit(FusedMethodSpec spec, string assemblyTag) =>
        throw new System.NotImplementedException("The fused emitter is being written.");
}
