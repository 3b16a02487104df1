using System;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Runtime.Tests;

/// <summary>
/// The documented special values of the new activations (the sweeps would catch most of them, but treat ±0 as equal
/// and say less clearly what went wrong), and the limits where PyTorch's formulas give NaN.
/// </summary>
public sealed class ActivationSpecialValueTests
{
    private static void AssertBitwise(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));

    private static void AssertBitwise(float expected, float actual) =>
        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));

    [Fact]
    public void TanhSpecialValues()
    {
        AssertBitwise(1.0, FusedMath.Tanh(double.PositiveInfinity));
        AssertBitwise(-1.0, FusedMath.Tanh(double.NegativeInfinity));
        AssertBitwise(-0.0, FusedMath.Tanh(-0.0));
        AssertBitwise(0.0, FusedMath.Tanh(0.0));
        AssertBitwise(-double.Epsilon, FusedMath.Tanh(-double.Epsilon));
        AssertBitwise(1.0, FusedMath.Tanh(19.1));
        Assert.True(double.IsNaN(FusedMath.Tanh(double.NaN)));
        AssertBitwise(-1f, FusedMath.Tanh(float.NegativeInfinity));
        AssertBitwise(-0f, FusedMath.Tanh(-0f));
        AssertBitwise(float.Epsilon, FusedMath.Tanh(float.Epsilon));
    }

    [Fact]
    public void SiluSpecialValuesAndLimits()
    {
        AssertBitwise(double.PositiveInfinity, FusedMath.Silu(double.PositiveInfinity));
        // The limit x sigmoid(x) -> -0 as x -> -infinity; PyTorch's x / (1 + exp(-x)) is -inf / inf = NaN there.
        AssertBitwise(-0.0, FusedMath.Silu(double.NegativeInfinity));
        AssertBitwise(-0.0, FusedMath.Silu(double.NegativeInfinity, 0.25));
        AssertBitwise(-0.0, FusedMath.Silu(-0.0));
        AssertBitwise(-0.0, FusedMath.Silu(-double.MaxValue));
        AssertBitwise(double.MaxValue, FusedMath.Silu(double.MaxValue));
        Assert.True(double.IsNaN(FusedMath.Silu(double.NaN, 2.0)));
        AssertBitwise(-0f, FusedMath.Silu(float.NegativeInfinity));
        AssertBitwise(float.PositiveInfinity, FusedMath.Silu(float.PositiveInfinity, 3f));
        // Subnormal results are computed, not flushed: silu(-100) = -100 e^-100 (1 - e^-100) is about -3.7e-42.
        float tiny = FusedMath.Silu(-100f);
        Assert.True(tiny < 0 && !float.IsNormal(tiny) && tiny != 0, tiny.ToString("R"));
        Assert.True(FusedMath.Silu(-720.0) < 0 && !double.IsNormal(FusedMath.Silu(-720.0)));
    }

    [Fact]
    public void MishSpecialValuesAndLimits()
    {
        AssertBitwise(double.PositiveInfinity, FusedMath.Mish(double.PositiveInfinity));
        AssertBitwise(-0.0, FusedMath.Mish(double.NegativeInfinity)); // PyTorch: -inf * tanh(0) = NaN
        AssertBitwise(-0.0, FusedMath.Mish(-0.0));
        AssertBitwise(50.0, FusedMath.Mish(50.0));
        Assert.True(double.IsNaN(FusedMath.Mish(double.NaN)));
        AssertBitwise(-0f, FusedMath.Mish(float.NegativeInfinity));
        float tiny = FusedMath.Mish(-100f);
        Assert.True(tiny < 0 && !float.IsNormal(tiny), tiny.ToString("R"));
    }

    [Fact]
    public void EluAndSeluSpecialValues()
    {
        AssertBitwise(-1.0, FusedMath.Elu(double.NegativeInfinity));
        AssertBitwise(-2.5, FusedMath.Elu(double.NegativeInfinity, 2.5));
        AssertBitwise(double.PositiveInfinity, FusedMath.Elu(double.PositiveInfinity, 2.5));
        AssertBitwise(-0.0, FusedMath.Elu(-0.0));
        AssertBitwise(0.0, FusedMath.Elu(0.0));
        Assert.True(double.IsNaN(FusedMath.Elu(double.NaN)));
        AssertBitwise(-0f, FusedMath.Elu(-0f, 3f));
        AssertBitwise(-3f, FusedMath.Elu(float.NegativeInfinity, 3f));

        AssertBitwise(-Reference.SeluNegativeCoefficient, FusedMath.Selu(double.NegativeInfinity));
        AssertBitwise(-Reference.SeluNegativeCoefficientFloat, FusedMath.Selu(float.NegativeInfinity));
        AssertBitwise(Reference.SeluScale, FusedMath.Selu(1.0));
        AssertBitwise(Reference.SeluScaleFloat, FusedMath.Selu(1f));
        AssertBitwise(double.PositiveInfinity, FusedMath.Selu(double.PositiveInfinity));
        AssertBitwise(-0.0, FusedMath.Selu(-0.0));
        Assert.True(double.IsNaN(FusedMath.Selu(double.NaN)));
        Assert.True(float.IsNaN(FusedMath.Selu(float.NaN)));
    }

    [Fact]
    public void SeluSaturatesAtPyTorchsFoldedConstant()
    {
        // -infinity exposes the folded negative coefficient itself. Literals from Python:
        // struct.unpack('f', struct.pack('f', a32 * s32)) and float(alpha) * float(scale), with a32, s32 the float-rounded constants.
        AssertBitwise(-1.7580993175506592f, FusedMath.Selu(float.NegativeInfinity));
        AssertBitwise(-1.7580993408473766, FusedMath.Selu(double.NegativeInfinity));
    }

    [Fact]
    public void ReluSpecialValues()
    {
        AssertBitwise(0.0, FusedMath.Relu(-0.0));
        AssertBitwise(0.0, FusedMath.Relu(double.NegativeInfinity));
        AssertBitwise(double.Epsilon, FusedMath.Relu(double.Epsilon));
        AssertBitwise(double.PositiveInfinity, FusedMath.Relu(double.PositiveInfinity));
        Assert.True(double.IsNaN(FusedMath.Relu(double.NaN)));
        AssertBitwise(0f, FusedMath.Relu(-0f));
        AssertBitwise(0f, FusedMath.Relu(-float.Epsilon));
        Assert.True(float.IsNaN(FusedMath.Relu(float.NaN)));
    }

    [Fact]
    public void LeakyReluSpecialValues()
    {
        AssertBitwise(-0.01, FusedMath.LeakyRelu(-1.0));
        AssertBitwise(-0.01f, FusedMath.LeakyRelu(-1f));
        AssertBitwise(double.NegativeInfinity, FusedMath.LeakyRelu(double.NegativeInfinity));
        AssertBitwise(double.PositiveInfinity, FusedMath.LeakyRelu(double.NegativeInfinity, -2.0));
        // A zero slope: 0 on all of x <= 0, so the limit at -infinity is 0 (PyTorch: 0 * -inf = NaN).
        AssertBitwise(-0.0, FusedMath.LeakyRelu(double.NegativeInfinity, 0.0));
        AssertBitwise(-0f, FusedMath.LeakyRelu(float.NegativeInfinity, 0f));
        AssertBitwise(-0.0, FusedMath.LeakyRelu(-0.0));
        Assert.True(double.IsNaN(FusedMath.LeakyRelu(double.NaN, 0.0)));
        Assert.True(float.IsNaN(FusedMath.LeakyRelu(float.NaN)));
    }

    [Fact]
    public void HardSwishSpecialValues()
    {
        AssertBitwise(-0.0, FusedMath.HardSwish(double.NegativeInfinity)); // PyTorch: -inf * 0 = NaN
        AssertBitwise(-0.0, FusedMath.HardSwish(-3.0));
        AssertBitwise(3.0, FusedMath.HardSwish(3.0));
        AssertBitwise(double.PositiveInfinity, FusedMath.HardSwish(double.PositiveInfinity));
        AssertBitwise(-1.0 / 3.0, FusedMath.HardSwish(-1.0));
        AssertBitwise(double.Epsilon, FusedMath.HardSwish(2 * double.Epsilon)); // eps (3 + 2 eps) / 6 rounds to eps
        Assert.True(double.IsNaN(FusedMath.HardSwish(double.NaN)));
        AssertBitwise(-0f, FusedMath.HardSwish(float.NegativeInfinity));
        AssertBitwise(2f / 3f, FusedMath.HardSwish(1f));
    }
}
