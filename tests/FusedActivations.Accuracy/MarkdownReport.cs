using System;
using System.Globalization;
using System.IO;
using System.Text;
using FusedActivations.Accuracy.Kernels;

namespace FusedActivations.Accuracy;

/// <summary>
/// Writes a run's results as a markdown file (<c>--markdown FILE</c>): what was run where, then one table row per kernel.
/// The committed files under <c>results/</c> are these, written by <c>scripts/report.sh</c>.
/// </summary>
internal static class MarkdownReport
{
    public static void Write(string path, RunResults r)
    {
        var md = new StringBuilder();
        string parameters = r.Activation.DescribeParameters(r.Parameters);
        md.AppendLine(CultureInfo.InvariantCulture, $"# {r.Activation.Title} accuracy: {r.ElementType}{(parameters.Length == 0 ? string.Empty : ", " + parameters)}");
        md.AppendLine();
        md.AppendLine("Written by `tests/FusedActivations.Accuracy` (README there). ULP = |result − exact| / spacing of the element type");
        md.AppendLine("at the exact value; the reference is `tests/FusedActivations.TestSupport`'s (double-double where it matters).");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| command | `dotnet run -c Release --project tests/FusedActivations.Accuracy -- {r.CommandLine}` |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| inputs | {Cell(r.Inputs)} |");
        if (r.ReferenceNote is { } note)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| reference | {Cell(note)} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| machine | {Cell(MachineInfo.Machine)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| runtime | {Cell(MachineInfo.Runtime)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| finished | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, after {r.Elapsed.TotalSeconds:F0} s |");
        md.AppendLine();

        md.AppendLine("| kernel | max ULP | at x | x bits | result there | exact there | mean ULP | > 0.5 ULP | > 1 ULP | NaN/∞ mismatches |");
        md.AppendLine("|---|---:|---|---|---|---|---:|---:|---:|---:|");
        for (int k = 0; k < r.Kernels.Count; k++)
        {
            ErrorStats s = r.Stats[k];
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Kernels[k].Name}` | {Ulps(s.Max)} | {r.Value(s.MaxInput)} | {r.Bits(s.MaxInput)} | {Result(r, s.MaxResult)} | {s.MaxReference:R} | {s.Mean:G4} | {Share(s.AboveHalf, s.Count)} | {Share(s.AboveOne, s.Count)} | {s.Infinite:N0} |");
        }

        md.AppendLine();
        bool threshold = r.Activation.HasThreshold;
        md.AppendLine(threshold ? "| kernel | what runs | compared against threshold |" : "| kernel | what runs |");
        md.AppendLine(threshold ? "|---|---|---|" : "|---|---|");
        foreach (IAccuracyKernel kernel in r.Kernels)
        {
            string cut = threshold
                ? " " + Number(r.ReferenceThreshold(kernel)) + (kernel.HasThreshold ? string.Empty : " (the kernel has no cut-off)") + " |"
                : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{kernel.Name}` | {Cell(kernel.Description)} |{cut}");
        }

        foreach (KernelUnavailableException skipped in r.Skipped)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{skipped.Kernel}` | **skipped**: {Cell(skipped.Reason)} |{(threshold ? " |" : string.Empty)}");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, md.ToString());
    }

    /// <summary>4 significant digits: enough to compare kernels, and stable between runs on other machines.</summary>
    private static string Ulps(double ulps) => double.IsPositiveInfinity(ulps) ? "∞" : ulps.ToString("G4", CultureInfo.InvariantCulture);

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "+∞" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Result(RunResults r, double result) => r.IsFloat
        ? ((float)result).ToString("R", CultureInfo.InvariantCulture)
        : result.ToString("R", CultureInfo.InvariantCulture);

    private static string Share(long count, long total) =>
        count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} ({(double)count / total:P3})");

    /// <summary>Text inside a table cell: a pipe would end the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
