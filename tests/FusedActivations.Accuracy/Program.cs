using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using FusedActivations;
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
IAccuracyKernel[] kernels;
try
{
    kernels = options.Kernels.Select(name => registry.Create(name, parameters)).ToArray();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"# FusedActivations accuracy: softplus, beta {options.Beta:R}, threshold {options.Threshold:R}");
Console.WriteLine($"# machine: {Environment.MachineName}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores");
Console.WriteLine($"# runtime: {RuntimeInformation.FrameworkDescription}; SIMD path: {ActivePath.Describe()}");
var stopwatch = Stopwatch.StartNew();

if (options.DoubleCount > 0)
{
    IAccuracyKernelDouble[] doubleKernels = kernels.OfType<IAccuracyKernelDouble>().ToArray();
    if (doubleKernels.Length != kernels.Length)
    {
        Console.Error.WriteLine("Some of the kernels have no double entry point.");
        return 2;
    }

    Console.WriteLine($"# inputs: {options.DoubleCount} random doubles (seed {options.Seed}) + special values, against the double-double reference");
    ErrorStats[] stats = DoubleCheck.Run(doubleKernels, options.DoubleCount, options.Beta, options.Threshold, options.Seed);
    Report.Print(kernels, stats, x => Report.DescribeDouble(x), stopwatch.Elapsed);
}
else
{
    var inputs = new FloatInputs(options.Quick);
    float beta = (float)options.Beta;
    float threshold = (float)options.Threshold;
    Console.WriteLine(options.Quick
        ? $"# inputs: every {FloatInputs.QuickStride}th float bit pattern + special values ({inputs.Count} inputs)"
        : $"# inputs: all {inputs.Count} float bit patterns");
    ErrorStats[] stats = FloatCheck.Run(kernels, inputs, beta, threshold,
        fraction => Console.Error.Write($"\r{fraction:P0} after {stopwatch.Elapsed.TotalSeconds:F0} s   "));
    Console.Error.WriteLine();
    Report.Print(kernels, stats, x => Report.DescribeFloat((float)x), stopwatch.Elapsed);
}

return 0;
