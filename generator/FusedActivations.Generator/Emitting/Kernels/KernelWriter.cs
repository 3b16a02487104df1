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

    public KernelWriter(IndentedWriter writer, IsaDialect isa, ElementInfo element)
    {
        _writer = writer;
        Isa = isa;
        Element = element;
    }

    public IsaDialect Isa { get; }

    public ElementInfo Element { get; }

    /// <summary>Writes a comment line that explains the next statements.</summary>
    public void Comment(string text) => _writer.Line("// " + text);

    /// <summary>Writes <c>var name = expression;</c> (with an optional trailing comment) and returns the name.</summary>
    public string Let(string name, string expression, string? comment = null)
    {
        string statement = $"var {name} = {StripParentheses(expression)};";
        _writer.Line(comment is null ? statement : statement + " // " + comment);
        return name;
    }

    /// <summary>Writes <c>name = expression;</c> for a variable declared earlier.</summary>
    public void Assign(string name, string expression) => _writer.Line($"{name} = {StripParentheses(expression)};");

    /// <summary>Writes <c>return expression;</c>.</summary>
    public void Return(string expression) => _writer.Line($"return {StripParentheses(expression)};");

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
            _writer.Line($"{name} = {StripParentheses(Fma(name, v, C(prefix + i)))};");
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
