using System;

namespace FusedActivations;

/// <summary>
/// Accurate scalar math for activation functions: <c>log1p</c>, <c>expm1</c>, <c>logaddexp</c>, and the activations
/// with PyTorch's semantics (Softplus and its inverse, Sigmoid, LogSigmoid, Tanh, SiLU, Mish, ELU, SELU, ReLU,
/// Leaky ReLU, Hard Swish), in <see cref="float"/> and <see cref="double"/>.
/// </summary>
/// <remarks>
/// <para>
/// The <see cref="float"/> overloads evaluate in <see cref="double"/> and round once, so they are correctly rounded
/// except in the rare cases where the double result lies within a few double ULPs of a midpoint between two floats
/// (at most 0.5 float ULP plus about 2^-28 ULP). The <see cref="double"/> overloads use their own fdlibm-style
/// algorithms (Cody–Waite argument reduction with a two-part ln 2, compensated <c>1 + x</c>) and are within about one
/// ULP; each member documents its measured bound.
/// </para>
/// <para>
/// Nothing here is built on .NET's <c>double.LogP1</c>, <c>double.ExpM1</c> or <c>TensorPrimitives</c>, which compute
/// <c>Log(x + 1)</c> and <c>Exp(x) - 1</c> and lose all precision for small <c>x</c>. Every member is allocation-free
/// and safe for trimming and native AOT.
/// </para>
/// </remarks>
public static partial class FusedMath
{
    /// <summary>PyTorch's default Softplus sharpness.</summary>
    internal const double DefaultBeta = 1.0;

    /// <summary>PyTorch's default Softplus linear cut-off on <c>beta * x</c>.</summary>
    internal const double DefaultThreshold = 20.0;

    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^21 (Ln2Hi has 21 trailing zero bits): the Cody–Waite pair
    // of fdlibm. Ln2Hi + Ln2Lo equals ln 2 to about 2^-86.
    internal const double Ln2Hi = 6.93147180369123816490e-01; // 0x3FE62E42_FEE00000
    internal const double Ln2Lo = 1.90821492927058770002e-10; // 0x3DEA39EF_35793C76
    internal const double Ln2 = 0.69314718055994530942;
    internal const double InvLn2 = 1.44269504088896338700e+00;

    /// <summary>The upper 32 bits of the IEEE 754 encoding, as fdlibm's <c>__HI</c>.</summary>
    private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    /// <summary>Replaces the upper 32 bits of the encoding and keeps the lower ones, as fdlibm's <c>SET_HIGH_WORD</c>.</summary>
    private static double WithHighWord(double x, int high) =>
        BitConverter.Int64BitsToDouble(((long)high << 32) | (BitConverter.DoubleToInt64Bits(x) & 0xFFFFFFFFL));
}
