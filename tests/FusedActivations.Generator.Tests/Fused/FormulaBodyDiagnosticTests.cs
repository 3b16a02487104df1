using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// FA1019 (unsupported construct), FA1020 (mixed precision), FA1021 (activation argument not a constant) and FA1022
/// (recursion), each at the node at fault; and the activation attributes' own checks, at the argument.
/// </summary>
public sealed class FormulaBodyDiagnosticTests
{
    private static void Float(string formula, string id, string message, int inputs = 1, string[]? ignoreCompilerIds = null) =>
        DiagnosticAssert.Single(FusedSources.Float(formula, inputs), id, message, ignoreCompilerIds: ignoreCompilerIds);

    private static void Double(string formula, string id, string message, int inputs = 1) =>
        DiagnosticAssert.Single(FusedSources.Double(formula, inputs), id, message);

    [Fact]
    public void FA1019_AnOperatorOtherThanTheFour()
    {
        Float(
            "static float G(float x, float y) => [|x % y|] + 1f;",
            "FA1019",
            "'x % y' is not supported in formula 'G': a formula's operators are + - * / and unary minus (and comparisons, in the condition of '?:')",
            2);
    }

    [Fact]
    public void FA1019_AFunctionThatIsNotOneOfTheFormulas()
    {
        Float(
            "static float G(float x) => [|MathF.Pow(x, 3f)|];",
            "FA1019",
            "'MathF.Pow(x, 3f)' is not supported in formula 'G': 'MathF.Pow' is not one of the functions a formula may call: a formula may call Math or MathF Abs, Min, Max, Clamp, Exp, Log (one argument), Sqrt, FusedMultiplyAdd and Tanh, the FusedMath activations and FusedMath.Log1P and ExpM1, and other formula methods of its own type");
    }

    [Fact]
    public void FA1019_LogAddExpIsNotAnActivation()
    {
        Float(
            "static float G(float x, float y) => [|FusedMath.LogAddExp(x, y)|];",
            "FA1019",
            "'FusedMath.LogAddExp(x, y)' is not supported in formula 'G': 'FusedMath.LogAddExp' is not one of the functions a formula may call: a formula may call Math or MathF Abs, Min, Max, Clamp, Exp, Log (one argument), Sqrt, FusedMultiplyAdd and Tanh, the FusedMath activations and FusedMath.Log1P and ExpM1, and other formula methods of its own type",
            2);
    }

    [Fact]
    public void FA1019_AStatementOtherThanADeclarationOrTheReturn()
    {
        Float(
            """
            static float G(float x)
            {
                [|if (x > 0) return x;|]
                return 0f;
            }
            """,
            "FA1019",
            "'if (x > 0) return x;' is not supported in formula 'G': a formula's body is an expression ('=> ...'), or a block of local declarations with initializers and one 'return' at its end");
    }

    [Fact]
    public void FA1019_AConditionThatIsNotOneComparison()
    {
        Float(
            "static float G(float x) => [|x > 0 && x < 1|] ? x : 0f;",
            "FA1019",
            "'x > 0 && x < 1' is not supported in formula 'G': the condition of '?:' must be one comparison (<, <=, >, >=, ==, !=) of two float values");
    }

    [Fact]
    public void FA1019_AFieldThatIsNotConst()
    {
        Float(
            "static readonly float Scale = 2f; static float G(float x) => x * [|Scale|];",
            "FA1019",
            "'Scale' is not supported in formula 'G': 'Scale' is not a const, and only constants are folded into a formula: declare it const, or pass its value as a parameter");
    }

    [Fact]
    public void FA1019_AnIntegerLocalIsReportedOnceAtItsDeclaration()
    {
        Float(
            "static float G(float x) { [|int n = (int)x|]; return x * n + n; }",
            "FA1019",
            "'int n = (int)x' is not supported in formula 'G': local 'n' is an int, but every value of a float formula is a float");
    }

