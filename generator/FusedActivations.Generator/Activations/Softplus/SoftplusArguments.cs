using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Parsing;

namespace FusedActivations.Generator.Activations.Softplus;

/// <summary>Reads and validates <c>[Softplus(Beta = ..., Threshold = ...)]</c>.</summary>
internal static class SoftplusArguments
{
    /// <summary>The attribute's default beta (kept equal to <c>SoftplusAttribute.Beta</c>'s initializer).</summary>
    public const double DefaultBeta = 1;

    /// <summary>The attribute's default threshold (kept equal to <c>SoftplusAttribute.Threshold</c>'s initializer).</summary>
    public const double DefaultThreshold = 20;

    /// <summary>The spec, or null when an argument is invalid (diagnostic added) or not a constant (quietly).</summary>
    public static ActivationSpec? Read(ActivationArgumentContext context)
    {
        AttributeArguments arguments = context.Arguments;
        if (!arguments.TryGetDouble("Beta", DefaultBeta, out double beta)
            || !arguments.TryGetDouble("Threshold", DefaultThreshold, out double threshold))
        {
            return null;
        }

        bool valid = true;
        if (BetaProblem(beta, context.Element) is { } problem)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidBeta,
                arguments.LocationOf("Beta"),
                AttributeArguments.Format(beta),
                context.MethodName,
                problem));
            valid = false;
        }

        // Any threshold but NaN has a meaning: +infinity turns the cut-off off, a negative one applies it early.
        if (double.IsNaN(threshold))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidThreshold,
                arguments.LocationOf("Threshold"),
                context.MethodName));
            valid = false;
        }

        return valid ? new SoftplusSpec(beta, threshold) : null;
    }

    /// <summary>
    /// Why <paramref name="beta"/> cannot be used, or null when it can. Beta is rounded to the element type and its
    /// reciprocal is folded into the kernel, so both must be finite and positive in that type, not only as a double.
    /// </summary>
    internal static string? BetaProblem(double beta, ElementType? element)
    {
        if (double.IsNaN(beta))
        {
            return "beta must not be NaN";
        }

        if (double.IsInfinity(beta))
        {
            return "beta must be finite";
        }

        if (beta <= 0)
        {
            return "beta must be greater than 0";
        }

        if (element == ElementType.Single)
        {
            float rounded = (float)beta;
            if (rounded == 0)
            {
                return "beta rounds to 0 as a float";
            }

            if (float.IsInfinity(rounded))
            {
                return "beta overflows a float";
            }

            if (float.IsInfinity(1f / rounded))
            {
                return "1/beta overflows a float";
            }
        }
        else if (double.IsInfinity(1 / beta))
        {
            return "1/beta overflows a double";
        }

        // The kernel folds exp's underflow point, ln(beta) - 104.5 (float) or - 745.7 (double), into a scale of
        // 2^(k + offset) that must stay a normal number, and multiplies by 1/beta without losing precision.
        (double min, double max) = element == ElementType.Single ? (1e-10, 1e30) : (1e-20, 1e300);
        if (element is not null && (beta < min || beta > max))
        {
            return $"the kernels support beta from {min:G} to {max:G} for {(element == ElementType.Single ? "float" : "double")}";
        }

        return null;
    }
}
