using System;

namespace FusedActivations.TestSupport;

public static partial class Reference
{
    /// <summary>
    /// The inverse of Softplus without threshold, log(expm1(beta y)) / beta, to about 2^-100 relative (except within
    /// about 2^-50 of its zero at y = ln 2 / beta, where the absolute error is about 2^-105). y &lt; 0 and NaN give NaN,
    /// 0 gives -infinity, +infinity gives +infinity.
    /// </summary>
    public static DoubleDouble InverseSoftplus(double y, double beta)
    {
        if (!(y > 0))
        {
            return double.IsNaN(y) ? double.NaN : y == 0 ? double.NegativeInfinity : double.NaN;
        }

        if (double.IsPositiveInfinity(y))
        {
            return y;
        }

        DoubleDouble z = DoubleDouble.FromProduct(beta, y);
        if (double.IsPositiveInfinity(z.Hi))
        {
            return y;
        }

        if (z.Hi > 1.0)
        {
            // log(expm1(z)) = z + log1p(-exp(-z)): no overflow for large z.
            return y + DoubleDoubleMath.Log1P(-DoubleDoubleMath.Exp(-z)) / beta;
        }

        if (z.Hi < 1e-280)
        {
            // The product may be subnormal or lost: log(expm1(z)) = log(z) + z/2 + ..., with log(z) from the exponents
            // and the product of the significands; z/2 is far below 2^-100 relative here.
            int eb = Math.ILogB(beta);
            int ey = Math.ILogB(y);
            DoubleDouble m = DoubleDouble.FromProduct(Math.ScaleB(beta, -eb), Math.ScaleB(y, -ey));
            int n = eb + ey;
            DoubleDouble log = DoubleDoubleMath.Log(m) + (DoubleDouble.FromProduct(n, DoubleDouble.Ln2.Hi)
                + DoubleDouble.FromProduct(n, DoubleDouble.Ln2.Lo));
            return log / beta;
        }

        return DoubleDoubleMath.Log(DoubleDoubleMath.ExpM1(z)) / beta;
    }

    /// <summary>The inverse of Softplus with beta = 1.</summary>
    public static DoubleDouble InverseSoftplus(double y) => InverseSoftplus(y, 1.0);

    /// <summary>The inverse of Softplus for float arguments (beta * y is exact in double), rounded to double.</summary>
    public static double InverseSoftplus(float y, float beta) => ToDouble(InverseSoftplus((double)y, (double)beta));

    /// <summary>The inverse of Softplus with beta = 1 for a float argument, rounded to double.</summary>
    public static double InverseSoftplus(float y) => InverseSoftplus(y, 1f);
}