    [Fact]
    public void FA1019_ReadingATuplesElement()
    {
        Float(
            "static (float, float) Both(float x) => (x, -x); static float G(float x) => [|Both(x).Item1|];",
            "FA1019",
            "'Both(x).Item1' is not supported in formula 'G': a formula reads no fields or tuple elements: call a formula that returns the one value needed");
    }

    [Fact]
    public void FA1019_ACallOfAMethodThatIsNotAFormula()
    {
        Float(
            "static float Power(float x, int n) => n * x; static float G(float x) => [|Power(x, 3)|];",
            "FA1019",
            "'Power(x, 3)' is not supported in formula 'G': 'Power' is not a formula that can be inlined: it has parameter 'n' of type 'int', but its element type is float: make it float");
    }

    [Fact]
    public void FA1019_IsReportedInTheHelperThatHasIt()
    {
        Float(
            "static float Helper(float u) => [|u % 2f|]; static float G(float x) => Helper(x) + Helper(-x);",
            "FA1019",
            "'u % 2f' is not supported in formula 'Helper': a formula's operators are + - * / and unary minus (and comparisons, in the condition of '?:')");
    }

    [Fact]
    public void FA1019_ADeconstruction()
    {
        Float(
            "static (float, float) Two(float x) => (x, x); static float G(float x) { [|var (a, b) = Two(x);|] return a; }",
            "FA1019",
            "'var (a, b) = Two(x);' is not supported in formula 'G': a formula's body is an expression ('=> ...'), or a block of local declarations with initializers and one 'return' at its end");
    }

    [Fact]
    public void FA1019_NothingMayFollowTheReturn()
    {
        Float(
            "static float G(float x) { return x; [|const float k = 1f;|] }",
            "FA1019",
            "'const float k = 1f;' is not supported in formula 'G': nothing may follow the 'return': a formula's body is an expression ('=> ...'), or a block of local declarations with initializers and one 'return' at its end",
            ignoreCompilerIds: new[] { "CS0162", "CS0219" }); // The compiler's own warnings about the unreachable, unused local.
    }

    [Fact]
    public void FA1019_ALocalFunction()
    {
        Float(
            "static float G(float x) { [|static float H(float u) => u;|] return H(x); }",
            "FA1019",
            "'static float H(float u) => u;' is not supported in formula 'G': a formula's body is an expression ('=> ...'), or a block of local declarations with initializers and one 'return' at its end");
    }

    [Fact]
    public void FA1020_ADoubleLiteralInAFloatFormula()
    {
        Float(
            "static float G(float x) => (float)(x * [|0.5|]);",
            "FA1020",
            "'0.5' in formula 'G' is a double, but the formula computes in float: write 0.5f");
    }

    [Fact]
    public void FA1020_AMathFunctionWithoutAFloatOverload()
    {
        Float(
            "static float G(float x) => (float)[|Math.Exp(x)|] + 1f;",
            "FA1020",
            "'Math.Exp(x)' in formula 'G' is a double, but the formula computes in float: call MathF.Exp, which computes in float");
    }

    [Fact]
    public void FA1020_AComparisonInDouble()
    {
        Float(
            "static float G(float x) => x > [|-0.5d|] ? x : 0f;",
            "FA1020",
            "'-0.5d' in formula 'G' is a double, but the formula computes in float: write -0.5f");
    }

    [Fact]
    public void FA1020_AConversionToDouble()
    {
        Float(
            "static float G(float x) => (float)([|(double)x|] * x);",
            "FA1020",
            "'(double)x' in formula 'G' is a double, but the formula computes in float: remove the conversion to double: every value of a float formula is a float");
    }

    [Fact]
    public void FA1020_ADoubleConstant()
    {
        Float(
            "const double Half = 0.5; static float G(float x) => (float)(x * [|Half|]);",
            "FA1020",
            "'Half' in formula 'G' is a double, but the formula computes in float: convert it: (float)Half");
    }

