using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Running;
using FusedActivations.Benchmarks.Benchmarks;
using FusedActivations.Benchmarks.Infrastructure;
using FusedActivations.Benchmarks.Peers;
using FusedActivations.Peers;

namespace FusedActivations.Benchmarks.Commands;

/// <summary>
/// The smoke checks of issue 12's benchmarks (<see cref="SmokeCommand"/> runs them): every fused peer once on a shape,
/// against the formula method; PyTorch's autograd (<see cref="TorchSharpAutograd{T}"/>, the peer of the gradient
/// benchmarks) and our gradient kernels against derivatives written by hand, computed in double; and the gradient
/// benchmarks' methods against one another.
/// </summary>
public static class FusedSmokeChecks
{
    /// <summary>The seed of the autograd checks' gradOutput (the inputs use <see cref="InputData.Seed"/> and <see cref="FusedPeers.SecondSeed"/>).</summary>
    public const int GradientSeed = InputData.Seed + 2;

    /// <summary>
    /// Runs the case's setup at <paramref name="length"/> elements in rows of <paramref name="channels"/>, its benchmark
    /// method once, and checks every output: finite and |y − r| ≤ 1e-5·|r| + 1e-6·max(1, |first|)·max(1, |second|) from
    /// the peer's reference r (the formula method; the activation alone for <see cref="PeerKind.SingleActivation"/>).
    /// Throws on the first element out of tolerance; returns the largest error scaled by |r| + 1e-6.
    /// </summary>
    public static string Check(BenchmarkCase benchmarkCase, int length, int channels)
    {
        var benchmarks = (FusedBenchmarks)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        benchmarks.Length = length;
        benchmarks.Channels = channels;
        benchmarks.Inputs = Measurements.Inputs(benchmarkCase) is { Length: > 0 } inputs ? inputs : InputData.Bar;
        benchmarkCase.Descriptor.GlobalSetupMethod?.Invoke(benchmarks, null);
        try
        {
            benchmarkCase.Descriptor.WorkloadMethod.Invoke(benchmarks, null);
            benchmarks.Publish();
            FusedPeer peer = benchmarks.Current ?? throw new InvalidOperationException("the setup did not set a peer up");
            FusedBuffers b = benchmarks.Buffers ?? throw new InvalidOperationException("the setup made no buffers");
            if (b.Length != length || b.Y.Length != length || b.Channels != channels)
            {
                throw new InvalidOperationException($"buffers of {b.Length}/{b.Y.Length} elements in rows of {b.Channels} for {length} in rows of {channels}");
            }

            var tolerance = new Tolerance(peer.Label);
            for (int i = 0; i < length; i++)
            {
                float first = b.First[i], second = b.SecondAt(i);
                tolerance.Check($"x[{i}] = ({first:R}, {second:R})", b.Y[i], peer.Reference(first, second), Math.Max(1, Math.Abs(first)) * Math.Max(1, Math.Abs(second)));
            }

            return tolerance.Summary;
        }
        finally
        {
            benchmarkCase.Descriptor.GlobalCleanupMethod?.Invoke(benchmarks, null);
        }
    }

    /// <summary>Null when PyTorch's autograd can be checked here, otherwise why not (natives missing, or left out on purpose).</summary>
    public static string? WhyAutogradUnavailable() =>
        Array.Exists((Environment.GetEnvironmentVariable(ActivationTable<float>.SkipVariable) ?? string.Empty).Split(','),
            s => string.Equals(s.Trim(), nameof(PeerKind.TorchSharp), StringComparison.OrdinalIgnoreCase))
            ? $"left out by {ActivationTable<float>.SkipVariable}"
            : TorchSharpRuntime.WhyUnavailable();

    /// <summary>
    /// The gradient benchmarks' own kernels (<see cref="FusedGradientBenchmarks"/>), checked like PyTorch's autograd below:
    /// against the same hand-written derivatives. They need no PyTorch.
    /// </summary>
    public static IEnumerable<(string Name, Func<string> Check)> OurGradients()
    {
        foreach ((int rows, int channels) in SmokeCommand.FusedShapes)
        {
            yield return ($"OurFusedKernels.ScaleBackward[{rows}×{channels}]", () => CheckScale(rows, channels, ours: true));
            yield return ($"OurFusedKernels.SwiGluBackward[{rows}×{channels}]", () => CheckSwiGlu(rows, channels, ours: true));
        }
    }

