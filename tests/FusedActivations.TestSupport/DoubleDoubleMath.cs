using System;

namespace FusedActivations.TestSupport;

/// <summary>
/// exp, expm1, log and log1p in double-double precision, by textbook methods chosen for being obviously right rather
/// than fast: Taylor series after argument reduction for exp, one Newton step on exp for log. Accurate to about
/// 2^-100 relative; roughly a microsecond per call.
/// </summary>
public static partial class DoubleDoubleMath
{
    // exp(r) for |r| <= ln2/2 is computed as exp(r / 2^Squarings)^(2^Squarings); Taylor terms up to r'^TaylorTerms.
    private const int Squarings = 8;
    private const int TaylorTerms = 11;

    // 2^-200: below it two series terms are exact to far beyond double-double precision.
    private const double TinyArgument = 6.223015277861142e-61;

    private static readonly DoubleDouble[] s_inverseFactorials = CreateInverseFactorials();

    private static DoubleDouble[] CreateInverseFactorials()
    {
        var result = new DoubleDouble[TaylorTerms + 1];
        DoubleDouble factorial = DoubleDouble.One;
        for (int i = 0; i <= TaylorTerms; i++)
        {
            if (i > 0)
            {
                factorial *= i;
            }

            result[i] = DoubleDouble.One / factorial;
        }

        return result;
    }

    /// <summary>exp(x) = m * 2^k with m in about [0.7, 1.42] (or x's special value in m and k = 0).</summary>
    /// <remarks>Keeping the scale apart lets callers work with values far below the double range.</remarks>
    public static DoubleDouble ExpScaled(DoubleDouble x, out int k)
    {
        k = 0;
        if (!x.IsFinite)
        {
            return double.IsNegativeInfinity(x.Hi) ? DoubleDouble.Zero : x;
        }

        if (Math.Abs(x.Hi) > 1e6)
        {
            // Far out of any range a caller can use; keep k within int and the reduction meaningful.
            return x.Hi > 0 ? double.PositiveInfinity : DoubleDouble.Zero;
        }

        double kd = Math.Round(x.Hi / DoubleDouble.Ln2.Hi);
        k = (int)kd;
        // r = x - k ln2 with ln2 in three parts; each product is exact.
        DoubleDouble r = x - DoubleDouble.FromProduct(kd, DoubleDouble.Ln2.Hi)
            - DoubleDouble.FromProduct(kd, DoubleDouble.Ln2.Lo) - kd * DoubleDouble.Ln2Third;
        return DoubleDouble.One + ExpM1Reduced(r);
    }

    /// <summary>expm1(r) for |r| &lt;= about 0.36, keeping full relative precision for tiny r.</summary>
    private static DoubleDouble ExpM1Reduced(DoubleDouble r)
    {
        DoubleDouble s = r.ScaleB(-Squarings);
        DoubleDouble p = s_inverseFactorials[TaylorTerms];
        for (int i = TaylorTerms - 1; i >= 1; i--)
        {
            p = p * s + s_inverseFactorials[i];
        }

        DoubleDouble u = p * s;
        for (int i = 0; i < Squarings; i++)
        {
            // (1 + u)^2 - 1 = u (2 + u): squaring in expm1 form keeps small values exact-relative.
            u *= u + 2.0;
        }

        return u;
    }

    /// <summary>exp(x), with overflow to +infinity and gradual underflow to 0.</summary>
    public static DoubleDouble Exp(DoubleDouble x)
    {
        DoubleDouble m = ExpScaled(x, out int k);
        return m.ScaleB(k);
    }

    /// <summary>exp(x) - 1, accurate relative to the result also for tiny x.</summary>
    public static DoubleDouble ExpM1(DoubleDouble x)
    {
        if (x.IsFinite && Math.Abs(x.Hi) <= 0.34)
        {
            // Below 2^-200 the series x + x^2/2 is exact to 2^-200 relative, and the reduction's scaling by 2^-8
            // would lose bits of subnormal x.
            return Math.Abs(x.Hi) < TinyArgument ? x + x * x * 0.5 : ExpM1Reduced(x);
        }

        if (double.IsNegativeInfinity(x.Hi))
        {
            return -1.0;
        }

        return Exp(x) - 1.0;
    }

    /// <summary>log(1 + x) for any x &gt;= -1 (-infinity at -1, NaN below), accurate also for tiny x.</summary>
    public static DoubleDouble Log1P(DoubleDouble x)
    {
        if (x.IsNaN || x.Hi < -1.0 || (x.Hi == -1.0 && x.Lo < 0))
        {
            return double.NaN;
        }

        if (x.Hi > -0.29 && x.Hi < 0.41)
        {
            return Log1PNewton(x);
        }

        return Log(x + 1.0);
    }

    /// <summary>Natural logarithm; 0 gives -infinity, negative values give NaN.</summary>
    public static DoubleDouble Log(DoubleDouble x)
    {
        if (x.IsNaN || x.Hi < 0)
        {
            return double.NaN;
        }

        if (x.Hi == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x.Hi))
        {
            return x;
        }

        // x = m 2^k with m in [sqrt(1/2), sqrt(2)): log x = log1p(m - 1) + k ln 2, and m - 1 is exact.
        int k = Math.ILogB(x.Hi);
        DoubleDouble m = x.ScaleB(-k);
        if (m.Hi > 1.4142135623730951)
        {
            m = m.ScaleB(-1);
            k++;
        }

        DoubleDouble log = Log1PNewton(m - 1.0);
        return log + (DoubleDouble.FromProduct(k, DoubleDouble.Ln2.Hi) + (DoubleDouble.FromProduct(k, DoubleDouble.Ln2.Lo)
            + k * DoubleDouble.Ln2Third));
    }

    /// <summary>log1p(x) for x in about [-0.3, 0.42]: a double-precision start refined by one Newton step.</summary>
    private static DoubleDouble Log1PNewton(DoubleDouble x)
    {
        if (Math.Abs(x.Hi) < TinyArgument)
        {
            // log1p(x) = x - x^2/2 + ... exactly enough; also keeps subnormal x exact.
            return x - x * x * 0.5;
        }

        // Start: log1p in double with the classic compensation of 1 + x, error a few 2^-53 relative.
        double u = 1.0 + x.Hi;
        double y0 = u == 1.0 ? x.Hi : Math.Log(u) - ((u - 1.0) - x.Hi) / u;

        // Newton on f(y) = e^y - 1 - x: y1 = y0 - (expm1(y0) - x) / e^y0. The correction is tiny, so double precision
        // division suffices; the error after one step is about (2^-52)^2.
        DoubleDouble e = ExpM1(y0);
        DoubleDouble residual = e - x;
        return (DoubleDouble)y0 - residual.Hi / (1.0 + e.Hi);
    }

    /// <summary>
    /// tanh(x) = -expm1(-2|x|) / (2 + expm1(-2|x|)) with the sign of x: no cancellation for any |x| (the denominator is
    /// in [1, 2]) and full relative precision for tiny x, since <see cref="ExpM1"/> is relative to its result.
    /// </summary>
    public static DoubleDouble Tanh(DoubleDouble x)
    {
        if (x.IsNaN)
        {
            return x;
        }

        DoubleDouble a = x.Abs();
        DoubleDouble e = ExpM1(-2.0 * a);
        DoubleDouble t = -e / (2.0 + e);
        return x.Hi < 0 || (x.Hi == 0 && double.IsNegative(x.Hi)) ? -t : t;
    }
}
