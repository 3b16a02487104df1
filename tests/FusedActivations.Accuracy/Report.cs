using System;
using FusedActivations.Accuracy.Kernels;

namespace FusedActivations.Accuracy;

/// <summary>Prints one block of results per kernel.</summary>
internal static class Report
{
    public static void Print(IAccuracyKernel[] kernels, ErrorStats[] stats, Func<double, string> describe, TimeSpan elapsed)
    {
        for (int k = 0; k < kernels.Length; k++)
        {
            ErrorStats s = stats[k];
            Console.WriteLine($"kernel {kernels[k].Name}:");
            Console.WriteLine($"  inputs        {s.Count}");
            Console.WriteLine($"  max ULP       {s.Max:G9} at x = {describe(s.MaxInput)}: result {s.MaxResult:R}, reference {s.MaxReference:R}");
            Console.WriteLine($"  mean ULP      {s.Mean:G6}");
            Console.WriteLine($"  > 0.5 ULP     {s.AboveHalf} ({(double)s.AboveHalf / s.Count:P4})");
            Console.WriteLine($"  > 1 ULP       {s.AboveOne} ({(double)s.AboveOne / s.Count:P4})");
            Console.WriteLine($"  infinite      {s.Infinite} (NaN or infinity where the reference is not, or the reverse)");
        }

        Console.WriteLine($"# elapsed {elapsed.TotalSeconds:F1} s");
    }

    public static string DescribeFloat(float x) => $"0x{BitConverter.SingleToInt32Bits(x):X8} ({x:R})";

    public static string DescribeDouble(double x) => $"0x{BitConverter.DoubleToInt64Bits(x):X16} ({x:R})";
}
