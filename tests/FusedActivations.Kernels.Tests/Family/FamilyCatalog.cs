using System;
using FusedActivations.TestSupport;

namespace FusedActivations.Kernels.Tests.Family;

/// <summary>A family kernel under test: its span and scalar forms and its double-double reference.</summary>
public sealed record FamilyCase<T>(string Name, SpanKernel<T> Run, Func<T, T> Scalar, Func<T, double> ReferenceOfFloat, Func<T, DoubleDouble> ReferenceOfDouble)
{
    public override string ToString() => Name;
}

/// <summary>Every family kernel, by name, for theories.</summary>
public static class FamilyCatalog
{
    public static readonly FamilyCase<float>[] Floats =
    {
        new("Sigmoid", FamilyKernels.SigmoidFloat, FamilyKernels.SigmoidFloatScalar, x => Reference.Sigmoid(x), _ => throw new NotSupportedException()),
        new("Tanh", FamilyKernels.TanhFloat, FamilyKernels.TanhFloatScalar, x => Reference.Tanh(x), _ => throw new NotSupportedException()),
        new("Silu", FamilyKernels.SiluFloat, FamilyKernels.SiluFloatScalar, x => Reference.Silu(x), _ => throw new NotSupportedException()),
        new("SiluBeta1_7", FamilyKernels.SiluBeta1_7Float, FamilyKernels.SiluBeta1_7FloatScalar, x => Reference.Silu(x, 1.7f), _ => throw new NotSupportedException()),
        new("Mish", FamilyKernels.MishFloat, FamilyKernels.MishFloatScalar, x => Reference.Mish(x), _ => throw new NotSupportedException()),
        new("Elu", FamilyKernels.EluFloat, FamilyKernels.EluFloatScalar, x => Reference.Elu(x), _ => throw new NotSupportedException()),
        new("EluAlpha0_3", FamilyKernels.EluAlpha0_3Float, FamilyKernels.EluAlpha0_3FloatScalar, x => Reference.Elu(x, 0.3f), _ => throw new NotSupportedException()),
        new("Selu", FamilyKernels.SeluFloat, FamilyKernels.SeluFloatScalar, x => Reference.Selu(x), _ => throw new NotSupportedException()),
        new("LogSigmoid", FamilyKernels.LogSigmoidFloat, FamilyKernels.LogSigmoidFloatScalar, x => Reference.LogSigmoid(x), _ => throw new NotSupportedException()),
        new("Relu", FamilyKernels.ReluFloat, FamilyKernels.ReluFloatScalar, x => Reference.Relu(x), _ => throw new NotSupportedException()),
        new("LeakyRelu", FamilyKernels.LeakyReluFloat, FamilyKernels.LeakyReluFloatScalar, x => Reference.LeakyRelu(x, 0.01f), _ => throw new NotSupportedException()),
        new("LeakyReluMinus0_2", FamilyKernels.LeakyReluMinus0_2Float, FamilyKernels.LeakyReluMinus0_2FloatScalar, x => Reference.LeakyRelu(x, -0.2f), _ => throw new NotSupportedException()),
        new("LeakyReluZero", FamilyKernels.LeakyReluZeroFloat, FamilyKernels.LeakyReluZeroFloatScalar, x => Reference.LeakyRelu(x, 0f), _ => throw new NotSupportedException()),
        new("HardSwish", FamilyKernels.HardSwishFloat, FamilyKernels.HardSwishFloatScalar, x => Reference.HardSwish(x), _ => throw new NotSupportedException()),
        new("InverseSoftplus", FamilyKernels.InverseSoftplusFloat, FamilyKernels.InverseSoftplusFloatScalar, x => Reference.InverseSoftplus(x), _ => throw new NotSupportedException()),
        new("InverseSoftplusBeta1_7", FamilyKernels.InverseSoftplusBeta1_7Float, FamilyKernels.InverseSoftplusBeta1_7FloatScalar, x => Reference.InverseSoftplus(x, 1.7f), _ => throw new NotSupportedException()),
        new("Gelu", FamilyKernels.GeluFloat, FamilyKernels.GeluFloatScalar, x => Reference.Gelu(x), _ => throw new NotSupportedException()),
        new("GeluTanh", FamilyKernels.GeluTanhFloat, FamilyKernels.GeluTanhFloatScalar, x => Reference.GeluTanh(x), _ => throw new NotSupportedException()),
    };

