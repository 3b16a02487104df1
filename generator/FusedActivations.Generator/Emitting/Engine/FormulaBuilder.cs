using System;
using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Isa;
using FusedActivations.Generator.Emitting.Kernels;

namespace FusedActivations.Generator.Emitting.Engine;

/// <summary>
/// Builds one kernel step from typed <see cref="Value"/>s and writes it as readable C# for one path
/// (<c>var z = Beta * xc; // comment</c>). A formula is written once against these operations; the path's
/// <see cref="IsaDialect"/> spells them, and with several lanes every statement is written once per lane
/// (<c>z_0, z_1, ...</c>), so the processor always has independent work in flight. Names come from a
/// <see cref="NameScope"/> shared by the step, constants from the kernel's <see cref="ConstantTable"/>.
/// </summary>
internal sealed class FormulaBuilder
{
    private readonly IndentedWriter _writer;
    private readonly int _lanes;
    private readonly Func<int, string, string>? _result;

    /// <param name="writer">Where the statements go.</param>
    /// <param name="isa">The path's dialect.</param>
    /// <param name="element">The type the formula computes in (double for a widened float kernel).</param>
    /// <param name="constants">The kernel class's constants.</param>
    /// <param name="names">The step's local names.</param>
    /// <param name="lanes">How many independent vectors to compute side by side.</param>
    /// <param name="result">With several lanes: the statement that consumes lane u's result expression.</param>
    public FormulaBuilder(IndentedWriter writer, IsaDialect isa, ElementInfo element, ConstantTable constants, NameScope names, int lanes = 1, Func<int, string, string>? result = null)
    {
        _writer = writer;
        Isa = isa;
        Element = element;
        Constants = constants;
        Names = names;
        _lanes = lanes;
        _result = result;
    }

    public IsaDialect Isa { get; }

    public ElementInfo Element { get; }

    public ConstantTable Constants { get; }

    public NameScope Names { get; }

    public int Lanes => _lanes;

    /// <summary>
    /// A builder writing into the same step, with the same path, constants and names, for values of another type or
    /// lane count: a widened sub-formula (one float vector is two double vectors) inside a float formula.
    /// </summary>
    public FormulaBuilder With(ElementInfo element, int lanes, Func<int, string, string>? result) =>
        new(_writer, Isa, element, Constants, Names, lanes, result);

    /// <summary>Writes one statement the caller spelled itself (a declaration the operations cannot express).</summary>
    public void Statement(string text) => _writer.Line(text);

    /// <summary>An input the caller declares itself (one local per lane), as a value of <paramref name="element"/>.</summary>
    public Value Input(string name, ElementInfo? element = null) => new LocalValue(Names.Claim(name), element ?? Element, isMask: false);

    /// <summary>Locals claimed inside the returned scope get <paramref name="function"/> as a prefix when their name is taken.</summary>
    public IDisposable Scope(string function) => Names.Enter(function);

    /// <summary>Writes a comment line that explains the next statements.</summary>
    public void Comment(string text) => _writer.Line("// " + text);

    /// <summary>Binds <paramref name="value"/> to a new local (one per lane) and returns it.</summary>
    public Value Let(string name, Value value, string? comment = null)
    {
        var local = new LocalValue(Names.Claim(name), value.Element, value.IsMask);
        for (int u = 0; u < _lanes; u++)
        {
            string statement = $"var {local.Render(Isa, u, _lanes)} = {StripParentheses(value.Render(Isa, u, _lanes))};";
            _writer.Line(comment is null || u > 0 ? statement : statement + " // " + comment);
        }

        return local;
    }

    /// <summary>Writes <c>local = value;</c> for a local bound earlier.</summary>
    public void Assign(Value local, Value value)
    {
        if (local is not LocalValue)
        {
            throw new InvalidOperationException("Only a local can be assigned.");
        }

        SameType(local, value);
        for (int u = 0; u < _lanes; u++)
        {
            _writer.Line($"{local.Render(Isa, u, _lanes)} = {StripParentheses(value.Render(Isa, u, _lanes))};");
        }
    }

    /// <summary>Writes <c>return value;</c>, or with several lanes, the result statement of each lane.</summary>
    public void Return(Value value)
    {
        if (_result is null)
        {
            _writer.Line($"return {StripParentheses(value.Render(Isa, 0, 1))};");
            return;
        }

        for (int u = 0; u < _lanes; u++)
        {
            _writer.Line(_result(u, StripParentheses(value.Render(Isa, u, _lanes))));
        }
    }

