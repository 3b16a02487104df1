using FusedActivations.Generator.Emitting.Engine;
using FusedActivations.Generator.Emitting.VectorMath;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>
/// The math functions of fused formulas on every path. The exact ones (Abs, Min, Max, Clamp, Sqrt, FusedMultiplyAdd)
/// are .NET's, bit for bit. In float formulas the others are computed in double from the math library and rounded
/// once (<see cref="Widened"/>): within about 0.51 ULP, with the special values of .NET's functions (NaN, the limits at
/// the infinities, 0 and -1, subnormal results). In double formulas they are compensated (<see cref="CompensatedExpFunctions"/>,
/// <c>CompensatedLogOfPositive</c>): about 0.5 ULP, within 1 ULP where the result is subnormal.
/// </summary>
internal static class FusedMathFunctions
{
    public static Value Call(FormulaBuilder b, MathFunction function, Value[] a)
    {
        switch (function)
        {
            case MathFunction.Abs:
                return b.Abs(a[0]);
            case MathFunction.Min:
                return b.Minimum(a[0], a[1]);
            case MathFunction.Max:
                return b.Maximum(a[0], a[1]);
            case MathFunction.Clamp:
                // Math.Clamp: value < min ? min : value > max ? max : value (NaN stays NaN).
                return b.Select(b.LessThan(a[0], a[1]), a[1], b.Select(b.GreaterThan(a[0], a[2]), a[2], a[0]));
            case MathFunction.Sqrt:
                return b.Sqrt(a[0]);
            case MathFunction.FusedMultiplyAdd:
                return b.FusedMultiplyAdd(a[0], a[1], a[2]);
        }

        Value x = a[0] as LocalValue ?? b.Let("fx", a[0]);
        if (b.Element.Type == ElementType.Double)
        {
            return function switch
            {
                MathFunction.Log => DoubleLog(b, x),
                MathFunction.Log1P => DoubleLog1P(b, x),
                MathFunction.Exp => b.Let("exp", b.KeepNaN(x, CompensatedExpFunctions.Exp(b, x))),
                MathFunction.ExpM1 => b.Let("expm1", b.KeepNaN(x, CompensatedExpFunctions.ExpM1(b, x))),
                MathFunction.NormalCdf => b.Let("cdf", b.KeepNaN(x, CompensatedExpFunctions.NormalCdf(b, x))),
                MathFunction.NormalPdf => b.Let("pdf", b.KeepNaN(x, CompensatedExpFunctions.NormalPdf(b, x))),
                _ => throw new System.InvalidOperationException(function + " is not available in double formulas."),
            };
        }

        using (b.Scope(function.ToString().ToLowerInvariant()))
        {
            b.Comment($"{function}, in double, rounded to float once.");
            Value y = Widened.Compute(b, x, (w, v) => Wide(w, function, v));
            return b.Let(function.ToString().ToLowerInvariant(), b.KeepNaN(x, y));
        }
    }

    /// <summary>
    /// The function of a double value <paramref name="v"/> to float's needs (relative error about 2^-30, special values
    /// as .NET's but NaN, which the caller restores): inside a widened computation.
    /// </summary>
    public static Value Wide(FormulaBuilder w, MathFunction function, Value v) => function switch
    {
        MathFunction.Exp => WideExp.Exp(w, Clamp(w, v, -104, 89)),
        MathFunction.ExpM1 => WideFunctions.ExpM1(w, Clamp(w, v, -60, 89)),
        MathFunction.Log => WideLogOf(w, v),
        MathFunction.Log1P => WideLog1POf(w, v),
        MathFunction.NormalCdf => WideNormalCdf(w, v),
        MathFunction.NormalPdf => WideNormalPdf(w, v),
        _ => throw new System.InvalidOperationException("Unknown function " + function + "."),
    };

    /// <summary>
    /// v clamped to [lo, hi], where the float result is already 0, -1 or infinite (the caller restores NaN): e^-104 is
    /// below half the smallest float subnormal and e^89 above float's largest value.
    /// </summary>
    private static Value Clamp(FormulaBuilder w, Value v, double lo, double hi) => w.Let("vc", w.Min(w.Max(v, w.Lit(lo)), w.Lit(hi)));

