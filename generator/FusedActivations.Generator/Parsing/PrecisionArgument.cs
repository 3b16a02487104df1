using System.Collections.Generic;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Parsing;

/// <summary>The <c>Precision</c> argument of the activation attributes and of <c>[Fused]</c>: an <c>ActivationPrecision</c>.</summary>
internal static class PrecisionArgument
{
    private const string Name = "Precision";

    /// <summary>
    /// The precision asked for (Accurate when the argument is absent); null when it is not a constant yet (quietly) or not
    /// one of the enum's values, e.g. <c>(ActivationPrecision)7</c> (FA1026 added).
    /// </summary>
    public static KernelPrecision? Read(AttributeArguments arguments, string methodName, List<DiagnosticInfo> diagnostics)
    {
        if (!arguments.TryGetInt32(Name, 0, out int value))
        {
            return null;
        }

        switch (value)
        {
            case (int)KernelPrecision.Accurate:
                return KernelPrecision.Accurate;
            case (int)KernelPrecision.Fast:
                return KernelPrecision.Fast;
            default:
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidPrecision,
                    arguments.LocationOf(Name),
                    value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    methodName));
                return null;
        }
    }
}
