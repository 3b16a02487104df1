using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// The upper normal tail <c>Q(t) = erfc(t / sqrt 2) / 2</c> in double for the widened float kernels, t in [0, 15]:
/// <c>exp(-t^2/2) P(t) / D(t)</c>, one rational function for the whole range (<see cref="NormalTailRational"/>), so
/// every lane runs the same short sequence with no pieces to select and no table: the same operations on every path.
/// Relative error below 2^-31.4: <see cref="WideExp"/>'s 2^-32, the fit's 2^-33.4, the rounding of t^2 (at most 2^-46
/// relative in exp(-t^2/2) for t &lt;= 15) and a few roundings of 2^-53 (all coefficients of P and D are positive); far
/// below float's 2^-24, so a float result computed from it and rounded once stays within 0.5 + 2^-7 ULP (measured on all
/// 2^32 floats: 0.5044). The pieces of the double kernels (<see cref="CompensatedNormalTail"/>) aim at 2^-54 instead.
/// </summary>
internal static class WideNormalTail
{
    /// <summary>
    /// Q(-u) for u in [-15, 0] (the caller clamps; 15 Q(15) is below 2^-163). The argument is u = -t, which GELU has at
    /// hand; P and D are evaluated at u with the odd coefficients negated, which gives exactly the negated (or equal)
    /// intermediates of Horner's rule at t: rounding is symmetric.
    /// </summary>
    public static Value QOfNegative(FormulaBuilder b, Value u)
    {
        u = u as LocalValue ?? b.Let("u", u);
        double[] p = AtNegative(NormalTailRational.P);
        double[] d = AtNegative(NormalTailRational.D);
        string error = "2^" + NormalTailRational.ErrorLog2.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        b.Comment($"Q(t) = erfc(t / sqrt 2) / 2 = exp(-t^2/2) P(t) / D(t) on [0, {NormalTailRational.End}], t = -u: P/D follows Q(t) exp(t^2/2) to {error} relative.");
        Value ex = b.Let("ex", WideExp.ExpOfMinusHalf(b, b.Let("s", b.Mul(u, u), "t^2: its rounding moves exp(-t^2/2) by at most 2^-46 relative (t <= 15)")), "exp(-t^2/2)");
        Value num = b.Horner("qp", u, "WideQP", p, $"P(-u), degree {p.Length - 1}: P(t) = Q(t) exp(t^2/2) D(t) to {error} relative, every coefficient of P(t) positive.");
        Value den = b.Horner("qd", u, "WideQD", d, $"D(-u), degree {d.Length - 1}: D(0) = 1, every coefficient of D(t) positive.");
        return b.Div(b.Mul(ex, num), den);
    }

    /// <summary>The coefficients of c(-u): the odd ones negated.</summary>
    private static double[] AtNegative(double[] c)
    {
        var negated = new double[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            negated[i] = i % 2 == 0 ? c[i] : -c[i];
        }

        return negated;
    }
}
