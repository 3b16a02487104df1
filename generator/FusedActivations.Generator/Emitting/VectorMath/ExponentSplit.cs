using System;
using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// u = m 2^e for a positive normal u, with m in [sqrt(1/2), sqrt(2)] and e an integer held in the element type, by bit
/// operations only (no table, no integer-to-float conversion, which AVX2 lacks for 64-bit lanes): every path can take a
/// logarithm of any magnitude with it, as <c>e ln2 + log1p(m - 1)</c>, and m - 1 is exact.
/// </summary>
internal static class ExponentSplit
{
    /// <summary>The significand in [sqrt(1/2), sqrt(2)] and the exponent, an exact integer, of u = M 2^E.</summary>
    internal sealed record Parts(Value M, Value E);

    public static Parts Split(FormulaBuilder b, Value u)
    {
        ElementInfo t = b.Element;
        double magic = Math.Pow(2, t.MantissaBits);
        double mantissaMask = t.Type == Model.ElementType.Single
            ? BitConverter.ToSingle(BitConverter.GetBytes((1 << t.MantissaBits) - 1), 0)
            : BitConverter.Int64BitsToDouble((1L << t.MantissaBits) - 1);
        b.Const("ExponentMagic", magic, $"2^{t.MantissaBits}: OR-ed with a biased exponent moved to the low bits, it gives 2^{t.MantissaBits} + that exponent.");
        b.Const("MantissaMask", mantissaMask, "The mantissa field's bits (a subnormal number): AND keeps a value's mantissa.");
        b.Const("SplitSqrt2", Math.Sqrt(2), "sqrt(2): significands above it are halved, so that log1p's argument m - 1 stays in [sqrt(1/2) - 1, sqrt(2) - 1].");

        b.Comment("u = m 2^e: the exponent field shifted down and OR-ed into 2^p's mantissa, the mantissa OR-ed with 1's exponent.");
        Value biased = b.Let("eb", b.BitOr(b.ShiftRightLogical(u, t.MantissaBits), b.C("ExponentMagic")), "2^p + biased exponent, exact");
        Value m1 = b.Let("m1", b.BitOr(b.BitAnd(u, b.C("MantissaMask")), b.Lit(1)), "m in [1, 2)");
        Value upper = b.Let("mUpper", b.GreaterThan(m1, b.C("SplitSqrt2")));
        Value m = b.Let("m", b.Select(upper, b.Mul(m1, b.Lit(0.5)), m1), "m in [sqrt(1/2), sqrt(2)]");
        Value e = b.Let("e", b.Sub(biased, b.Select(upper, b.Lit(magic + t.ExponentBias - 1), b.Lit(magic + t.ExponentBias))), "the exponent, exact");
        return new Parts(m, e);
    }
}
