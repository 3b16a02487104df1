using System;
using System.Collections.Generic;
using System.Globalization;

namespace FusedActivations.Accuracy;

/// <summary>
/// The command line: <c>ACTIVATION [--param V | --beta V | --alpha V | --slope V] [--threshold T] [--kernel A,B|all]
/// [--quick | --exhaustive] [--double N] [--seed S] [--markdown FILE] [--fail-above ULP]</c>.
/// </summary>
internal sealed record Options(
    Activation Activation,
    Kernels.ActivationParameters Parameters,
    IReadOnlyList<string> Kernels,
    bool Quick,
    long DoubleCount,
    int Seed,
    string? Markdown,
    double? FailAbove)
{
    public static string Usage =>
        "usage: ACTIVATION [--param V] [--threshold T|inf] [--kernel NAME[,NAME...]|all] [--quick|--exhaustive] [--double N] [--seed S] [--markdown FILE] [--fail-above ULP]\n" +
        $"  ACTIVATION: {Activations.Names}.\n" +
        "  --param V: the activation's parameter, also spelled by its name: --beta (softplus, silu), --alpha (elu), --slope (leakyrelu).\n" +
        "  --threshold: softplus's (default 20).\n" +
        "  checks every float input (--exhaustive, the default) or every 4099th (--quick) of the named kernels against the\n" +
        "  reference; --double N checks N random doubles plus the special values instead. Default kernel: fusedmath;\n" +
        "  all: every kernel that takes the run's parameters (generated, fusedmath, naive, tensorprimitives, the peers).\n" +
        "  --markdown FILE also writes the results as a markdown table (folders are created).\n" +
        "  --fail-above ULP: exit code 1 if a generated* kernel's max error exceeds ULP or it gives NaN/infinity\n" +
        "  where the reference does not (CI's smoke check); prints \"N passed, N failed\".";

    public static Options Parse(string[] args)
    {
        Activation activation = (args.Length == 0 ? null : Activations.Find(args[0]))
            ?? throw new ArgumentException($"The first argument must be the activation: {Activations.Names}.");

        double? parameter = null;
        double? threshold = null;
        var kernels = new List<string>();
        bool quick = false;
        long doubleCount = 0;
        int seed = 1;
        string? markdown = null;
        double? failAbove = null;
        for (int i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            string option = args[i];
            if (option == "--param" || (activation.Parameter is { } named && option == "--" + named.Name))
            {
                parameter = activation.Parameter is null
                    ? throw new ArgumentException($"{activation.Name} has no parameter.")
                    : ParseDouble(Value());
                continue;
            }

            switch (option)
            {
                case "--threshold":
                    threshold = activation.HasThreshold ? ParseDouble(Value()) : throw new ArgumentException($"{activation.Name} has no threshold.");
                    break;
                case "--kernel":
                    kernels.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--exhaustive":
                    quick = false;
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
                    throw new ArgumentException($"Unknown option {option} for {activation.Name}.");
            }
        }

        if (parameter is { } p && (!double.IsFinite(p) || (activation.Parameter!.MustBePositive && !(p > 0))))
        {
            throw new ArgumentException($"--{activation.Parameter!.Name} must be finite{(activation.Parameter.MustBePositive ? " and greater than 0" : string.Empty)}.");
        }

        if (threshold is { } t && double.IsNaN(t))
        {
            throw new ArgumentException("--threshold must not be NaN.");
        }

        if (kernels.Count == 0)
        {
            kernels.Add("fusedmath");
        }

        return new Options(activation, activation.ParametersFor(parameter, threshold), kernels, quick, doubleCount, seed, markdown, failAbove);
    }

    private static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "+inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
