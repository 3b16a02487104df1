using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Activations;

/// <summary>Why an activation's numeric argument cannot be folded into a kernel of the element type, or null when it can.</summary>
internal static class ParameterChecks
{
    /// <summary>A finite value (any sign) that stays finite when rounded to the element type.</summary>
    public static string? Finite(double value, ElementType? element)
    {
        if (double.IsNaN(value))
        {
            return "it must not be NaN";
        }

        if (double.IsInfinity(value))
        {
            return "it must be finite";
        }

        return element == ElementType.Single && float.IsInfinity((float)value) ? "it overflows a float" : null;
    }

    /// <summary>A finite value greater than 0 that stays so when rounded to the element type.</summary>
    public static string? PositiveFinite(double value, ElementType? element)
    {
        if (Finite(value, element) is { } problem)
        {
            return problem;
        }

        if (value <= 0)
        {
            return "it must be greater than 0";
        }

        return element == ElementType.Single && (float)value == 0 ? "it rounds to 0 as a float" : null;
    }
}
