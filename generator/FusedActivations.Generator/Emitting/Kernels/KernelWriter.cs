using FusedActivations.Generator.Emitting.Isa;

namespace FusedActivations.Generator.Emitting.Kernels;

/// <summary>
/// Writes the body of one kernel step (one vector, or one scalar) as a sequence of named statements. Formulas call
/// its operations, which delegate the spelling to the <see cref="IsaDialect"/>, so a formula is written once and
/// comes out as readable C# for every path: <c>var z = Beta * xc; // comment</c>.
/// </summary>
internal sealed class KernelWriter
{
    private readonly IndentedWriter _writer;
    private readonly int _lanes;
    private readonly System.Func<int, string, string>? _result;
    private readonly System.Collections.Generic.HashSet<string> _locals = new();

    /// <param name="writer">Where the statements go.</param>
    /// <param name="isa">The path's dialect.</param>
    /// <param name="element">The element type.</param>
    /// <param name="lanes">
    /// How many independent vectors to compute side by side. With more than one, every statement is written once per
    /// lane, with the lane number appended to each local (<c>z_0, z_1, ...</c>): the processor then always has independent
    /// work in flight, instead of one long dependency chain at a time.
    /// </param>
    /// <param name="inputName">The input local (<c>x</c>), lane-suffixed like the others.</param>
    /// <param name="result">For <paramref name="lanes"/> &gt; 1: the statement that consumes lane u's result expression.</param>
    public KernelWriter(IndentedWriter writer, IsaDialect isa, ElementInfo element, int lanes = 1, string inputName = "x", System.Func<int, string, string>? result = null)
    {
        _writer = writer;
        Isa = isa;
        Element = element;
        _lanes = lanes;
        _result = result;
        _locals.Add(inputName);
    }

    public IsaDialect Isa { get; }

    public ElementInfo Element { get; }

    /// <summary>Writes a comment line that explains the next statements.</summary>
    public void Comment(string text) => _writer.Line("// " + text);

    /// <summary>Writes <c>var name = expression;</c> (with an optional trailing comment) and returns the name.</summary>
    public string Let(string name, string expression, string? comment = null)
    {
        for (int u = 0; u < _lanes; u++)
        {
            string target = LaneName(name, u, _lanes);
            string statement = $"var {target} = {StripParentheses(Lane(expression, u))};";
            _writer.Line(comment is null || u > 0 ? statement : statement + " // " + comment);
        }

        _locals.Add(name);
        return name;
    }

    /// <summary>Writes <c>name = expression;</c> for a variable declared earlier.</summary>
    public void Assign(string name, string expression)
    {
        for (int u = 0; u < _lanes; u++)
        {
            _writer.Line($"{Lane(name, u)} = {StripParentheses(Lane(expression, u))};");
        }
    }

    /// <summary>Writes <c>return expression;</c>, or with several lanes, the result statement of each lane.</summary>
    public void Return(string expression)
    {
        if (_result is null)
        {
            _writer.Line($"return {StripParentheses(expression)};");
            return;
        }

        for (int u = 0; u < _lanes; u++)
        {
            _writer.Line(_result(u, StripParentheses(Lane(expression, u))));
        }
    }

    /// <summary>The code for lane <paramref name="lane"/>: every local name gets the lane number appended.</summary>
    private string Lane(string code, int lane)
    {
        if (_lanes == 1)
        {
            return code;
        }

        // One pass over identifiers, so that a renamed local is never renamed again.
        return System.Text.RegularExpressions.Regex.Replace(
            code,
            @"\b[A-Za-z_][A-Za-z0-9_]*\b",
            m => _locals.Contains(m.Value) ? LaneName(m.Value, lane, _lanes) : m.Value);
    }

    /// <summary>Lane <paramref name="lane"/>'s name of the local <paramref name="name"/>: itself with one lane, else <c>name_lane</c>.</summary>
    public static string LaneName(string name, int lane, int lanes) => lanes == 1 ? name : name + "_" + lane;