    /// <summary>log(v): the positive normal doubles (every positive float) through <see cref="WideLog"/>; 0, negatives and +infinity selected.</summary>
    private static Value WideLogOf(FormulaBuilder w, Value v)
    {
        Value core = w.Let("lg", WideLog.Log(w, v, null));
        return Specials(w, v, w.Lit(0), core);
    }

    /// <summary>log(1 + v) = log(u) + (v - (u - 1)) / u with u = fl(1 + v) (exact but for tiny or huge v).</summary>
    private static Value WideLog1POf(FormulaBuilder w, Value v)
    {
        Value u = w.Let("u", w.Add(w.Lit(1), v));
        Value c = w.Let("uc", w.Div(w.Sub(v, w.Sub(u, w.Lit(1))), u), "the rounding error of 1 + v, relative to u");
        Value core = w.Let("lg", WideLog.Log(w, u, c));
        return Specials(w, v, w.Lit(-1), core);
    }

    /// <summary>
    /// <paramref name="core"/> where v is above <paramref name="pole"/> and finite; -infinity at the pole, NaN below it
    /// (and for NaN), +infinity at +infinity.
    /// </summary>
    private static Value Specials(FormulaBuilder w, Value v, Value pole, Value core)
    {
        Value y = w.Select(w.GreaterThan(v, pole), core, w.Lit(double.NaN));
        y = w.Select(w.Equal(v, pole), w.Lit(double.NegativeInfinity), y);
        return w.Select(w.Equal(v, w.Lit(double.PositiveInfinity)), w.Lit(double.PositiveInfinity), y);
    }

    /// <summary>Phi(v) = Q(-v) for v &lt;= 0 and 1 - Q(v) above, Q the upper normal tail (|v| clamped to 16, where Q is below 2^-186).</summary>
    private static Value WideNormalCdf(FormulaBuilder w, Value v)
    {
        Value t = w.Let("tq", w.Min(w.Abs(v), w.Lit(16)));
        Value q = w.Let("q", WideNormalTail.Q(w, t));
        return w.SelectGreaterThan(v, w.Lit(0), w.Sub(w.Lit(1), q), q);
    }

    /// <summary>phi(v) = e^(-v^2/2) / sqrt(2 pi), the exponent raised to -1000 (the result is 0 long before).</summary>
    private static Value WideNormalPdf(FormulaBuilder w, Value v)
    {
        w.Const("InvSqrt2Pi", 0.3989422804014327, "1/sqrt(2 pi) rounded to double.");
        Value e = w.Let("pe", w.Max(w.Mul(w.Lit(-0.5), w.Mul(v, v)), w.Lit(-1000)), "-v^2/2");
        return w.Mul(WideExp.Exp(w, e), w.C("InvSqrt2Pi"));
    }

    /// <summary>Double log(x): compensated, x scaled into the normal range first; the specials selected.</summary>
    private static Value DoubleLog(FormulaBuilder b, Value x)
    {
        b.Comment("log(x), compensated: subnormal x is scaled by 2^54 first (and 54 ln2 taken off).");
        Value tiny = b.Let("tiny", b.LessThan(x, b.Lit(2.2250738585072014E-308)));
        Value xs = b.Let("xs", b.Select(tiny, b.Mul(x, b.Lit(18014398509481984.0)), x));
        Value n = b.Let("ln", b.Select(tiny, b.Lit(-54), b.Lit(0)));
        DoubleDouble l = CompensatedLogOfPositive.Log(b, xs, b.Lit(0), n);
        return Specials(b, x, b.Lit(0), b.Let("lg", l.Round(b)));
    }

    /// <summary>Double log(1 + x): 1 + x as an exact pair, then the compensated log of the pair.</summary>
    private static Value DoubleLog1P(FormulaBuilder b, Value x)
    {
        b.Comment("log1p(x) = log(uh + ul), 1 + x = uh + ul exactly.");
        DoubleDouble u = DoubleDouble.TwoSum(b, "u", b.Lit(1), x);
        DoubleDouble l = CompensatedLogOfPositive.Log(b, u.Hi, u.Lo, null);
        return Specials(b, x, b.Lit(-1), b.Let("lg", l.Round(b)));
    }
}
