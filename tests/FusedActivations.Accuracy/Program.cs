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

Activation activation = options.Activation;
KernelRegistry registry = KernelRegistry.For(activation);
ActivationParameters parameters = options.Parameters;
var kernelList = new List<IAccuracyKernel>();
var skipped = new List<KernelUnavailableException>();
IEnumerable<string> names = options.Kernels.SelectMany(name =>
    name.Equals(KernelRegistry.All, StringComparison.OrdinalIgnoreCase) ? registry.NamesFor(parameters) : [name]);
foreach (string name in names.Distinct(StringComparer.OrdinalIgnoreCase))
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

if (options.DoubleCount > 0 && options.Kernels.Contains(KernelRegistry.All, StringComparer.OrdinalIgnoreCase))
{
    // --kernel all in double mode: the float-only kernels (ONNX Runtime's Softplus, float-only generated ones) are left out.
    foreach (IAccuracyKernel floatOnly in kernelList.Where(k => k is not IAccuracyKernelDouble && !options.Kernels.Contains(k.Name, StringComparer.OrdinalIgnoreCase)).ToList())
    {
        Console.Error.WriteLine($"Leaving out '{floatOnly.Name}': no double entry point.");
        kernelList.Remove(floatOnly);
    }
}

IAccuracyKernel[] kernels = [.. kernelList];
IAccuracyKernelDouble[] doubleKernels = kernels.OfType<IAccuracyKernelDouble>().ToArray();
if (options.DoubleCount > 0 && doubleKernels.Length != kernels.Length)
{
    Console.Error.WriteLine($"--double: no double entry point in {string.Join(", ", kernels.Where(k => k is not IAccuracyKernelDouble).Select(k => k.Name))}.");
    return 2;
}

string described = activation.DescribeParameters(parameters);
Console.WriteLine($"# FusedActivations accuracy: {activation.Title}{(described.Length == 0 ? string.Empty : ", " + described)}");
Console.WriteLine($"# machine: {MachineInfo.Machine}");
Console.WriteLine($"# runtime: {MachineInfo.Runtime}");
var stopwatch = Stopwatch.StartNew();

RunResults results;
if (options.DoubleCount > 0)
{
    string variable = activation.RangeScalesWithParameter ? $"{activation.Parameter!.Symbol}x" : "x";
    string inputs = $"{options.DoubleCount} random doubles (seed {options.Seed}: half random bit patterns, half with {variable} in [{activation.Range.Min:R}, {activation.Range.Max:R}]) + special values";
    Console.WriteLine($"# inputs: {inputs}, against the double-double reference");
    ErrorStats[] stats = DoubleCheck.Run(doubleKernels, options.DoubleCount, activation, parameters, options.Seed);
    results = new RunResults(false, activation, parameters, inputs, string.Join(' ', args), kernels, stats, skipped, null, stopwatch.Elapsed);
}
else
{
    var floatInputs = new FloatInputs(options.Quick);
    string inputs = options.Quick
        ? $"every {FloatInputs.QuickStride}th float bit pattern + special values ({floatInputs.Count} inputs)"
        : $"all {floatInputs.Count} float bit patterns";
    Console.WriteLine($"# inputs: {inputs}");
    // With --quick every input's fast reference is checked against the exact one; else one in FloatReference.CheckStride.
    var reference = new FloatReference(activation, parameters, checkEveryInput: options.Quick);
    ErrorStats[] stats = FloatCheck.Run(kernels, floatInputs, activation, parameters, reference,
        fraction => Console.Error.Write($"\r{fraction:P0} after {stopwatch.Elapsed.TotalSeconds:F0} s   "));
    Console.Error.WriteLine();
    string? note = reference.HasFast
        ? string.Create(CultureInfo.InvariantCulture,
            $"fast double evaluation, exact (double-double) where a result is within {FloatReference.Margin:G3} ULP of 0.5 or 1 ULP or near a power of two ({reference.ExactCount} evaluations, shared by the kernels; the exact value is shown there, else the fast one); fast value checked against the exact one on {reference.Checked} inputs: max deviation {reference.MaxDeviation:G3} float ULP")
        : null;
    results = new RunResults(true, activation, parameters, inputs, string.Join(' ', args), kernels, stats, skipped, note, stopwatch.Elapsed);
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
