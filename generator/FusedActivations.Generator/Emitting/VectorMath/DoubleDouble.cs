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
    /// (n.Hi + n.Lo) / (d.Hi + d.Lo) rounded essentially once: a quotient from one division by d.Hi, then one Newton
    /// correction against the exact remainder (exact with an FMA, Markstein), which also brings in both tails.
    /// Error at most about 0.5 ULP plus 2^-50 relative.
    /// </summary>
    public static Value Divide(FormulaBuilder b, string name, DoubleDouble n, DoubleDouble d)
    {
        Value inv = b.Let(name + "Inv", b.Div(b.Lit(1), d.Hi));
        Value q0 = b.Let(name + "0", b.Mul(n.Hi, inv));
        Value r = b.Let(name + "Rem", b.Fma(b.Neg(q0), d.Lo, b.Add(b.Fma(b.Neg(q0), d.Hi, n.Hi), n.Lo)), "n - q0 d: exact remainder, then both tails");
        return b.Fma(r, inv, q0);
    }
}
