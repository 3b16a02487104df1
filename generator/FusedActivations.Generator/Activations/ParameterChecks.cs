using System;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Activations;

/// <summary>
/// Reading an activation's numeric argument, and why it cannot be folded into a kernel of the element type (null when
/// it can): one place for the readers of every activation folder.
/// </summary>
internal static class ParameterChecks
{
    /// <summary>
    /// Reads the named argument (<paramref name="defaultValue"/> when absent) and checks it with
    /// <paramref name="problemOf"/>; a problem is reported as <paramref name="descriptor"/> at the argument. False when
    /// the argument is invalid (reported) or not a constant yet (quietly: the compiler reports those).
    /// </summary>
    public static bool TryRead(ActivationArgumentContext context, string name, double defaultValue, Func<double, ElementType?, string?> problemOf, DiagnosticDescriptor descriptor, out double value)
    {
        if (!context.Arguments.TryGetDouble(name, defaultValue, out value))
        {
            return false;
        }

        if (problemOf(value, context.Element) is { } problem)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(descriptor, context.Arguments.LocationOf(name), AttributeArguments.Format(value), context.MethodName, problem));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The beta of SiLU and InverseSoftplus: finite and positive in the element type, and within the range their folded
    /// constants are made for (SiLU's clamps 800/beta and 700/beta; InverseSoftplus: beta y a normal double for every
    /// float y, 1/beta's tail and the results near its zero normal doubles).
    /// </summary>
    public static string? SupportedBeta(double beta, ElementType? element)
    {
        if (PositiveFinite(beta, element) is { } problem)
        {
            return problem;
        }

        (double min, double max) = element == ElementType.Single ? (1e-30, 1e30) : (1e-200, 1e200);
        return element is not null && (beta < min || beta > max)
            ? $"the kernels support beta from {min:G} to {max:G} for {(element == ElementType.Single ? "float" : "double")}"
            : null;
    }
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