    /// <summary>A constant declared earlier (a folded one, or one of the math library's).</summary>
    public Value C(string name) => new ConstantValue(Constants.Resolve(name), TypeOf(Constants.Get(Constants.Resolve(name))));

    /// <summary>The negated constant, folded into the constant itself.</summary>
    public Value NegC(string name) => new ConstantValue(Constants.Resolve(name), TypeOf(Constants.Get(Constants.Resolve(name))), negated: true);

    /// <summary>Declares a constant of the kernel class (of this formula's type) and refers to it.</summary>
    public Value Const(string name, double value, string? doc)
    {
        Constants.Add(new KernelConstant(name, value, doc, Element == Constants.KernelElement ? null : Element));
        return C(name);
    }

    /// <summary>A literal of this formula's type.</summary>
    public Value Lit(double value) => new LiteralValue(value, Element);

    public Value Add(Value a, Value b) => Op(a, b, (i, o) => i.Add(o[0], o[1]));

    public Value Sub(Value a, Value b) => Op(a, b, (i, o) => i.Subtract(o[0], o[1]));

    public Value Mul(Value a, Value b) => Op(a, b, (i, o) => i.Multiply(o[0], o[1]));

    public Value Neg(Value a) => Op(a, (i, o) => i.Negate(o[0]));

    /// <summary><c>a / b</c>, correctly rounded.</summary>
    public Value Div(Value a, Value b) => Op(a, b, (i, o) => i.Divide(o[0], o[1]));

    /// <summary>The magnitude of <paramref name="v"/> with the sign of <paramref name="sign"/>.</summary>
    public Value CopySign(Value v, Value sign) => Op(v, sign, (i, o) => i.CopySign(o[0], o[1], v.Element));

    /// <summary>The lane mask of <c>a == b</c>.</summary>
    public Value Equal(Value a, Value b)
    {
        SameType(a, b);
        return new OperationValue(a.Element, true, (i, o) => i.Equal(o[0], o[1]), a, b);
    }

    /// <summary>The lane mask of <c>a &lt; b</c>.</summary>
    public Value LessThan(Value a, Value b)
    {
        SameType(a, b);
        return new OperationValue(a.Element, true, (i, o) => i.LessThan(o[0], o[1]), a, b);
    }

    /// <summary>The lane mask of <c>a &lt;= b</c>.</summary>
    public Value LessThanOrEqual(Value a, Value b)
    {
        SameType(a, b);
        return new OperationValue(a.Element, true, (i, o) => i.LessThanOrEqual(o[0], o[1]), a, b);
    }

    /// <summary>The lane mask of <c>a &gt;= b</c>.</summary>
    public Value GreaterThanOrEqual(Value a, Value b)
    {
        SameType(a, b);
        return new OperationValue(a.Element, true, (i, o) => i.GreaterThanOrEqual(o[0], o[1]), a, b);
    }

    /// <summary>The lane mask of <c>a != b</c> (true where either is NaN, as in C#).</summary>
    public Value NotEqual(Value a, Value b)
    {
        SameType(a, b);
        return new OperationValue(a.Element, true, (i, o) => i.NotEqual(o[0], o[1]), a, b);
    }

    /// <summary><c>|a|</c>: the sign bit cleared (NaN stays NaN).</summary>
    public Value Abs(Value a) => Op(a, (i, o) => i.Abs(o[0], a.Element));

    /// <summary>The square root, correctly rounded on every path.</summary>
    public Value Sqrt(Value a) => Op(a, (i, o) => i.Sqrt(o[0], a.Element));

    /// <summary>IEEE minimum: NaN if either is NaN, -0 below +0 (.NET's <c>Math.Min</c>; the same on every path).</summary>
    public Value Minimum(Value a, Value b) => Op(a, b, (i, o) => i.Minimum(o[0], o[1], a.Element));

    /// <summary>
    /// <c>a * b + c</c> rounded once on every path, as <c>Math.FusedMultiplyAdd</c> promises (the path without FMA
    /// computes it lane by lane in scalar code: a user's formula asked for it).
    /// </summary>
    public Value FusedMultiplyAdd(Value a, Value b, Value c)
    {
        SameType(a, b);
        SameType(a, c);
        ElementInfo e = a.Element;
        if (!Isa.HasFma)
        {
            Constants.ExactMultiplyAddTypes.Add(e.Type);
        }

        return new OperationValue(e, false, (i, o) => i.ExactMultiplyAdd(o[0], o[1], o[2], e), a, b, c);
    }

