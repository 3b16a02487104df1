using System;
using System.Globalization;

namespace FusedActivations.TestSupport;

/// <summary>
/// An unevaluated sum <c>Hi + Lo</c> of two doubles with |Lo| &lt;= ulp(Hi)/2: about 106 significant bits.
/// Arithmetic follows Hida, Li and Bailey's QD library (error-free TwoSum/TwoProd with fused multiply-add); each
/// operation is accurate to a few units of 2^-104 relative.
/// </summary>
public readonly struct DoubleDouble : IEquatable<DoubleDouble>, IComparable<DoubleDouble>
{
    /// <summary>The leading part: the double nearest the value.</summary>
    public readonly double Hi;

    /// <summary>The trailing part: the rounding error of <see cref="Hi"/>.</summary>
    public readonly double Lo;

    /// <summary>Creates a value from an already normalized pair (|lo| &lt;= ulp(hi)/2); use <see cref="FromSum"/> otherwise.</summary>
    public DoubleDouble(double hi, double lo)
    {
        // An infinite or NaN leading part makes the trailing part meaningless (and TwoSum would make it NaN).
        Hi = hi;
        Lo = double.IsFinite(hi) ? lo : 0.0;
    }

    /// <summary>ln 2 to about 2^-160, as three doubles (QD library constants); used by the argument reductions.</summary>
    public static readonly DoubleDouble Ln2 = new(6.931471805599452862e-01, 2.319046813846299558e-17);

    internal const double Ln2Third = 5.707708438416212066e-34;

    /// <summary>Zero.</summary>
    public static DoubleDouble Zero => default;

    /// <summary>One.</summary>
    public static DoubleDouble One => new(1.0, 0.0);

    /// <summary>Whether the value is NaN.</summary>
    public bool IsNaN => double.IsNaN(Hi);

    /// <summary>Whether the value is finite.</summary>
    public bool IsFinite => double.IsFinite(Hi);

    /// <summary>The exact sum a + b (Knuth's TwoSum).</summary>
    public static DoubleDouble FromSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        double e = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, e);
    }

    /// <summary>The exact product a * b (TwoProd with a fused multiply-add), unless it overflows or underflows.</summary>
    public static DoubleDouble FromProduct(double a, double b)
    {
        double p = a * b;
        return new DoubleDouble(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    private static DoubleDouble FastSum(double a, double b)
    {
        // Requires |a| >= |b| (or a == 0).
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /// <summary>Converts a double exactly.</summary>
    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    /// <summary>Rounds to the nearest double (the leading part of a normalized pair).</summary>
    public static explicit operator double(DoubleDouble value) => value.Hi;

    /// <summary>Negation (exact).</summary>
    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>Sum, accurate to about 2^-105 relative to the result (QD's IEEE-style addition).</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        DoubleDouble s = FromSum(a.Hi, b.Hi);
        if (!double.IsFinite(s.Hi))
        {
            return new DoubleDouble(s.Hi, 0.0);
        }

        DoubleDouble t = FromSum(a.Lo, b.Lo);
        DoubleDouble u = FastSum(s.Hi, s.Lo + t.Hi);
        return FastSum(u.Hi, u.Lo + t.Lo);
    }

    /// <summary>Sum with a double.</summary>
    public static DoubleDouble operator +(DoubleDouble a, double b)
    {
        DoubleDouble s = FromSum(a.Hi, b);
        if (!double.IsFinite(s.Hi))
        {
            return new DoubleDouble(s.Hi, 0.0);
        }

        return FastSum(s.Hi, s.Lo + a.Lo);
    }

    /// <summary>Sum with a double.</summary>
    public static DoubleDouble operator +(double a, DoubleDouble b) => b + a;

    /// <summary>Difference.</summary>
    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    /// <summary>Difference with a double.</summary>
    public static DoubleDouble operator -(DoubleDouble a, double b) => a + (-b);

    /// <summary>Difference with a double.</summary>
    public static DoubleDouble operator -(double a, DoubleDouble b) => (-b) + a;

    /// <summary>Product, accurate to about 2^-104 relative.</summary>
    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        DoubleDouble p = FromProduct(a.Hi, b.Hi);
        if (!double.IsFinite(p.Hi))
        {
            return new DoubleDouble(p.Hi, 0.0);
        }

        return FastSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    /// <summary>Product with a double.</summary>
    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        DoubleDouble p = FromProduct(a.Hi, b);
        if (!double.IsFinite(p.Hi))
        {
            return new DoubleDouble(p.Hi, 0.0);
        }

        return FastSum(p.Hi, p.Lo + a.Lo * b);
    }

    /// <summary>Product with a double.</summary>
    public static DoubleDouble operator *(double a, DoubleDouble b) => b * a;

    /// <summary>Quotient, accurate to about 2^-104 relative (three steps of long division).</summary>
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        if (!double.IsFinite(q1) || q1 == 0.0)
        {
            return new DoubleDouble(q1, 0.0);
        }

        DoubleDouble r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        return FastSum(q1, q2) + q3;
    }

    /// <summary>Quotient by a double.</summary>
    public static DoubleDouble operator /(DoubleDouble a, double b) => a / new DoubleDouble(b, 0.0);

    /// <summary>Multiplies by 2^n (exact unless the result leaves the normal range).</summary>
    public DoubleDouble ScaleB(int n) => new(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));

    /// <summary>The absolute value.</summary>
    public DoubleDouble Abs() => Hi < 0 ? -this : this;

    /// <summary>Compares by value (NaN sorts first).</summary>
    public int CompareTo(DoubleDouble other)
    {
        int c = Hi.CompareTo(other.Hi);
        return c != 0 ? c : Lo.CompareTo(other.Lo);
    }

    /// <summary>Whether a is less than b.</summary>
    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);

    /// <summary>Whether a is greater than b.</summary>
    public static bool operator >(DoubleDouble a, DoubleDouble b) => b < a;

    /// <summary>Whether a is at most b.</summary>
    public static bool operator <=(DoubleDouble a, DoubleDouble b) => !(b < a) && !a.IsNaN && !b.IsNaN;

    /// <summary>Whether a is at least b.</summary>
    public static bool operator >=(DoubleDouble a, DoubleDouble b) => b <= a;

    /// <summary>Exact equality of both parts.</summary>
    public static bool operator ==(DoubleDouble a, DoubleDouble b) => a.Equals(b);

    /// <summary>Inequality of either part.</summary>
    public static bool operator !=(DoubleDouble a, DoubleDouble b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(DoubleDouble other) => Hi.Equals(other.Hi) && Lo.Equals(other.Lo);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DoubleDouble other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Hi, Lo);

    /// <summary>Both parts in round-trip form, e.g. <c>0.6931471805599453 + 2.3190468138462996E-17</c>.</summary>
    public override string ToString() =>
        Hi.ToString("R", CultureInfo.InvariantCulture) + " + " + Lo.ToString("R", CultureInfo.InvariantCulture);
}
