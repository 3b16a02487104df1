using System;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Kernels.Tests.Fused;

/// <summary>
/// Gradient kernels on this run's path: against the exact derivative of the same formula (its plain arithmetic rounded
/// as C# rounds it, the derivative computed in double-double), and broadcast gradients against the exact sums of those
/// exact terms. Bounds: 2 ULP per element; near a derivative's zero crossing an ULP of the result is meaningless, so
/// there the error is measured against the scale of the terms (2 ULP of max |term| over the neighbourhood, see
/// <see cref="Within"/>). A sum over rows carries its terms' errors (at most 2 ULP each, relative to each term): its bound
/// is 2 ULP of the sum of |terms| plus the final rounding.
/// </summary>
public sealed class FusedGradientTests
{
    private static int Samples => Math.Min(TestEnvironment.RandomSamples, 200_000);

    /// <summary>Whether <paramref name="result"/> is within 2 ULP of <paramref name="exact"/>, or of the scale <paramref name="scale"/> where the result is much smaller.</summary>
    private static bool Within(float result, double exact, double scale) =>
        Ulp.Distance(result, exact) <= 2 || Math.Abs(result - exact) <= 2 * Ulp.OfFloat(scale);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(1000)]
    public void ScaleBackwardIsTheExactDerivativeAndItsRowSums(int channels)
    {
        int rows = Math.Max(1, Samples / 4 / channels);
        float[] raw = RandomValues.Floats(channels, channels * rows, -30, 30);
        float[] bias = RandomValues.Floats(channels + 1, channels, -3, 3);
        float[] gradOutput = RandomValues.Floats(channels + 2, raw.Length, -1, 1);
        float[] gradRaw = new float[raw.Length];
        float[] gradBias = new float[channels];
        FusedKernels.ScaleBackward(raw, bias, gradOutput, gradRaw, gradBias);

        var sums = new DoubleDouble[channels];
        double[] magnitudes = new double[channels];
        for (int i = 0; i < raw.Length; i++)
        {
            // d/draw softplus(raw + bias, 2) = sigmoid(2t), t = fl(raw + bias); 1 where fl(2t) > 20 (PyTorch's threshold rule).
            float t = raw[i] + bias[i % channels];
            DoubleDouble derivative = 2 * t > 20 ? DoubleDouble.One : Reference.Sigmoid(2.0 * t);
            DoubleDouble term = derivative * (double)gradOutput[i];
            double exact = term.Hi + term.Lo;
            Assert.True(Within(gradRaw[i], exact, Math.Abs(gradOutput[i])), $"gradRaw at raw = {raw[i]:R}, t = {t:R}: {gradRaw[i]:R}, exact {exact:R}");
            sums[i % channels] += term;
            magnitudes[i % channels] += Math.Abs(exact);
        }

        for (int c = 0; c < channels; c++)
        {
            double exact = sums[c].Hi + sums[c].Lo;
            double bound = 2 * Ulp.OfFloat(magnitudes[c]) + Ulp.OfFloat(exact);
            Assert.True(Math.Abs(gradBias[c] - exact) <= bound, $"gradBias[{c}] = {gradBias[c]:R}, exact {exact:R}, bound {bound:R}");
        }
    }

    [Fact]
    public void SwiGluBackwardIsTheExactDerivative()
    {
        float[] a = RandomValues.Floats(21, Samples, -12, 12);
        float[] b = RandomValues.Floats(22, Samples, -4, 4);
        float[] g = RandomValues.Floats(23, Samples, -1, 1);
        float[] gradA = new float[a.Length];
        float[] gradB = new float[a.Length];
        FusedKernels.SwiGluBackward(a, b, g, gradA, gradB);
        for (int i = 0; i < a.Length; i++)
        {
            // d/da silu(a) b = b s (1 + a (1 - s)), s = sigmoid(a); d/db = silu(a).
            DoubleDouble s = Reference.Sigmoid((double)a[i]);
            DoubleDouble derivative = s * (1.0 + (double)a[i] * (1.0 - s));
            DoubleDouble da = derivative * (double)b[i] * (double)g[i];
            DoubleDouble db = Reference.Silu((double)a[i], 1.0) * (double)g[i];
            // silu' crosses zero near a = -1.2785: there the scale is that of |b g| s.
            Assert.True(Within(gradA[i], da.Hi + da.Lo, Math.Abs(b[i] * g[i]) * (s.Hi + 1e-30)), $"gradA at a = {a[i]:R}, b = {b[i]:R}: {gradA[i]:R}, exact {da.Hi + da.Lo:R}");
            Assert.True(Ulp.Distance(gradB[i], db.Hi + db.Lo) <= 2, $"gradB at a = {a[i]:R}: {gradB[i]:R}, exact {db.Hi + db.Lo:R}");
        }
    }

    [Fact]
    public void DoubleBiasGeluBackwardIsTheExactDerivative()
    {
        var random = new Random(31);
        int channels = 24;
        double[] x = new double[channels * Math.Max(1, Samples / 8 / channels)];
        double[] bias = new double[channels];
        double[] g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = RandomValues.Double(random, -12, 12);
            g[i] = RandomValues.Double(random, -1, 1);
        }

        for (int c = 0; c < channels; c++)
        {
            bias[c] = RandomValues.Double(random, -1, 1);
        }

        double[] gradX = new double[x.Length];
        double[] gradBias = new double[channels];
        FusedKernels.BiasGeluDoubleBackward(x, bias, g, gradX, gradBias);
        for (int i = 0; i < x.Length; i++)
        {
            // gelu'(t) = Phi(t) + t phi(t), t = fl(x + bias).
            double t = x[i] + bias[i % channels];
            DoubleDouble phi = Reference.NormalDensity(t);
            DoubleDouble derivative = Reference.NormalCdf(t) + phi * t;
            DoubleDouble term = derivative * g[i];
            double exact = term.Hi + term.Lo;
            // gelu' = Phi(t) + t phi(t) cancels around its zero at t = -0.7518 (from t = -2.4 to 0 a third or more of
            // the terms' magnitude cancels): the error is measured against |g| (Phi(t) + |t| phi(t)), the terms' scale.
            double scale = Math.Abs(g[i]) * (Reference.NormalCdf(t).Hi + Math.Abs(t) * phi.Hi);
            Assert.True(Ulp.Distance(gradX[i], term) <= 2 || Math.Abs(gradX[i] - exact) <= 2 * Ulp.OfDouble(scale), $"gradX at t = {t:R}: {gradX[i]:R}, exact {exact:R}");
        }
    }

    [Fact]
    public void TheReadmesGateAndItsGradientMatchTheirFormulas()
    {
        const float temperature = 0.7f;
        float[] x = RandomValues.Floats(41, 4096, -4, 4);
        float[] g = RandomValues.Floats(42, 4096, -6, 6);
        float[] gradGated = RandomValues.Floats(43, 4096, -1, 1);
        float[] gradLog = RandomValues.Floats(44, 4096, -1, 1);
        float[] gated = new float[x.Length];
        float[] logGate = new float[x.Length];
        float[] gradX = new float[x.Length];
        float[] gradG = new float[x.Length];
        FusedKernels.Gate(x, g, temperature, gated, logGate);
        FusedKernels.GateBackward(x, g, temperature, gradGated, gradLog, gradX, gradG);
        for (int i = 0; i < x.Length; i++)
        {
            // Forward: the scalar formula with the library's functions, within their bounds (a few roundings apart).
            (float yGated, float yLog) = FusedKernels.Gate(x[i], g[i], temperature);
            Assert.True(Ulp.Distance(gated[i], yGated) <= 2, $"gated at x = {x[i]:R}, g = {g[i]:R}: {gated[i]:R} vs {yGated:R}");
            Assert.True(Ulp.Distance(logGate[i], yLog) <= 2, $"log gate at g = {g[i]:R}: {logGate[i]:R} vs {yLog:R}");

            // Gradient, in double from the same rounded intermediates: d/dx = gradGated s; d/dg = s (1 - s) / T
            // (gradGated x + gradLog / (s + 1e-4)), s = sigmoid(fl(g / T)).
            float u = g[i] / temperature;
            double s = Reference.Sigmoid((double)u).Hi;
            double sigmoidPrime = Reference.Sigmoid((double)u).Hi * Reference.Sigmoid(-(double)u).Hi;
            double dx = gradGated[i] * s;
            double dg = sigmoidPrime / temperature * (gradGated[i] * x[i] + gradLog[i] / ((float)s + 1e-4f));
            double scale = sigmoidPrime / temperature * (Math.Abs(gradGated[i] * x[i]) + Math.Abs(gradLog[i] / ((float)s + 1e-4f)));
            Assert.True(Within(gradX[i], dx, Math.Abs(gradGated[i])), $"gradX at g = {g[i]:R}: {gradX[i]:R}, exact {dx:R}");
            Assert.True(Ulp.Distance(gradG[i], dg) <= 4 || Math.Abs(gradG[i] - dg) <= 4 * Ulp.OfFloat(scale), $"gradG at x = {x[i]:R}, g = {g[i]:R}: {gradG[i]:R}, exact {dg:R}");
        }
    }
}
