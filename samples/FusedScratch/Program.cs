using System;
using FusedActivations;

public static partial class Head
{
    static float Scale(float raw, float bias) => FusedMath.Softplus(raw + bias, 2f) + 1e-6f;

    [Fused(nameof(Scale))]
    public static partial void Scale(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias, Span<float> destination);

    [FusedGradient(nameof(Scale))]
    public static partial void ScaleBackward(ReadOnlySpan<float> raw, [Broadcast] ReadOnlySpan<float> bias,
        ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

    static float SwiGlu(float a, float b) => FusedMath.Silu(a) * b;

    [FusedGradient(nameof(SwiGlu))]
    public static partial void SwiGluBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> gradOutput, Span<float> gradA, Span<float> gradB);

    static double BiasGelu(double x, double bias) => FusedMath.Gelu(x + bias);

    [FusedGradient(nameof(BiasGelu))]
    public static partial void BiasGeluBackward(ReadOnlySpan<double> x, [Broadcast] ReadOnlySpan<double> bias, ReadOnlySpan<double> gradOutput, Span<double> gradX, Span<double> gradBias);
}

public static class Program
{
    public static void Main()
    {
        float[] raw = { -3, -1, 0, 1, 2, 3, 30, -30 };
        float[] bias = { 0.5f, -0.5f };
        float[] g = { 1, 1, 1, 1, 1, 1, 1, 1 };
        float[] gr = new float[8], gb = new float[2];
        Head.ScaleBackward(raw, bias, g, gr, gb);
        Console.WriteLine(string.Join(", ", gr) + " | " + string.Join(", ", gb));
        for (int i = 0; i < 8; i++) { float t = raw[i] + bias[i % 2]; Console.Write((2 * t > 20 ? 1 : 1 / (1 + Math.Exp(-2.0 * t))) + " "); }
        Console.WriteLine();
        float[] ga = new float[8], gbb = new float[8];
        Head.SwiGluBackward(raw, raw, g, ga, gbb);
        Console.WriteLine(string.Join(", ", ga) + " | " + string.Join(", ", gbb));
        double[] x = { -6, -1, 0, 1, 2, 40 }, bd = { 0.25, -0.25 }, gd = { 1, 1, 1, 1, 1, 1 }, gx = new double[6], gbd = new double[2];
        Head.BiasGeluBackward(x, bd, gd, gx, gbd);
        Console.WriteLine(string.Join(", ", gx) + " | " + string.Join(", ", gbd));
    }
}
