using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing.Fused;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>Shorthands for the formula specs the parser must produce.</summary>
internal static class FormulaAssert
{
    public static readonly ParameterNode X = new(0);
    public static readonly ParameterNode Y = new(1);
    public static readonly ParameterNode Z = new(2);

    public static EquatableArray<T> Array<T>(params T[] items)
        where T : System.IEquatable<T> => new(ImmutableArray.Create(items));

    public static LiteralNode Lit(double value) => new(value);

    public static LocalNode L(int index) => new(index);

    public static BinaryNode Add(FormulaNode left, FormulaNode right) => new(BinaryOperator.Add, left, right);

    public static BinaryNode Sub(FormulaNode left, FormulaNode right) => new(BinaryOperator.Subtract, left, right);

    public static BinaryNode Mul(FormulaNode left, FormulaNode right) => new(BinaryOperator.Multiply, left, right);

    public static BinaryNode Div(FormulaNode left, FormulaNode right) => new(BinaryOperator.Divide, left, right);

    public static MathNode Math(MathFunction function, params FormulaNode[] arguments) => new(function, Array(arguments));

    public static ActivationNode Act(ActivationSpec spec, FormulaNode argument) => new(spec, argument);

    /// <summary>The formula of valid method <paramref name="method"/>, asserting it parses without diagnostics.</summary>
    public static FormulaSpec Valid(string method, params string[] sources)
    {
        FusedParseResult result = FusedParserHarness.Parse(method, sources);
        Assert.True(result.Diagnostics.Count == 0, "Unexpected diagnostics: " + string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + string.Join(" | ", d.MessageArgs))));
        return Assert.IsType<FusedMethodSpec>(result.Method).Formula;
    }

    /// <summary>The single result of the valid float method <c>F</c> with formula <c>G</c>, with no locals.</summary>
    public static FormulaNode FloatResult(string formula, int inputs = 1) => SingleResult(Valid("F", FusedSources.Float(formula, inputs)));

    /// <summary>As <see cref="FloatResult"/>, for double.</summary>
    public static FormulaNode DoubleResult(string formula, int inputs = 1) => SingleResult(Valid("F", FusedSources.Double(formula, inputs)));

    private static FormulaNode SingleResult(FormulaSpec spec)
    {
        Assert.Empty(spec.Locals);
        return Assert.Single(spec.Results);
    }
}
