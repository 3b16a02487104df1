using System;
using System.Globalization;
using FusedActivations.Generator.Model;

namespace FusedActivations.Generator.Emitting;

/// <summary>
/// What the emitter needs to know about an element type: its C# names, the integer type of the same width, the bit
/// layout used to build powers of two, and how to write its literals exactly.
/// </summary>
internal sealed class ElementInfo
{
    public static readonly ElementInfo Single = new(ElementType.Single, "float", "int", "AsInt32", "AsSingle", 23, 127, 24);

    public static readonly ElementInfo Double = new(ElementType.Double, "double", "long", "AsInt64", "AsDouble", 52, 1023, 53);

    private ElementInfo(ElementType type, string name, string integerName, string asInteger, string asSelf, int mantissaBits, int exponentBias, int precision)
    {
        Type = type;
        Name = name;
        IntegerName = integerName;
        AsInteger = asInteger;
        AsSelf = asSelf;
        MantissaBits = mantissaBits;
        ExponentBias = exponentBias;
        Precision = precision;
    }

    public ElementType Type { get; }

    /// <summary><c>float</c> or <c>double</c>.</summary>
    public string Name { get; }

    /// <summary>The signed integer type of the same width: <c>int</c> or <c>long</c>.</summary>
    public string IntegerName { get; }

    /// <summary>The vector reinterpretation to that integer type: <c>AsInt32</c> or <c>AsInt64</c>.</summary>
    public string AsInteger { get; }

    /// <summary>The vector reinterpretation back: <c>AsSingle</c> or <c>AsDouble</c>.</summary>
    public string AsSelf { get; }

    /// <summary>Explicit mantissa bits: 23 or 52. Shifting an integer left by this many places moves it into the exponent.</summary>
    public int MantissaBits { get; }

    /// <summary>The exponent bias: 127 or 1023.</summary>
    public int ExponentBias { get; }

    /// <summary>Significand precision in bits, the implicit bit included: 24 or 53.</summary>
    public int Precision { get; }

    /// <summary>The largest finite value of the type.</summary>
    public double MaxValue => Type == ElementType.Single ? float.MaxValue : double.MaxValue;

    public static ElementInfo For(ElementType type) => type == ElementType.Single ? Single : Double;

    /// <summary>Rounds a double to this element type (exactly, once).</summary>
    public double Round(double value) => Type == ElementType.Single ? (float)value : value;

    /// <summary>
    /// A C# literal of this type that denotes exactly <paramref name="value"/> rounded to the type: the shortest
    /// round-trip form when it parses back to the same value, otherwise 9 or 17 significant digits.
    /// </summary>
    public string Literal(double value)
    {
        if (Type == ElementType.Single)
        {
            float f = (float)value;
            if (float.IsPositiveInfinity(f))
            {
                return "float.PositiveInfinity";
            }

            if (float.IsNegativeInfinity(f))
            {
                return "float.NegativeInfinity";
            }

            if (float.IsNaN(f))
            {
                return "float.NaN";
            }

            string text = f.ToString("R", CultureInfo.InvariantCulture);
            if (float.Parse(text, CultureInfo.InvariantCulture) != f)
            {
                text = f.ToString("G9", CultureInfo.InvariantCulture);
            }

            return text + "f";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        string d = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(d, CultureInfo.InvariantCulture) != value)
        {
            d = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        return d.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? d + ".0" : d;
    }

    /// <summary>The value as a human-readable number for comments (not necessarily exact).</summary>
    public static string Readable(double value) =>
        double.IsPositiveInfinity(value) ? "+infinity" : value.ToString("G9", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="value"/> (already rounded to this type) is an integral power of two.</summary>
    public static bool IsPowerOfTwo(double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            return false;
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x000F_FFFF_FFFF_FFFFL) == 0 && ((bits >> 52) & 0x7FF) != 0;
    }
}
