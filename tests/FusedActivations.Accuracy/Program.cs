using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using FusedActivations.Accuracy;
using FusedActivations.Accuracy.Kernels;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

KernelRegistry registry = KernelRegistry.CreateDefault();
var parameters = new SoftplusParameters(options.Beta, options.Threshold);
var kernelList = new List<IAccuracyKernel>();
var skipped = new List<KernelUnavailableException>();
foreach (string name in options.Kernels)
{
    try
    {
        kernelList.Add(registry.Create(name, parameters));
    }
    catch (KernelUnavailableException e)
    {
        // A peer whose native library does not load here: say why and go on with the others.
        Console.Error.WriteLine($"Skipping kernel '{e.Kernel}': {e.Reason}");
        skipped.Add(e);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}

if (kernelList.Count == 0)
{
    Console.Error.WriteLine("None of the kernels can run here.");
    return 1;
}

IAccuracyKernel[] kernels = [.. kernelList];
IAccuracyKernelDouble[] doubleKernels = kernels.OfType<IAccuracyKernelDouble>().ToArray();
if (options.DoubleCount > 0 && doubleKernels.Length != kernels.Length)
{
    Console.Error.WriteLine($"--double: no double entry point in {string.Join(", ", kernels.Where(k => k is not IAccuracyKernelDouble).Select(k => k.Name))}.");
    return 2;
}

Console.WriteLine($"# FusedActivations accuracy: softplus, beta {options.Beta:R}, threshold {options.Threshold:R}");
Console.WriteLine($"# machine: {MachineInfo.Machine}");
Console.WriteLine($"# runtime: {MachineInfo.Runtime}");
var stopwatch = Stopwatch.StartNew();

RunResults results;
if (options.DoubleCount > 0)
{
    string inputs = $"{options.DoubleCount} random doubles (seed {options.Seed}: half random bit patterns, half with βx in [-750, 40]) + special values";
    Console.WriteLine($"# inputs: {inputs}, against the double-double reference");
    ErrorStats[] stats = DoubleCheck.Run(doubleKernels, options.DoubleCount, options.Beta, options.Threshold, options.Seed);
    results = new RunResults(false, options.Beta, options.Threshold, inputs, string.Join(' ', args), kernels, stats, skipped, stopwatch.Elapsed);
}
else
{
    var floatInputs = new FloatInputs(options.Quick);
    string inputs = options.Quick
        ? $"every {FloatInputs.QuickStride}th float bit pattern + special values ({floatInputs.Count} inputs)"
        : $"all {floatInputs.Count} float bit patterns";
    Console.WriteLine($"# inputs: {inputs}");
    ErrorStats[] stats = FloatCheck.Run(kernels, floatInputs, (float)options.Beta, (float)options.Threshold,
        fraction => Console.Error.Write($"\r{fraction:P0} after {stopwatch.Elapsed.TotalSeconds:F0} s   "));
    Console.Error.WriteLine();
    results = new RunResults(true, options.Beta, options.Threshold, inputs, string.Join(' ', args), kernels, stats, skipped, stopwatch.Elapsed);
}

Report.Print(results);
if (options.Markdown is { } markdown)
{
    MarkdownReport.Write(markdown, results);
    Console.WriteLine($"# written {markdown}");
}

foreach (IDisposable disposable in kernels.OfType<IDisposable>())
{
    disposable.Dispose();
}

if (options.FailAbove is { } bound)
{
    // The smoke check: our generated kernels (not the peers, whose errors are what they are) within the bound.
    int passed = 0, failed = 0;
    for (int i = 0; i < results.Kernels.Count; i++)
    {
        if (!results.Kernels[i].Name.StartsWith("generated", StringComparison.OrdinalIgnoreCase))
        {
            continue;
        }

        ErrorStats stat = results.Stats[i];
        bool ok = stat.Max <= bound && stat.Infinite == 0;
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")} {results.Kernels[i].Name}: max {stat.Max:F4} ULP (bound {bound}), {stat.Infinite} non-finite mismatches");
        if (ok)
        {
            passed++;
        }
        else
        {
            failed++;
        }
    }

    Console.WriteLine($"{passed} passed, {failed} failed");
    return failed == 0 && passed > 0 ? 0 : 1;
}

return 0;