    /// <summary>
    /// Every method of <see cref="FusedGradientBenchmarks"/> through its setup, once, at 64 rows of the benchmarks'
    /// channels: ours and PyTorch's input gradients (after a step) agree within the tolerance of the checks above.
    /// </summary>
    public static string CheckGradientBenchmarks(string kernel)
    {
        (float[] GradFirst, float[] GradSecond, float[] First, float[] Second, float[] GradOutput) Run(string method)
        {
            var benchmarks = new FusedGradientBenchmarks { Kernel = kernel, Length = 64 * FusedPeers.Channels, Inputs = InputData.Bar };
            typeof(FusedGradientBenchmarks).GetMethod(method.StartsWith("Ours", StringComparison.Ordinal) ? nameof(FusedGradientBenchmarks.SetupOurs) : nameof(FusedGradientBenchmarks.SetupTorchSharp))!.Invoke(benchmarks, null);
            try
            {
                typeof(FusedGradientBenchmarks).GetMethod(method)!.Invoke(benchmarks, null);
                var result = benchmarks.Gradients();
                return ([.. result.GradFirst], [.. result.GradSecond], result.First, result.Second, result.GradOutput);
            }
            finally
            {
                benchmarks.Cleanup();
            }
        }

        var ours = Run(nameof(FusedGradientBenchmarks.Ours));
        var step = Run(nameof(FusedGradientBenchmarks.OursStep));
        var tolerance = new Tolerance($"{kernel} gradients: ours against PyTorch's");
        var runs = new List<(float[] GradFirst, float[] GradSecond, float[] First, float[] Second, float[] GradOutput)> { step };
        if (WhyAutogradUnavailable() is null)
        {
            runs.Add(Run(nameof(FusedGradientBenchmarks.TorchSharpStep)));
            runs.Add(Run(nameof(FusedGradientBenchmarks.TorchSharpForward)));
        }

        foreach (var other in runs)
        {
            for (int i = 0; i < ours.GradFirst.Length; i++)
            {
                double scale = Math.Abs(ours.GradOutput[i]) * Math.Max(1, Math.Abs(ours.First[i])) * Math.Max(1, Math.Abs(ours.Second[i % ours.Second.Length]));
                tolerance.Check($"grad first[{i}]", other.GradFirst[i], ours.GradFirst[i], scale);
            }

            for (int i = 0; i < ours.GradSecond.Length; i++)
            {
                // A bias gradient is a sum over 64 rows: allow for the order of the additions.
                tolerance.Check($"grad second[{i}]", other.GradSecond[i], ours.GradSecond[i], 64, absolute: 1e-5);
            }
        }

        return tolerance.Summary + (runs.Count == 1 ? " (PyTorch unavailable: ours only)" : string.Empty);
    }

    /// <summary>The autograd checks: both formulas on every <see cref="SmokeCommand.FusedShapes"/> shape.</summary>
    public static IEnumerable<(string Name, Func<string> Check)> Autograd()
    {
        foreach ((int rows, int channels) in SmokeCommand.FusedShapes)
        {
            yield return ($"TorchSharpAutograd.Scale[{rows}×{channels}]", () => CheckScale(rows, channels));
            yield return ($"TorchSharpAutograd.SwiGlu[{rows}×{channels}]", () => CheckSwiGlu(rows, channels));
        }
    }

