using System;

namespace FusedActivations;

public static partial class FusedMath
{
    // PyTorch's constants, rounded to the element type as its kernels have them: kBeta = M_SQRT2 * M_2_SQRTPI * 0.5
    // evaluated in double (then rounded to float for float), kKappa = 0.044715 rounded. The reference is the exact
    // value of the formula with these constants, so they enter the computation exactly (2 kBeta is exact too).
    private const double GeluTanhBeta = 1.4142135623730951 * 1.1283791670955126 * 0.5;
    private const double GeluTanhKappa = 0.044715;
    private const double GeluTanhBetaSingle = (float)GeluTanhBeta;
    private const double GeluTanhKappaSingle = (float)GeluTanhKappa;

    /// <summary>
    /// Computes PyTorch's <c>F.gelu(x, approximate='tanh')</c>: <c>0.5 x (1 + tanh(kBeta (x + kKappa x^3)))</c> with
    /// kBeta = sqrt(2/pi) and kKappa = 0.044715 rounded to float, as PyTorch's float kernel has them.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// The compensated double computation of <see cref="GeluTanh(double)"/>, with the float constants, rounded once:
    /// measured at most 0.5 ULP plus a double rounding's worth (about 2^-28 ULP) from the exact value of the formula
    /// with those constants. NaN gives NaN, +infinity gives +infinity, -infinity gives -0.
    /// </returns>
    public static float GeluTanh(float x) => (float)GeluTanhCore(x, 2 * GeluTanhBetaSingle, GeluTanhKappaSingle);

    /// <summary>
    /// Computes PyTorch's <c>F.gelu(x, approximate='tanh')</c>: <c>0.5 x (1 + tanh(kBeta (x + kKappa x^3)))</c> with
    /// kBeta = sqrt(2/pi) and kKappa = 0.044715 rounded to double, as PyTorch's double kernel has them.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>
    /// <c>x sigmoid(2u)</c> with <c>u = kBeta (x + kKappa x^3)</c>, the same value since
    /// <c>1 + tanh u = 2 sigmoid(2u)</c>, but without the cancellation of <c>1 + tanh u</c> for u &lt;&lt; 0, so the
    /// left tail keeps full relative accuracy down to subnormal results (x near -21.5). 2u is carried as a double-double
    /// (exp amplifies its relative error by |2u|, up to about 745), and the quotient of sigmoid is rounded once in
    /// effect. The reference is the exact value of the formula with the constants as rounded: measured at most
    /// 0.71 ULP for normal results and 1.0 ULP for subnormal ones. NaN gives NaN, +infinity gives +infinity,
    /// -infinity gives -0 (the limit).
    /// </returns>
    public static double GeluTanh(double x) => GeluTanhCore(x, 2 * GeluTanhBeta, GeluTanhKappa);

    /// <summary>x sigmoid(2u), 2u = twoBeta (x + kappa x^3), with the constants taken as exact.</summary>
    private static double GeluTanhCore(double x, double twoBeta, double kappa)
    {
        if (!(x <= 10.0 && x >= -25.0) || x == 0)
        {
            // NaN and ±0 unchanged. x > 10: 2u > 87, sigmoid(2u) = 1 - e^-87 rounds to 1, the result is x.
            // x < -25: 2u < -1155, the result x e^(2u) is below the smallest subnormal.
            return double.IsNaN(x) || x >= 0 ? x : -0.0;
        }

        // 2u = c (x + a x^3) = c x (1 + a x^2) in double-double arithmetic (every product split exactly).
        double s = x * x;
        double sl = Math.FusedMultiplyAdd(x, x, -s);
        double a = kappa * s;
        double al = Math.FusedMultiplyAdd(kappa, s, -a) + kappa * sl;
        double b = 1.0 + a; // 1 + a with a >= 0: Fast2Sum in either order needs the larger first.
        double bl = (a > 1.0 ? (a - b) + 1.0 : (1.0 - b) + a) + al;
        double y = x * b;
        double yl = Math.FusedMultiplyAdd(x, b, -y) + x * bl;
        double z = twoBeta * y;
        double zl = Math.FusedMultiplyAdd(twoBeta, y, -z) + twoBeta * yl;

        if (z >= 0)
        {
            // x sigmoid(z) = x / (1 + e^-z) with e^-z <= 1.
            double m = ExpMantissa(-z, -zl, out int k, out double ml);
            return QuotientOfOnePlus(x, 0.0, Math.ScaleB(m, k), Math.ScaleB(ml, k));
        }

        // x sigmoid(z) = x e^z / (1 + e^z) with e^z < 1.
        double mn = ExpMantissa(z, zl, out int kn, out double mnl);
        double p = x * mn;
        double pl = Math.FusedMultiplyAdd(x, mn, -p) + x * mnl;
        if (kn < -1000)
        {
            // e^z < 2^-1000: the quotient is e^z (1 - e^z + ...) = e^z; scale once so a subnormal result rounds once.
            return Math.ScaleB(p + pl, kn);
        }

        double e = Math.ScaleB(mn, kn);
        double el = Math.ScaleB(mnl, kn);
        return QuotientOfOnePlus(Math.ScaleB(p, kn), Math.ScaleB(pl, kn), e, el);
    }
}