    /// <summary><paramref name="y"/>, except NaN where <paramref name="x"/> is NaN (x itself): the last line of formulas whose min/max/clamps lose NaN.</summary>
    public Value KeepNaN(Value x, Value y)
    {
        RequireNumber(x);
        return Select(new OperationValue(x.Element, true, (i, o) => i.NotNaN(o[0], x.Element), x), y, x);
    }

    /// <summary><c>a * b + c</c>: one rounding on FMA paths.</summary>
    public Value Fma(Value a, Value b, Value c)
    {
        SameType(a, b);
        SameType(a, c);
        ElementInfo e = a.Element;
        return new OperationValue(e, false, (i, o) => i.MultiplyAdd(o[0], o[1], o[2], e), a, b, c);
    }

    public Value Max(Value a, Value b) => Op(a, b, (i, o) => i.Max(o[0], o[1], a.Element));

    /// <summary>IEEE maximum: NaN if either is NaN, +0 above -0 (the same on every path).</summary>
    public Value Maximum(Value a, Value b) => Op(a, b, (i, o) => i.Maximum(o[0], o[1], a.Element));

    public Value Min(Value a, Value b) => Op(a, b, (i, o) => i.Min(o[0], o[1], a.Element));

    /// <summary><c>-|a|</c>.</summary>
    public Value NegativeAbs(Value a) => Op(a, (i, o) => i.NegativeAbs(o[0], a.Element));

    /// <summary><c>a &gt;= 0 ? -v : v</c> by a's sign bit.</summary>
    public Value NegateWhereNonNegative(Value v, Value a) => Op(v, a, (i, o) => i.NegateWhereNonNegative(o[0], o[1], v.Element));

    /// <summary><c>a &lt; b ? whenTrue : whenFalse</c>, lane by lane.</summary>
    public Value SelectLessThan(Value a, Value b, Value whenTrue, Value whenFalse)
    {
        SameType(a, b);
        SameType(whenTrue, whenFalse);
        return new OperationValue(whenTrue.Element, false, (i, o) => i.SelectLessThan(o[0], o[1], o[2], o[3]), a, b, whenTrue, whenFalse);
    }

    /// <summary><c>a &gt; b ? whenTrue : whenFalse</c>, lane by lane.</summary>
    public Value SelectGreaterThan(Value a, Value b, Value whenTrue, Value whenFalse)
    {
        SameType(a, b);
        SameType(whenTrue, whenFalse);
        return new OperationValue(whenTrue.Element, false, (i, o) => i.SelectGreaterThan(o[0], o[1], o[2], o[3]), a, b, whenTrue, whenFalse);
    }

    /// <summary>The lane mask of <c>a &gt; b</c>.</summary>
    public Value GreaterThan(Value a, Value b)
    {
        SameType(a, b);
        return new OperationValue(a.Element, true, (i, o) => i.GreaterThan(o[0], o[1]), a, b);
    }

    /// <summary><c>mask ? whenTrue : whenFalse</c>, lane by lane.</summary>
    public Value Select(Value mask, Value whenTrue, Value whenFalse)
    {
        RequireMask(mask);
        SameType(whenTrue, whenFalse);
        return new OperationValue(whenTrue.Element, false, (i, o) => i.Select(o[0], o[1], o[2]), mask, whenTrue, whenFalse);
    }

    /// <summary><c>mask ? value : 0</c>, lane by lane.</summary>
    public Value Where(Value mask, Value value)
    {
        RequireMask(mask);
        RequireNumber(value);
        return new OperationValue(value.Element, false, (i, o) => i.Where(o[0], o[1]), mask, value);
    }

    /// <summary>The power of two whose biased exponent sits in the low bits of <paramref name="n"/> (see <see cref="IsaDialect.ShiftIntoExponent"/>).</summary>
    public Value ShiftIntoExponent(Value n) => Op(n, (i, o) => i.ShiftIntoExponent(o[0], n.Element));

