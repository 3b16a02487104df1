namespace FusedActivations.Generator.Emitting;

/// <summary>Constant folding that needs more than one rounding's precision (the generator targets netstandard2.0: no FMA).</summary>
internal static class ExactFolding
{
    /// <summary>
    /// 1/v - hi for hi = fl(1/v), to about 2^-106 relative of 1/v: 1 - v hi is formed exactly with Dekker's product
    /// (Veltkamp splitting), then divided by v. Used to carry 1/beta as hi + lo.
    /// </summary>
    public static double ReciprocalTail(double v, double hi)
    {
        static (double High, double Low) Split(double value)
        {
            double c = 134217729.0 * value;
            double high = c - (c - value);
            return (high, value - high);
        }

        (double vh, double vl) = Split(v);
        (double hh, double hl) = Split(hi);
        double p = v * hi;
        double pe = ((vh * hh - p) + vh * hl + vl * hh) + vl * hl;
        return ((1 - p) - pe) / v;
    }
}
