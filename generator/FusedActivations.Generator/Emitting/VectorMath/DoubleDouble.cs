using FusedActivations.Generator.Emitting.Engine;

namespace FusedActivations.Generator.Emitting.VectorMath;

/// <summary>
/// A value kept as an unevaluated sum <c>Hi + Lo</c> with |Lo| at most half an ULP of Hi, and the error-free
/// operations of compensated arithmetic over the builder (Dekker, Knuth, Markstein): what the double kernels use to
/// round essentially once.
/// </summary>
internal sealed record DoubleDouble(Value Hi, Value Lo)
{
    /// <summary>a + b = s + e exactly, for any a and b (Knuth's two-sum, six operations).</summary>
    public static DoubleDouble TwoSum(FormulaBuilder b, string name, Value x, Value y)
    {
        Value s = b.Let(name, b.Add(x, y));
        Value bb = b.Let(name + "b", b.Sub(s, x));
        Value e = b.Let(name + "e", b.Add(b.Sub(x, b.Sub(s, bb)), b.Sub(y, bb)), $"{name} + {name}e = the exact sum");
        return new DoubleDouble(s, e);
    }

    /// <summary>a + b = s + e exactly, for |a| &gt;= |b| (Dekker's fast two-sum, three operations).</summary>
    public static DoubleDouble FastTwoSum(FormulaBuilder b, string name, Value x, Value y)
    {
        Value s = b.Let(name, b.Add(x, y));
        Value e = b.Let(name + "e", b.Add(b.Sub(x, s), y), $"{name} + {name}e = the exact sum");
        return new DoubleDouble(s, e);
    }

    /// <summary>a * b = p + e exactly (one FMA, or Dekker's product without one).</summary>
    public static DoubleDouble TwoProduct(FormulaBuilder b, string name, Value x, Value y)
    {
        Value p = b.Let(name, b.Mul(x, y));
        Value e = b.Let(name + "e", b.ProductError(x, y, p), $"{name} + {name}e = the exact product");
        return new DoubleDouble(p, e);
    }

    /// <summary>
    /// (n.Hi + n.Lo) / (d.Hi + d.Lo) as a pair: a quotient q0 from one division by d.Hi, and the correction from the
    /// remainder (exact with an FMA, Markstein), which also brings in both tails. Hi + Lo is within about 2^-100
    /// relative of the quotient; <see cref="Round"/> of it is 0.5 ULP plus 2^-100, and a product x (Hi + Lo) taken with
    /// one FMA (<see cref="MultiplyRounded"/>) rounds once too.
    /// </summary>
    public static DoubleDouble Divide(FormulaBuilder b, string name, DoubleDouble n, DoubleDouble d)
    {
        Value inv = b.Let(name + "Inv", b.Div(b.Lit(1), d.Hi));
        Value q0 = b.Let(name, b.Mul(n.Hi, inv));
        Value remainder;
        if (b.Isa.HasFma)
        {
            remainder = b.Fma(b.Neg(q0), d.Hi, n.Hi);
        }
        else
        {
            // Without FMA: q0 d = p + pe exactly (Dekker), and n - p is exact (Sterbenz: q0 d is within an ULP of n).
            DoubleDouble p = TwoProduct(b, name + "D", q0, d.Hi);
            remainder = b.Sub(b.Sub(n.Hi, p.Hi), p.Lo);
        }

        Value r = b.Let(name + "Rem", b.Fma(b.Neg(q0), d.Lo, b.Add(remainder, n.Lo)), "n - q0 d: exact remainder, then both tails");
        return new DoubleDouble(q0, b.Let(name + "l", b.Mul(r, inv), $"n / d = {name} + {name}l"));
    }

    /// <summary>Hi + Lo rounded once.</summary>
    public Value Round(FormulaBuilder b) => b.Add(Hi, Lo);

    /// <summary>x (Hi + Lo) rounded once: <c>fma(x, Hi, x Lo)</c> (a two-product without FMA).</summary>
    public Value MultiplyRounded(FormulaBuilder b, Value x)
    {
        if (b.Isa.HasFma)
        {
            return b.Fma(x, Hi, b.Mul(x, Lo));
        }

        // Without FMA: x Hi = p + pe exactly (Dekker), and the small terms join before the one rounding that matters.
        // Dekker's splitting overflows beyond |x| = 2^996: there the plain products are taken (the tail is far below an ULP).
        DoubleDouble p = TwoProduct(b, "xq", x, Hi);
        Value exact = b.Add(p.Hi, b.Add(p.Lo, b.Mul(x, Lo)));
        return b.SelectLessThan(b.NegativeAbs(x), b.Lit(-1e299), b.Mul(x, Hi), exact);
    }

    /// <summary>The pair times <paramref name="scale"/>, a power of two (exact while normal).</summary>
    public DoubleDouble Scale(FormulaBuilder b, Value scale) => new(b.Mul(Hi, scale), b.Mul(Lo, scale));
}