    public static readonly FamilyCase<double>[] Doubles =
    {
        new("Sigmoid", FamilyKernels.SigmoidDouble, FamilyKernels.SigmoidDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Sigmoid(x)),
        new("Tanh", FamilyKernels.TanhDouble, FamilyKernels.TanhDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Tanh(x)),
        new("Silu", FamilyKernels.SiluDouble, FamilyKernels.SiluDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Silu(x)),
        new("SiluBeta1_7", FamilyKernels.SiluBeta1_7Double, FamilyKernels.SiluBeta1_7DoubleScalar, _ => throw new NotSupportedException(), x => Reference.Silu(x, 1.7)),
        new("Mish", FamilyKernels.MishDouble, FamilyKernels.MishDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Mish(x)),
        new("Elu", FamilyKernels.EluDouble, FamilyKernels.EluDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Elu(x)),
        new("EluAlpha0_3", FamilyKernels.EluAlpha0_3Double, FamilyKernels.EluAlpha0_3DoubleScalar, _ => throw new NotSupportedException(), x => Reference.Elu(x, 0.3)),
        new("Selu", FamilyKernels.SeluDouble, FamilyKernels.SeluDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Selu(x)),
        new("LogSigmoid", FamilyKernels.LogSigmoidDouble, FamilyKernels.LogSigmoidDoubleScalar, _ => throw new NotSupportedException(), x => Reference.LogSigmoid(x)),
        new("Relu", FamilyKernels.ReluDouble, FamilyKernels.ReluDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Relu(x)),
        new("LeakyRelu", FamilyKernels.LeakyReluDouble, FamilyKernels.LeakyReluDoubleScalar, _ => throw new NotSupportedException(), x => Reference.LeakyRelu(x, 0.01)),
        new("LeakyReluMinus0_2", FamilyKernels.LeakyReluMinus0_2Double, FamilyKernels.LeakyReluMinus0_2DoubleScalar, _ => throw new NotSupportedException(), x => Reference.LeakyRelu(x, -0.2)),
        new("LeakyReluZero", FamilyKernels.LeakyReluZeroDouble, FamilyKernels.LeakyReluZeroDoubleScalar, _ => throw new NotSupportedException(), x => Reference.LeakyRelu(x, 0.0)),
        new("HardSwish", FamilyKernels.HardSwishDouble, FamilyKernels.HardSwishDoubleScalar, _ => throw new NotSupportedException(), x => Reference.HardSwish(x)),
        new("InverseSoftplus", FamilyKernels.InverseSoftplusDouble, FamilyKernels.InverseSoftplusDoubleScalar, _ => throw new NotSupportedException(), x => Reference.InverseSoftplus(x)),
        new("InverseSoftplusBeta1_7", FamilyKernels.InverseSoftplusBeta1_7Double, FamilyKernels.InverseSoftplusBeta1_7DoubleScalar, _ => throw new NotSupportedException(), x => Reference.InverseSoftplus(x, 1.7)),
        new("Gelu", FamilyKernels.GeluDouble, FamilyKernels.GeluDoubleScalar, _ => throw new NotSupportedException(), x => Reference.Gelu(x)),
        new("GeluTanh", FamilyKernels.GeluTanhDouble, FamilyKernels.GeluTanhDoubleScalar, _ => throw new NotSupportedException(), x => Reference.GeluTanh(x)),
    };

    public static System.Collections.Generic.IEnumerable<object[]> Names => System.Linq.Enumerable.Select(Floats, c => new object[] { c.Name });

    public static FamilyCase<float> Float(string name) => System.Linq.Enumerable.Single(Floats, c => c.Name == name);

    public static FamilyCase<double> Double(string name) => System.Linq.Enumerable.Single(Doubles, c => c.Name == name);
}
