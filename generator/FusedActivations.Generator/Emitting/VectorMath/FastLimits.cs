using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// Where the Fast formulas clamp and switch, per element type: every bound keeps the scaled intermediates normal and
/// lies where the result has already rounded to its limit.
/// </summary>
/// <param name="Floor">-|z| is raised to this: e^Floor (times any factor up to 2^13) is below half the smallest subnormal, and 2^(k + <see cref="FastExp.Offset"/>) stays normal.</param>
/// <param name="Deep">Below this exponent, e^a is kept at scale 2^Offset (it may be subnormal), and 1 + e^a is 1.</param>
/// <param name="ExpM1Floor">expm1 and tanh arguments are raised to this: below it expm1 rounds to -1 and tanh to ±1.</param>
/// <param name="TinyKFloor">The smallest k whose e^a the tiny-argument series of log1p reads (below, its t^2 term is far below an ULP).</param>
internal sealed record FastLimits(double Floor, double Deep, double ExpM1Floor, int TinyKFloor)
{
    public static readonly FastLimits Single = new(-125, -64, -20, -40);

    public static readonly FastLimits Double = new(-760, -700, -40, -80);

    public static FastLimits For(ElementType type) => type == ElementType.Single ? Single : Double;
}
