using System;
using FusedActivations.Accuracy.Kernels;

namespace FusedActivations.Accuracy;

/// <summary>Prints one block of results per kernel, then the kernels that were skipped and why.</summary>
internal static class Report
{
    public static void Print(RunResults results)
    {
        for (int k = 0; k < results.Kernels.Count; k++)
        {
            IAccuracyKernel kernel = results.Kernels[k];
            ErrorStats s = results.Stats[k];
            Console.WriteLine($"kernel {kernel.Name}: {kernel.Description}");
            if (results.Activation.HasThreshold && !kernel.HasThreshold)
            {
                Console.WriteLine("  reference     threshold +inf (the kernel has no cut-off)");
            }

            Console.WriteLine($"  inputs        {s.Count}");
            Console.WriteLine($"  max ULP       {s.Max:G9} at x = {results.Bits(s.MaxInput)} ({results.Value(s.MaxInput)}): result {s.MaxResult:R}, reference {s.MaxReference:R}");
            Console.WriteLine($"  mean ULP      {s.Mean:G6}");
            Console.WriteLine($"  > 0.5 ULP     {s.AboveHalf} ({(double)s.AboveHalf / s.Count:P4})");
            Console.WriteLine($"  > 1 ULP       {s.AboveOne} ({(double)s.AboveOne / s.Count:P4})");
            Console.WriteLine($"  infinite      {s.Infinite} (NaN or infinity where the reference is not, or the reverse)");
        }

        foreach (KernelUnavailableException skipped in results.Skipped)
        {
            Console.WriteLine($"kernel {skipped.Kernel}: SKIPPED, {skipped.Reason}");
        }

        if (results.ReferenceNote is { } note)
        {
            Console.WriteLine($"# reference: {note}");
        }

        Console.WriteLine($"# elapsed {results.Elapsed.TotalSeconds:F1} s");
    }
}