    [Fact]
    public void FA1020_ADoubleLocalIsReportedOnceAtItsDeclaration()
    {
        Float(
            "static float G(float x) { [|double|] t = x; return (float)(t * t) + (float)t; }",
            "FA1020",
            "'t' in formula 'G' is a double, but the formula computes in float: declare it 'float t'");
    }

    [Fact]
    public void FA1020_AFloatFunctionInADoubleFormula()
    {
        Double(
            "static double G(double x) => [|MathF.Sqrt((float)x)|];",
            "FA1020",
            "'MathF.Sqrt((float)x)' in formula 'G' is a float, but the formula computes in double: call Math.Sqrt, which computes in double");
    }

    [Fact]
    public void FA1020_ADoubleActivationArgumentPicksTheDoubleOverload()
    {
        Float(
            "static float G(float x) => (float)FusedMath.Softplus(x, [|2.0|]);",
            "FA1020",
            "'2.0' in formula 'G' is a double, but the formula computes in float: write 2.0f");
    }

    [Fact]
    public void FA1021_AnActivationParameterThatIsNotAConstant()
    {
        Float(
            "static float G(float x, float beta) => FusedMath.Softplus(x, [|beta|]);",
            "FA1021",
            "Argument 'beta' of FusedMath.Softplus in formula 'G' must be a constant: the kernel folds it at compile time; write a literal or a const such as 1f",
            2);
    }

    [Fact]
    public void FA1022_AFormulaThatCallsItself()
    {
        Float(
            "static float G(float x) => x > 1f ? [|G(x / 2f)|] : x;",
            "FA1022",
            "Formula 'G' calls 'G' recursively (G -> G): formulas are inlined, so a call chain must not lead back to a formula it started from; compute the value without the recursive call");
    }

    [Fact]
    public void FA1022_MutualRecursion()
    {
        Float(
            "static float H(float u) => [|G(u)|] * 2f; static float G(float x) => H(x) + 1f;",
            "FA1022",
            "Formula 'H' calls 'G' recursively (G -> H -> G): formulas are inlined, so a call chain must not lead back to a formula it started from; compute the value without the recursive call");
    }

    [Fact]
    public void FA1006_AnInvalidBetaAtTheArgument()
    {
        Float(
            "static float G(float x) => FusedMath.Softplus(x, [|0f|]);",
            "FA1006",
            "Beta = 0 is not valid for 'G': beta must be greater than 0; use a finite value greater than 0 such as Beta = 1");
    }

    [Fact]
    public void FA1006_SiluBetaOutsideTheKernelsRange()
    {
        Float(
            "static float G(float x) => FusedMath.Silu(x, [|1e-31f|]);",
            "FA1006",
            "Beta = 9.999999796611898E-32 is not valid for 'G': the kernels support beta from 1E-30 to 1E+30 for float; use a finite value greater than 0 such as Beta = 1");
    }

    [Fact]
    public void FA1007_ANaNThreshold()
    {
        Double(
            "static double G(double x) => FusedMath.Softplus(x, 1.0, [|double.NaN|]);",
            "FA1007",
            "Threshold of 'G' must not be NaN: use a number such as Threshold = 20, or double.PositiveInfinity to turn the linear cut-off off");
    }

    [Fact]
    public void FA1013_AnInvalidAlpha()
    {
        Double(
            "static double G(double x) => FusedMath.Elu(x, [|-1.0|]);",
            "FA1013",
            "Alpha = -1 is not valid for 'G': it must be greater than 0; use a finite value greater than 0 such as Alpha = 1");
    }

    [Fact]
    public void FA1014_AnInfiniteSlope()
    {
        Float(
            "static float G(float x) => FusedMath.LeakyRelu(x, [|float.PositiveInfinity|]);",
            "FA1014",
            "NegativeSlope = Infinity is not valid for 'G': it must be finite; use a finite value such as NegativeSlope = 0.01");
    }
}
