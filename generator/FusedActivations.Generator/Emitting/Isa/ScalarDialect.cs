namespace FusedActivations.Generator.Emitting.Isa;

/// <summary>
/// One element at a time, with the same operations as the vector paths (<c>MathF.FusedMultiplyAdd</c> is a single
/// instruction wherever the hardware has FMA), so its results match the vector paths of the same formula bit for bit.
/// Float kernels widen (scalar double arithmetic costs the same as float, and the table is an array), like AVX-512.
/// </summary>
internal sealed class ScalarDialect : IsaDialect
{
    public override string Name => "Scalar";

    public override int WidthBits => 0;

    public override bool HasFma => true;

    public override string Describe(ElementInfo element) => $"scalar, one {element.Name} at a time";

    public override string Guard(ElementInfo element) => "true";

    public override string Type(ElementInfo element) => element.Name;

    public override string Constant(string value) => value;

    public override string MultiplyAdd(string a, string b, string c, ElementInfo element) =>
        $"{MathClass(element)}.FusedMultiplyAdd({a}, {b}, {c})";

    public override string Max(string a, string b, ElementInfo element) => $"({a} > {b} ? {a} : {b})";

    public override string Min(string a, string b, ElementInfo element) => $"({a} < {b} ? {a} : {b})";

    public override string NegativeAbs(string a, ElementInfo element) => $"-{MathClass(element)}.Abs({a})";

    public override string NegateWhereNonNegative(string v, string a, ElementInfo element) => $"({a} >= 0 ? -{v} : {v})";

    public override string SelectLessThan(string a, string b, string whenTrue, string whenFalse) => $"({a} < {b} ? {whenTrue} : {whenFalse})";

    public override string SelectGreaterThan(string a, string b, string whenTrue, string whenFalse) => $"({a} > {b} ? {whenTrue} : {whenFalse})";

    public override string GreaterThan(string a, string b) => $"({a} > {b})";

    public override string Equal(string a, string b) => $"({a} == {b})";

    public override string LessThan(string a, string b) => $"({a} < {b})";

    public override string LessThanOrEqual(string a, string b) => $"({a} <= {b})";

    public override string GreaterThanOrEqual(string a, string b) => $"({a} >= {b})";

    public override string NotEqual(string a, string b) => $"({a} != {b})";

    public override string Abs(string a, ElementInfo element) => $"{MathClass(element)}.Abs({a})";

    public override string Sqrt(string a, ElementInfo element) => $"{MathClass(element)}.Sqrt({a})";

    public override string Minimum(string a, string b, ElementInfo element) => $"{MathClass(element)}.Min({a}, {b})";

    public override string Maximum(string a, string b, ElementInfo element) => $"{MathClass(element)}.Max({a}, {b})";

    public override string NotNaN(string a, ElementInfo element) => $"!{element.Name}.IsNaN({a})";

    public override string CopySign(string v, string sign, ElementInfo element) => $"{MathClass(element)}.CopySign({v}, {sign})";

    public override string Select(string mask, string whenTrue, string whenFalse) => $"({mask} ? {whenTrue} : {whenFalse})";

    public override string Where(string mask, string value) => $"({mask} ? {value} : 0)";

    public override string ShiftIntoExponent(string n, ElementInfo element) => element.Type == Model.ElementType.Single
        ? $"BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits({n}) << {element.MantissaBits})"
        : $"BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits({n}) << {element.MantissaBits})";

    public override string BitwiseAnd(string a, string b, ElementInfo element) => FromBits($"{ToBits(a, element)} & {ToBits(b, element)}", element);

    public override string BitwiseOr(string a, string b, ElementInfo element) => FromBits($"{ToBits(a, element)} | {ToBits(b, element)}", element);

    public override string ShiftRightLogical(string a, int count, ElementInfo element) => element.Type == Model.ElementType.Single
        ? FromBits($"(int)((uint){ToBits(a, element)} >> {count})", element)
        : FromBits($"(long)((ulong){ToBits(a, element)} >> {count})", element);

    public override bool HasLookup16 => true;

    public override int WideningFactor => 1;

    public override string Widen(string x, int part) => $"(double){x}";

    public override string Narrow(params string[] parts) => $"(float){parts[0]}";

    public override string Lookup16(string table, string index) => $"{table}[(int)BitConverter.DoubleToInt64Bits({index}) & 15]";

    public override string Lookup16Single(string table, string index) => $"{table}[BitConverter.SingleToInt32Bits({index}) & 15]";

    public override string Load(string reference, string index) => $"Unsafe.Add(ref {reference}, {index})";

    public override string Store(string value, string reference, string index) => $"Unsafe.Add(ref {reference}, {index}) = {value}";

    private static string ToBits(string a, ElementInfo element) => element.Type == Model.ElementType.Single
        ? $"BitConverter.SingleToInt32Bits({a})"
        : $"BitConverter.DoubleToInt64Bits({a})";

    private static string FromBits(string bits, ElementInfo element) => element.Type == Model.ElementType.Single
        ? $"BitConverter.Int32BitsToSingle({bits})"
        : $"BitConverter.Int64BitsToDouble({bits})";

    private static string MathClass(ElementInfo element) => element.Type == Model.ElementType.Single ? "MathF" : "Math";
}
