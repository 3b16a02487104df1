namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>
/// How one instruction-set path spells the operations a kernel formula uses. The formula is written once (see
/// <c>Activations/</c>) against these operations; each dialect renders them as C# for its vector type, so that the
/// AVX-512, AVX2, NEON, portable Vector128 and scalar kernels compute the same sequence of roundings.
/// </summary>
/// <remarks>
/// Every method returns a C# expression. Binary operators come back parenthesized so expressions compose safely;
/// <see cref="Kernels.KernelWriter"/> strips the outermost parentheses when it writes a statement.
/// </remarks>
internal abstract class IsaDialect
{
    /// <summary>The path's name as a member of <c>FusedActivations.SimdPath</c>, also used to name its methods.</summary>
    public abstract string Name { get; }

    /// <summary>One line for documentation comments, e.g. "x86 AVX-512F, 16 floats per vector".</summary>
    public abstract string Describe(ElementInfo element);

    /// <summary>The vector width in bits, or 0 for the scalar dialect.</summary>
    public abstract int WidthBits { get; }

    public bool IsVector => WidthBits > 0;

    /// <summary>Whether the path has a fused multiply-add. Without one, exact products use Dekker's algorithm.</summary>
    public abstract bool HasFma { get; }

    /// <summary>The JIT-time constant condition under which this path may run; "true" for the scalar fallback.</summary>
    public abstract string Guard(ElementInfo element);

    /// <summary>Elements per vector.</summary>
    public int Count(ElementInfo element) => IsVector ? WidthBits / (element.Type == Model.ElementType.Single ? 32 : 64) : 1;

    /// <summary>The portable vector class, e.g. <c>Vector512</c> (the kernel file imports System.Runtime.Intrinsics).</summary>
    protected string VectorClass => "Vector" + WidthBits;

    /// <summary>The type one kernel step works on, e.g. <c>Vector512&lt;float&gt;</c>.</summary>
    public virtual string Type(ElementInfo element) => $"{VectorClass}<{element.Name}>";

    /// <summary>A constant (a literal or the name of a <c>const</c>) as a value of this path's type.</summary>
    public virtual string Constant(string value) => $"{VectorClass}.Create({value})";

    public virtual string Add(string a, string b) => $"({a} + {b})";

    public virtual string Subtract(string a, string b) => $"({a} - {b})";

    public virtual string Multiply(string a, string b) => $"({a} * {b})";

    public virtual string Negate(string a) => a.StartsWith("-", System.StringComparison.Ordinal) ? $"-({a})" : $"-{a}"; // never "--x", a decrement

    /// <summary><c>a / b</c>, correctly rounded (a division instruction on every path).</summary>
    public virtual string Divide(string a, string b) => $"({a} / {b})";

    /// <summary>The lane mask of <c>a == b</c> (false for NaN: <c>Equal(x, x)</c> finds the lanes that are not NaN).</summary>
    public virtual string Equal(string a, string b) => $"{VectorClass}.Equals({a}, {b})";

    /// <summary>The lane mask of the lanes of <paramref name="a"/> that are not NaN.</summary>
    public virtual string NotNaN(string a, ElementInfo element) => $"{VectorClass}.Equals({a}, {a})";

    /// <summary>The lane mask of <c>a &lt; b</c>.</summary>
    public virtual string LessThan(string a, string b) => $"{VectorClass}.LessThan({a}, {b})";

    /// <summary>The lane mask of <c>a &lt;= b</c>.</summary>
    public virtual string LessThanOrEqual(string a, string b) => $"{VectorClass}.LessThanOrEqual({a}, {b})";

    /// <summary>The lane mask of <c>a &gt;= b</c>.</summary>
    public virtual string GreaterThanOrEqual(string a, string b) => $"{VectorClass}.GreaterThanOrEqual({a}, {b})";

    /// <summary>The lane mask of <c>a != b</c>: true where either is NaN.</summary>
    public virtual string NotEqual(string a, string b) => $"~{VectorClass}.Equals({a}, {b})";

    /// <summary><c>|a|</c>.</summary>
    public virtual string Abs(string a, ElementInfo element) => $"{VectorClass}.Abs({a})";

    /// <summary>The correctly rounded square root.</summary>
    public virtual string Sqrt(string a, ElementInfo element) => $"{VectorClass}.Sqrt({a})";