    /// <summary>A named <c>const</c> of the kernel class, as a value of the path's type.</summary>
    public string C(string constantName) => Isa.Constant(constantName);

    /// <summary>A literal of the element type, as a value of the path's type.</summary>
    public string Lit(double value) => Isa.Constant(Element.Literal(value));

    public string Add(string a, string b) => Isa.Add(a, b);

    public string Sub(string a, string b) => Isa.Subtract(a, b);

    public string Mul(string a, string b) => Isa.Multiply(a, b);

    public string Neg(string a) => Isa.Negate(a);

    /// <summary>The negated named constant, folded into the constant itself.</summary>
    public string NegC(string constantName) => Isa.Constant("-" + constantName);

    /// <summary><c>a * b + c</c>: one rounding on FMA paths.</summary>
    public string Fma(string a, string b, string c) => Isa.MultiplyAdd(a, b, c, Element);

    public string Max(string a, string b) => Isa.Max(a, b, Element);

    public string Min(string a, string b) => Isa.Min(a, b, Element);

    public string NegativeAbs(string a) => Isa.NegativeAbs(a, Element);

    public string NegateWhereNonNegative(string v, string a) => Isa.NegateWhereNonNegative(v, a, Element);

    public string SelectLessThan(string a, string b, string whenTrue, string whenFalse) => Isa.SelectLessThan(a, b, whenTrue, whenFalse);

    public string SelectGreaterThan(string a, string b, string whenTrue, string whenFalse) => Isa.SelectGreaterThan(a, b, whenTrue, whenFalse);

    public string GreaterThan(string a, string b) => Isa.GreaterThan(a, b);

    public string Select(string mask, string whenTrue, string whenFalse) => Isa.Select(mask, whenTrue, whenFalse);

    public string Where(string mask, string value) => Isa.Where(mask, value);

    public string ShiftIntoExponent(string n) => Isa.ShiftIntoExponent(n, Element);

    /// <summary><c>v * 2^k</c>, with k's biased exponent in the low bits of <paramref name="n"/>.</summary>
    public string MultiplyByPowerOfTwo(string v, string n, string k) => Isa.MultiplyByPowerOfTwo(v, n, k, Element);

    /// <summary><c>table[j]</c> for j in the low 4 bits of each lane of <paramref name="index"/>.</summary>
    public string Lookup16(string table, string index) => Isa.Lookup16(table, index);

    /// <summary>Makes <paramref name="name"/>, declared by the caller (one per lane), a local that lanes rename.</summary>
    public void Declare(string name) => _locals.Add(name);

    /// <summary>
    /// The exact rounding error of the product <paramref name="product"/> = fl(<paramref name="a"/> * <paramref name="b"/>):
    /// one FMA where the path has it, otherwise a call to the kernel's Dekker helper.
    /// </summary>
    public string ProductError(string a, string b, string product) =>
        Isa.HasFma ? Fma(a, b, Neg(product)) : $"TwoProductError({a}, {b}, {product})";

    /// <summary>
    /// Evaluates c0 + c1*v + ... + cn*v^n by Horner's rule with FMAs from the named constants prefix0..prefixN, one
    /// statement per step into the variable <paramref name="name"/>, and returns the name.
    /// </summary>
    public string Horner(string name, string v, string prefix, int degree, string comment)
    {
        Let(name, C(prefix + degree), comment);
        for (int i = degree - 1; i >= 0; i--)
        {
            Assign(name, Fma(name, v, C(prefix + i)));
        }

        return name;
    }

    private static string StripParentheses(string expression)
    {
        if (expression.Length < 2 || expression[0] != '(' || expression[expression.Length - 1] != ')')
        {
            return expression;
        }

        // Only strip when the first '(' closes at the very end.
        int depth = 0;
        for (int i = 0; i < expression.Length; i++)
        {
            if (expression[i] == '(')
            {
                depth++;
            }
            else if (expression[i] == ')')
            {
                depth--;
                if (depth == 0 && i != expression.Length - 1)
                {
                    return expression;
                }
            }
        }

        return expression.Substring(1, expression.Length - 2);
    }
}