    /// <summary>
    /// <c>softplus(raw + bias, beta: 2) + 1e-6</c>: with z = raw + bias (in float, as PyTorch adds), d/draw = g·σ(2z) (g
    /// where 2z &gt; 20, PyTorch's threshold) and d/dbias[c] = Σ over rows of the same, checked to 1e-5 of Σ|terms|.
    /// Two steps: the second's gradients must not include the first's.
    /// </summary>
    private static string CheckScale(int rows, int channels, bool ours = false)
    {
        int length = rows * channels;
        float[] raw = InputData.Uniform<float>(length, -8, 8);
        float[] bias = InputData.Uniform<float>(channels, -1, 1, FusedPeers.SecondSeed);
        float[] g = InputData.Uniform<float>(length, -1, 1, GradientSeed);
        float[] y = new float[length], gradRaw = new float[length], gradBias = new float[channels];
        if (ours)
        {
            OurFusedKernels.Scale(raw, bias, y);
            OurFusedKernels.ScaleBackward(raw, bias, g, gradRaw, gradBias);
        }
        else
        {
            using TorchSharpAutograd<float> autograd = TorchSharpAutograd<float>.Scale(raw, bias, g);
            autograd.Step();
            autograd.Step();
            autograd.CopyOutput(y);
            autograd.CopyGradients(gradRaw, gradBias);
        }

        var tolerance = new Tolerance(ours ? "OurFusedKernels.ScaleBackward" : "PyTorch autograd of softplus(raw + bias, beta: 2) + 1e-6");
        double[] sum = new double[channels], magnitude = new double[channels];
        for (int i = 0; i < length; i++)
        {
            int c = i % channels;
            float z = raw[i] + bias[c];
            double slope = 2.0 * z > 20 ? 1 : FusedMath.Sigmoid(2.0 * z);
            double want = g[i] * slope;
            tolerance.Check($"y[{i}]", y[i], OurFusedKernels.Scale(raw[i], bias[c]), Math.Max(1, Math.Abs(z)));
            tolerance.Check($"grad raw[{i}]", gradRaw[i], want, Math.Abs(g[i]));
            sum[c] += want;
            magnitude[c] += Math.Abs(want);
        }

        for (int c = 0; c < channels; c++)
        {
            tolerance.Check($"grad bias[{c}] (sum of {rows})", gradBias[c], sum[c], (1e-5 * magnitude[c]) + 1e-6, absolute: 1);
        }

        return tolerance.Summary;
    }

    /// <summary>
    /// <c>silu(a) * b</c>: with s = σ(a), d/da = g·b·s·(1 + a(1 − s)) and d/db = g·a·s. Two steps, as <see cref="CheckScale"/>.
    /// </summary>
    private static string CheckSwiGlu(int rows, int channels, bool ours = false)
    {
        int length = rows * channels;
        float[] a = InputData.Uniform<float>(length, -8, 8);
        float[] b = InputData.Uniform<float>(length, -8, 8, FusedPeers.SecondSeed);
        float[] g = InputData.Uniform<float>(length, -1, 1, GradientSeed);
        float[] y = new float[length], gradA = new float[length], gradB = new float[length];
        if (ours)
        {
            OurFusedKernels.SwiGlu(a, b, y);
            OurFusedKernels.SwiGluBackward(a, b, g, gradA, gradB);
        }
        else
        {
            using TorchSharpAutograd<float> autograd = TorchSharpAutograd<float>.SwiGlu(a, b, g);
            autograd.Step();
            autograd.Step();
            autograd.CopyOutput(y);
            autograd.CopyGradients(gradA, gradB);
        }

        var tolerance = new Tolerance(ours ? "OurFusedKernels.SwiGluBackward" : "PyTorch autograd of silu(a) * b");
        for (int i = 0; i < length; i++)
        {
            double s = FusedMath.Sigmoid((double)a[i]);
            double scale = Math.Abs(g[i]) * Math.Max(1, Math.Abs(a[i]));
            tolerance.Check($"y[{i}]", y[i], OurFusedKernels.SwiGlu(a[i], b[i]), Math.Max(1, Math.Abs(a[i])) * Math.Max(1, Math.Abs(b[i])));
            tolerance.Check($"grad a[{i}]", gradA[i], g[i] * b[i] * s * (1 + (a[i] * (1 - s))), scale * Math.Max(1, Math.Abs(b[i])));
            tolerance.Check($"grad b[{i}]", gradB[i], g[i] * a[i] * s, scale);
        }

        return tolerance.Summary;
    }

    /// <summary>
    /// |got − want| ≤ 1e-5·|want| + 1e-6·scale (or, with <c>absolute</c> given, + absolute·scale), got finite; keeps the
    /// largest error scaled by |want| + 1e-6.
    /// </summary>
    private sealed class Tolerance(string label)
    {
        private double _worst;

        public string Summary => string.Create(CultureInfo.InvariantCulture, $"max scaled error {_worst:G3} ({label})");

        public void Check(string what, float got, double want, double scale, double absolute = 1e-6)
        {
            double error = Math.Abs(got - want);
            if (!float.IsFinite(got) || error > (1e-5 * Math.Abs(want)) + (absolute * scale))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{what}: got {got:R}, expected {want:R} ({label})"));
            }

            _worst = Math.Max(_worst, error / (Math.Abs(want) + 1e-6));
        }
    }
}