    /// <summary>IEEE 754-2019 minimum: NaN if either operand is NaN, -0 below +0 (.NET's <c>Vector*.Min</c> and <c>Math.Min</c>).</summary>
    public virtual string Minimum(string a, string b, ElementInfo element) => $"{VectorClass}.Min({a}, {b})";

    /// <summary><c>a * b + c</c> rounded once, always (the path without FMA calls the kernel's <c>ExactMultiplyAdd</c> helper).</summary>
    public virtual string ExactMultiplyAdd(string a, string b, string c, ElementInfo element) =>
        HasFma ? MultiplyAdd(a, b, c, element) : $"ExactMultiplyAdd({a}, {b}, {c})";

    /// <summary>The magnitude of <paramref name="v"/> with the sign of <paramref name="sign"/> (a bitwise select on the sign bit).</summary>
    public virtual string CopySign(string v, string sign, ElementInfo element) => $"{VectorClass}.ConditionalSelect({Constant(element.Literal(-0.0))}, {sign}, {v})";

    /// <summary><c>a * b + c</c> with a single rounding (or two roundings where <see cref="HasFma"/> is false).</summary>
    public abstract string MultiplyAdd(string a, string b, string c, ElementInfo element);

    /// <summary>The larger of two values; a NaN operand may give either operand (callers fix NaN lanes at the end).</summary>
    public abstract string Max(string a, string b, ElementInfo element);

    /// <summary>
    /// IEEE 754-2019 maximum: NaN if either operand is NaN, and +0 above -0 (.NET's <c>Vector*.Max</c> and
    /// <c>Math.Max</c>), the same on every path.
    /// </summary>
    public virtual string Maximum(string a, string b, ElementInfo element) => $"{VectorClass}.Max({a}, {b})";

    /// <summary>The smaller of two values; a NaN operand may give either operand.</summary>
    public abstract string Min(string a, string b, ElementInfo element);

    /// <summary><c>-|a|</c>: sets the sign bit.</summary>
    public virtual string NegativeAbs(string a, ElementInfo element) => $"({a} | {Constant(element.Literal(-0.0))})";

    /// <summary><c>a &gt; 0 ? -v : v</c> for the sign of <paramref name="a"/>: flips v's sign where a's sign bit is clear.</summary>
    public virtual string NegateWhereNonNegative(string v, string a, ElementInfo element) =>
        $"({v} ^ {VectorClass}.AndNot({Constant(element.Literal(-0.0))}, {a}))";

    /// <summary><c>a &lt; b ? whenTrue : whenFalse</c>, lane by lane.</summary>
    public virtual string SelectLessThan(string a, string b, string whenTrue, string whenFalse) =>
        $"{VectorClass}.ConditionalSelect({VectorClass}.LessThan({a}, {b}), {whenTrue}, {whenFalse})";

    /// <summary><c>a &gt; b ? whenTrue : whenFalse</c>, lane by lane.</summary>
    public virtual string SelectGreaterThan(string a, string b, string whenTrue, string whenFalse) =>
        $"{VectorClass}.ConditionalSelect({VectorClass}.GreaterThan({a}, {b}), {whenTrue}, {whenFalse})";

    /// <summary>The lane mask (all ones where true) of <c>a &gt; b</c>; a bool for the scalar path.</summary>
    public virtual string GreaterThan(string a, string b) => $"{VectorClass}.GreaterThan({a}, {b})";

    /// <summary><c>mask ? whenTrue : whenFalse</c>, lane by lane, for a mask from <see cref="GreaterThan"/>.</summary>
    public virtual string Select(string mask, string whenTrue, string whenFalse) => $"{VectorClass}.ConditionalSelect({mask}, {whenTrue}, {whenFalse})";

    /// <summary><c>mask ? value : 0</c>, lane by lane.</summary>
    public virtual string Where(string mask, string value) => $"({mask} & {value})";

    /// <summary>
    /// Reinterprets <paramref name="n"/>'s bits as an integer and shifts it into the exponent field: with a "magic"
    /// bias added beforehand, this turns the integer held in n's low mantissa bits into a power of two.
    /// </summary>
    public virtual string ShiftIntoExponent(string n, ElementInfo element) =>
        $"{VectorClass}.ShiftLeft({n}.{element.AsInteger}(), {element.MantissaBits}).{element.AsSelf}()";

    /// <summary>The value whose bits are the bitwise AND of <paramref name="a"/>'s and <paramref name="b"/>'s (e.g. to keep a mantissa).</summary>
    public virtual string BitwiseAnd(string a, string b, ElementInfo element) => $"({a} & {b})";