    /// <summary><c>v * 2^k</c>, with k's biased exponent in the low bits of <paramref name="n"/>.</summary>
    public Value MultiplyByPowerOfTwo(Value v, Value n, Value k)
    {
        SameType(v, n);
        SameType(v, k);
        return new OperationValue(v.Element, false, (i, o) => i.MultiplyByPowerOfTwo(o[0], o[1], o[2], v.Element), v, n, k);
    }

    /// <summary>The bitwise AND of the two values' bit patterns.</summary>
    public Value BitAnd(Value a, Value b) => Op(a, b, (i, o) => i.BitwiseAnd(o[0], o[1], a.Element));

    /// <summary>The bitwise OR of the two values' bit patterns.</summary>
    public Value BitOr(Value a, Value b) => Op(a, b, (i, o) => i.BitwiseOr(o[0], o[1], a.Element));

    /// <summary>The value whose bits are <paramref name="a"/>'s shifted right by <paramref name="count"/>, zeros shifted in.</summary>
    public Value ShiftRightLogical(Value a, int count) => Op(a, (i, o) => i.ShiftRightLogical(o[0], count, a.Element));

    /// <summary>
    /// <c>table[j]</c> for j in the low 4 bits of each lane of <paramref name="index"/>; declares the table, of
    /// <paramref name="index"/>'s type (a float table is looked up in one to four instructions on every path).
    /// </summary>
    public Value Lookup16(string table, double[] values, string doc, Value index)
    {
        Constants.AddTable(table, values, doc, index.Element);
        return index.Element.Type == Model.ElementType.Single
            ? Op(index, (i, o) => i.Lookup16Single(table, o[0]))
            : Op(index, (i, o) => i.Lookup16(table, o[0]));
    }

    /// <summary>
    /// The exact rounding error of <paramref name="product"/> = fl(<paramref name="a"/> * <paramref name="b"/>): one
    /// FMA where the path has it, otherwise a call to the kernel's Dekker helper.
    /// </summary>
    public Value ProductError(Value a, Value b, Value product)
    {
        SameType(a, b);
        SameType(a, product);
        ElementInfo e = a.Element;
        ConstantTable constants = Constants;
        return new OperationValue(e, false, (i, o) =>
        {
            if (i.HasFma)
            {
                return i.MultiplyAdd(o[0], o[1], i.Negate(o[2]), e);
            }

            constants.TwoProductErrorTypes.Add(a.Element.Type);
            return $"TwoProductError({o[0]}, {o[1]}, {o[2]})";
        }, a, b, product);
    }

    /// <summary>
    /// c0 + c1 v + ... + cn v^n by Horner's rule with FMAs, one statement per step into a local named
    /// <paramref name="name"/>; the coefficients become the constants <paramref name="prefix"/>0..n (documented by
    /// <paramref name="doc"/> on the first).
    /// </summary>
    public Value Horner(string name, Value v, string prefix, IReadOnlyList<double> coefficients, string doc, string? comment = null)
    {
        for (int i = 0; i < coefficients.Count; i++)
        {
            Const(prefix + i, coefficients[i], i == 0 ? doc : null);
        }

        int degree = coefficients.Count - 1;
        Value h = Let(name, C(prefix + degree), comment);
        for (int i = degree - 1; i >= 0; i--)
        {
            Assign(h, Fma(h, v, C(prefix + i)));
        }

        return h;
    }

    private ElementInfo TypeOf(KernelConstant constant) => constant.Type ?? Constants.KernelElement;

    private static Value Op(Value a, Func<IsaDialect, string[], string> spell)
    {
        RequireNumber(a);
        return new OperationValue(a.Element, false, spell, a);
    }

    private static Value Op(Value a, Value b, Func<IsaDialect, string[], string> spell)
    {
        SameType(a, b);
        return new OperationValue(a.Element, false, spell, a, b);
    }

    private static void SameType(Value a, Value b)
    {
        RequireNumber(a);
        RequireNumber(b);
        if (a.Element != b.Element)
        {
            throw new InvalidOperationException($"A formula mixes {a.Element.Name} and {b.Element.Name} values.");
        }
    }

    private static void RequireNumber(Value a)
    {
        if (a.IsMask)
        {
            throw new InvalidOperationException("A mask is used where a number is expected.");
        }
    }

    private static void RequireMask(Value a)
    {
        if (!a.IsMask)
        {
            throw new InvalidOperationException("A number is used where a mask is expected.");
        }
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
