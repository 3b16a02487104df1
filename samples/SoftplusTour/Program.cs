using System;
using System.Diagnostics;
using FusedActivations;
using SoftplusTour;

Console.WriteLine("FusedActivations: Softplus tour");
Console.WriteLine($"SIMD path on this machine: {ActivePath.Describe()}");
Console.WriteLine();

// 1. A realistic use: a network predicts raw values; a Gaussian's standard deviation must be positive, so
//    sigma = softplus(raw) + epsilon. Raw values far below 0 must not collapse sigma to exactly epsilon.
float[] raw = { -40f, -12f, -3f, -0.5f, 0f, 0.5f, 3f, 12f, 40f };
float[] sigma = new float[raw.Length];
Activations.Softplus2(raw, sigma);
const float Epsilon = 1e-6f;
Console.WriteLine("sigma = softplus_2(raw) + 1e-6");
Console.WriteLine("       raw   softplus_2(raw)           naive MathF formula       sigma");
for (int i = 0; i < raw.Length; i++)
{
    float naive = MathF.Log(1 + MathF.Exp(2 * raw[i])) / 2;
    Console.WriteLine($"{raw[i],10:G6}   {sigma[i],-24:G9}  {naive,-24:G9}  {sigma[i] + Epsilon:G9}");
}

Console.WriteLine($"(The naive formula underflows to exactly 0 below about -8.7 and overflows to +infinity above 44.4: softplus_2(-40) is {sigma[0]:G3}, not 0.)");
Console.WriteLine();

// 2. In place, double, and one value at a time.
double[] values = { -800, -30, 0, 30, 800 };
Activations.SoftplusInPlace(values);
Console.WriteLine($"softplus(-800, -30, 0, 30, 800) in place = {string.Join(", ", values)}");
Console.WriteLine($"softplus_0.5(1) = {Activations.Softplus(1f):G9} (exact: {Math.Log(1 + Math.Exp(0.5)) / 0.5:G9})");
Console.WriteLine();

// 3. Accuracy on a million inputs, measured as the README's tables measure it: the error in ULPs of the exact value,
//    |y - exact| / ulp(exact), where ulp(exact) is the spacing of floats at the exact value. "Exact" is softplus
//    computed in double (FusedMath, about 1e-16 relative, so at most ~1e-8 float ULP off), with the same threshold rule.
//    A correctly rounded float is within 0.5 ULP by this measure.
var random = new Random(42);
float[] x = new float[1_000_000];
for (int i = 0; i < x.Length; i++)
{
    x[i] = (float)(random.NextDouble() * 120 - 90);
}

float[] y = new float[x.Length];
Activations.Softplus2(x, y);
double worstKernel = 0, worstNaive = 0;
float worstKernelAt = 0;
for (int i = 0; i < x.Length; i++)
{
    double exact = FusedMath.Softplus((double)x[i], 2.0);
    double kernelError = UlpError(y[i], exact);
    if (kernelError > worstKernel)
    {
        worstKernel = kernelError;
        worstKernelAt = x[i];
    }

    worstNaive = Math.Max(worstNaive, UlpError(MathF.Log(1 + MathF.Exp(2 * x[i])) / 2, exact));
}

Console.WriteLine("Largest error on 10^6 inputs in [-90, 30], in ULPs of the exact value (|y - exact| / ulp(exact);");
Console.WriteLine("a correctly rounded float is within 0.5):");
Console.WriteLine($"  generated kernel ({ActivePath.Current}): {worstKernel:F3} ULP (at x = {worstKernelAt:R})    naive formula: {worstNaive:G3} ULP");
Console.WriteLine();

// 4. A rough timing (the BenchmarkDotNet project in tests/ gives the real figures).
double kernelNs = Time(() => Activations.Softplus2(x, y), x.Length);
double naiveNs = Time(() =>
{
    for (int i = 0; i < x.Length; i++)
    {
        y[i] = MathF.Log(1 + MathF.Exp(2 * x[i])) / 2;
    }
}, x.Length);
Console.WriteLine($"Rough speed, 10^6 floats: generated {kernelNs:F2} ns/element, naive loop {naiveNs:F2} ns/element ({naiveNs / kernelNs:F1}x)");

static double Time(Action action, int elements)
{
    action();
    double best = double.MaxValue;
    for (int run = 0; run < 5; run++)
    {
        var watch = Stopwatch.StartNew();
        action();
        best = Math.Min(best, watch.Elapsed.TotalNanoseconds / elements);
    }

    return best;
}

// The error of a float result in float ULPs at the exact value: the spacing of floats in the exact value's binade
// (2^(e - 23) for normal values, 2^-149 for subnormal ones), as tests/FusedActivations.TestSupport/Ulp.cs measures.
static double UlpError(float result, double exact)
{
    if (result == exact)
    {
        return 0;
    }

    if (!double.IsFinite(result) || !double.IsFinite(exact))
    {
        return double.PositiveInfinity;
    }

    double ulp = exact == 0 ? Math.ScaleB(1.0, -149) : Math.ScaleB(1.0, Math.Max(Math.ILogB(exact), -126) - 23);
    return Math.Abs(result - exact) / ulp;
}
