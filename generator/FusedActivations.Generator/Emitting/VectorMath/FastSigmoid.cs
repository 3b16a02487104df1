using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// sigmoid(z) in the element type for the Fast kernels, as <c>(Num / Den) Sc</c>: with t = e^-|z| (<see cref="FastExp"/>),
/// Num = (z &lt; 0 ? t : 1), Den = 1 + t. Where |z| is beyond <see cref="FastLimits.Deep"/> (64 for float), t is kept at
/// scale 2^<see cref="FastExp.Offset"/> (1 + t is 1 there), and for z below it the scale comes off last (Sc), so subnormal
/// results round once and no operand is ever subnormal. About 2 ULP: t's error and two roundings.
/// </summary>
internal static class FastSigmoid
{
    internal sealed record Parts(Value Num, Value Den, Value Sc);

    /// <param name="b">The formula.</param>
    /// <param name="z">The argument.</param>
    /// <param name="zl">Its rounding error (the exact argument is z + zl), or null when z is exact.</param>
    public static Parts Of(FormulaBuilder b, Value z, Value? zl)
    {
        FastLimits limits = FastLimits.For(b.Element.Type);
        b.Comment("sigmoid(z) = (z < 0 ? t : 1) / (1 + t), t = e^-|z|, never overflows.");
        Value a = b.Let("a", b.Max(b.NegativeAbs(z), b.Lit(limits.Floor)), "-|z|, raised to the floor");
        Value? al = zl is null ? null : b.Let("al", b.NegateWhereNonNegative(zl, z), "a + al = -|z + zl|");
        FastExp.Parts e = FastExp.Reduce(b, a, al, FastExp.Offset);
        Value s = FastExp.Scale(b, e);
        (Value near, Value t, _) = FastExp.KeepTailScaled(b, e, s, a, "|z|", "t is normal, and 1 + t needs it");
        Value num = b.SelectLessThan(z, b.Lit(0), t, b.Lit(1));
        Value den = b.Add(b.Lit(1), b.Where(near, t));
        Value sc = b.SelectLessThan(z, b.Lit(limits.Deep), b.C("FastScaleDown"), b.Lit(1));
        return new Parts(b.Let("num", num), b.Let("den", den), b.Let("sc", sc));
    }
}
