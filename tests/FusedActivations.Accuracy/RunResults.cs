using System;
using System.Collections.Generic;
using System.Globalization;
using FusedActivations.Accuracy.Kernels;

namespace FusedActivations.Accuracy;

/// <summary>Everything a report of one run shows: the console (<see cref="Report"/>) and the markdown file (<see cref="MarkdownReport"/>).</summary>
/// <param name="IsFloat">Float inputs (every bit pattern or the quick stride); false: random doubles.</param>
/// <param name="Activation">The activation checked.</param>
/// <param name="Parameters">The run's parameter and (Softplus) threshold; kernels without a cut-off are compared against +∞.</param>
/// <param name="Inputs">Which inputs, in words.</param>
/// <param name="CommandLine">The arguments after <c>--</c>, to rerun it.</param>
/// <param name="Kernels">The kernels that ran.</param>
/// <param name="Stats">Their statistics, in the same order.</param>
/// <param name="Skipped">Kernels asked for that could not run here, with the reason.</param>
/// <param name="ReferenceNote">How the float reference was computed and checked, for the report (null for doubles).</param>
/// <param name="Elapsed">Wall time of the run.</param>
internal sealed record RunResults(
    bool IsFloat,
    Activation Activation,
    ActivationParameters Parameters,
    string Inputs,
    string CommandLine,
    IReadOnlyList<IAccuracyKernel> Kernels,
    IReadOnlyList<ErrorStats> Stats,
    IReadOnlyList<KernelUnavailableException> Skipped,
    string? ReferenceNote,
    TimeSpan Elapsed)
{
    public string ElementType => IsFloat ? "float" : "double";

    /// <summary>The threshold of the reference a kernel was compared against (see <see cref="IAccuracyKernel.HasThreshold"/>).</summary>
    public double ReferenceThreshold(IAccuracyKernel kernel) => kernel.HasThreshold ? Parameters.Threshold : double.PositiveInfinity;

    /// <summary>An input as the element type prints it (shortest round-trip form).</summary>
    public string Value(double x) => IsFloat
        ? ((float)x).ToString("R", CultureInfo.InvariantCulture)
        : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An input's bit pattern in hex, so that it can be reproduced exactly.</summary>
    public string Bits(double x) => IsFloat
        ? $"0x{BitConverter.SingleToInt32Bits((float)x):X8}"
        : $"0x{BitConverter.DoubleToInt64Bits(x):X16}";
}
