using System;
using System.Collections.Generic;
using System.Globalization;

namespace FusedActivations.Accuracy;

/// <summary>
/// The command line: <c>softplus [--beta B] [--threshold T] [--kernel A,B] [--quick] [--double N] [--seed S] [--markdown FILE] [--fail-above ULP]</c>.
/// </summary>
internal sealed record Options(double Beta, double Threshold, IReadOnlyList<string> Kernels, bool Quick, long DoubleCount, int Seed, string? Markdown, double? FailAbove)
{
    public const string Usage =
        "usage: softplus [--beta B] [--threshold T|inf] [--kernel NAME[,NAME...]] [--quick] [--double N] [--seed S] [--markdown FILE] [--fail-above ULP]\n" +
        "  checks every float input (or every 4099th with --quick) of the named kernels against the reference;\n" +
        "  --double N checks N random doubles plus the special values instead. Default kernel: fusedmath.\n" +
        "  --markdown FILE also writes the results as a markdown table (folders are created).\n" +
        "  --fail-above ULP: exit code 1 if a generated-* kernel's max error exceeds ULP or it gives NaN/infinity\n" +
        "  where the reference does not (CI's smoke check); prints \"N passed, N failed\".";

    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || !args[0].Equals("softplus", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The first argument must be the function: softplus.");
        }

        double beta = 1;
        double threshold = 20;
        var kernels = new List<string>();
        bool quick = false;
        long doubleCount = 0;
        int seed = 1;
        string? markdown = null;
        double? failAbove = null;
        for (int i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--beta":
                    beta = ParseDouble(Value());
                    break;
                case "--threshold":
                    threshold = ParseDouble(Value());
                    break;
                case "--kernel":
                    kernels.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--double":
                    doubleCount = long.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--markdown":
                    markdown = Value();
                    break;
                case "--fail-above":
                    failAbove = ParseDouble(Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (!(beta > 0) || double.IsInfinity(beta) || double.IsNaN(threshold))
        {
            throw new ArgumentException("--beta must be finite and greater than 0, --threshold not NaN.");
        }

        if (kernels.Count == 0)
        {
            kernels.Add("fusedmath");
        }

        return new Options(beta, threshold, kernels, quick, doubleCount, seed, markdown, failAbove);
    }

    private static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "+inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