    /// <summary>The value whose bits are the bitwise OR of <paramref name="a"/>'s and <paramref name="b"/>'s (e.g. to set an exponent).</summary>
    public virtual string BitwiseOr(string a, string b, ElementInfo element) => $"({a} | {b})";

    /// <summary>
    /// The value whose bits are <paramref name="a"/>'s shifted right by <paramref name="count"/> places with zeros shifted
    /// in (an unsigned integer shift): moves the exponent field of a positive number to the low bits.
    /// </summary>
    public virtual string ShiftRightLogical(string a, int count, ElementInfo element) =>
        $"{VectorClass}.ShiftRightLogical({a}.{(element.Type == Model.ElementType.Single ? "AsUInt32" : "AsUInt64")}(), {count}).{element.AsSelf}()";

    /// <summary>
    /// <c>v * 2^k</c> for an integral <paramref name="k"/> whose biased value (k plus the exponent bias) sits in the low
    /// bits of <paramref name="n"/> (see <see cref="ShiftIntoExponent"/>). Exact while the result stays normal.
    /// </summary>
    public virtual string MultiplyByPowerOfTwo(string v, string n, string k, ElementInfo element) => Multiply(v, ShiftIntoExponent(n, element));

    /// <summary>
    /// Whether a 16-entry table lookup of doubles (<see cref="Lookup16"/>) is one instruction here (AVX-512, scalar
    /// code): the widened log1p then uses a table and a short polynomial instead of a division and a longer one.
    /// </summary>
    public virtual bool HasLookup16 => false;

    /// <summary>How many double vectors one float vector widens into (2 for a vector path, 1 for scalar code).</summary>
    public virtual int WideningFactor => 2;

    /// <summary>Part <paramref name="part"/> (0: low half) of the float vector <paramref name="x"/>, widened to double.</summary>
    public virtual string Widen(string x, int part) => $"{VectorClass}.{(part == 0 ? "WidenLower" : "WidenUpper")}({x})";

    /// <summary>The float vector whose halves are the double vectors <paramref name="parts"/>, each rounded once.</summary>
    public virtual string Narrow(params string[] parts) => $"{VectorClass}.Narrow({parts[0]}, {parts[1]})";

    /// <summary>
    /// <c>table[j]</c> lane by lane, for a 16-entry double table (a <c>ReadOnlySpan&lt;double&gt;</c> property of the
    /// kernel class) and j in the low 4 bits of <paramref name="index"/>'s lanes.
    /// </summary>
    public virtual string Lookup16(string table, string index) => throw new System.NotSupportedException(Name + " has no table lookup.");

    /// <summary>
    /// <c>table[j]</c> lane by lane for a 16-entry float table and j in the low 4 bits of <paramref name="index"/>'s lanes
    /// (a float vector whose bits hold j): exact on every path, so paths that compute the same index agree bit for bit.
    /// The portable form: four shuffles, each giving 0 for indices outside its quarter, joined by OR.
    /// </summary>
    public virtual string Lookup16Single(string table, string index)
    {
        string j = $"({index}.AsInt32() & {VectorClass}.Create(15))";
        string Quarter(int q) => $"{VectorClass}.Shuffle({VectorClass}.Create({table}{(q == 0 ? "" : $".Slice({4 * q})")}), {j}{(q == 0 ? "" : $" - {VectorClass}.Create({4 * q})")}).AsInt32()";
        return $"({Quarter(0)} | {Quarter(1)} | {Quarter(2)} | {Quarter(3)}).AsSingle()";
    }

    /// <summary>Loads one vector from <paramref name="reference"/> at element offset <paramref name="index"/>.</summary>
    public virtual string Load(string reference, string index) => $"{VectorClass}.LoadUnsafe(ref {reference}, {index})";

    /// <summary>Stores <paramref name="value"/> at element offset <paramref name="index"/>.</summary>
    public virtual string Store(string value, string reference, string index) => $"{value}.StoreUnsafe(ref {reference}, {index})";

    /// <summary>The dialects in dispatch order, widest first; the scalar fallback last.</summary>
    public static readonly IsaDialect[] All =
    {
        new Avx512Dialect(),
        new Avx2Dialect(),
        new AdvSimdDialect(),
        new PortableVector128Dialect(),
        new ScalarDialect(),
    };

    public static IsaDialect Scalar => All[All.Length - 1];
}
