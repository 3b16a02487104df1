using Microsoft.CodeAnalysis;

namespace FusedActivations.Analyzers;

/// <summary>
/// The rules. Each message says what goes wrong for which inputs; <c>{0}</c> is the argument of exp (or the whole
/// expression for FA2006/FA2007), <c>{1}</c> and <c>{2}</c> are the bounds for the expression's element type.
/// </summary>
internal static class Descriptors
{
    /// <summary>
    /// Where the help pages live. The pages are docs/diagnostics/FA2xxx.md in this repository; change this one
    /// constant if the repository moves.
    /// </summary>
    internal const string HelpLinkBase = "https://github.com/fusedactivations/fusedactivations/blob/main/docs/diagnostics/";

    private const string Category = "Numerics";

    public static readonly DiagnosticDescriptor NaiveSoftplus = Create(
        DiagnosticIds.NaiveSoftplus,
        "Softplus computed as log(1 + exp(z)) overflows and underflows",
        "log(1 + exp(z)) with z = '{0}' gives +∞ for z > {1} and 0 (a 100% relative error) for z < {2}; call FusedMath.Softplus",
        DiagnosticSeverity.Warning,
        "exp(z) overflows long before softplus(z) ≈ z does, and 1 + exp(z) rounds to 1 once exp(z) is below half an ulp of 1. "
        + "FusedMath.Softplus (or a [Softplus] kernel) computes max(z, 0) + log1p(exp(-|z|)), which is accurate for every input.");

    public static readonly DiagnosticDescriptor NaiveInverseSoftplus = Create(
        DiagnosticIds.NaiveInverseSoftplus,
        "Inverse softplus computed as log(exp(y) - 1) overflows and cancels",
        "log(exp(y) - 1) with y = '{0}' gives +∞ for y > {1} and -∞ for 0 < y < {2}; call FusedMath.InverseSoftplus",
        DiagnosticSeverity.Warning,
        "exp(y) overflows for large y although the result is ≈ y, and exp(y) - 1 cancels catastrophically for small y. "
        + "FusedMath.InverseSoftplus computes y + log(-expm1(-y)), accurate for every y > 0.");

    public static readonly DiagnosticDescriptor NaiveLogAddExp = Create(
        DiagnosticIds.NaiveLogAddExp,
        "log(exp(a) + exp(b)) overflows and underflows",
        "log(exp(a) + exp(b)) with a = '{0}' gives +∞ when max(a, b) > {1} and -∞ when both are below {2}; call FusedMath.LogAddExp",
        DiagnosticSeverity.Warning,
        "The result is ≈ max(a, b), a moderate number, but exp of either term overflows or underflows first. "
        + "FusedMath.LogAddExp computes max(a, b) + log1p(exp(-|a - b|)).");

    public static readonly DiagnosticDescriptor NaiveSigmoid = Create(
        DiagnosticIds.NaiveSigmoid,
        "Sigmoid computed as exp(x) / (1 + exp(x)) gives NaN for large x",
        "exp(x) / (1 + exp(x)) with x = '{0}' gives NaN (∞/∞) for x > {1}; call FusedMath.Sigmoid",
        DiagnosticSeverity.Warning,
        "Both exp(x) terms overflow to +∞ and ∞/∞ is NaN where the sigmoid is 1. 1 / (1 + exp(-x)) or FusedMath.Sigmoid do not overflow.");

    public static readonly DiagnosticDescriptor NaiveLogSigmoid = Create(
        DiagnosticIds.NaiveLogSigmoid,
        "Log-sigmoid computed as log(1 / (1 + exp(-x))) overflows and underflows",
        "This log-sigmoid with x = '{0}' gives -∞ for x < -{1} and 0 (a 100% relative error) for x > {2}; call FusedMath.LogSigmoid",
        DiagnosticSeverity.Warning,
        "exp(-x) overflows for very negative x where log-sigmoid(x) ≈ x, and 1 + exp(-x) rounds to 1 for large x where log-sigmoid(x) ≈ -exp(-x). "
        + "FusedMath.LogSigmoid computes min(x, 0) - log1p(exp(-|x|)).");

    public static readonly DiagnosticDescriptor ImpreciseLog1P = Create(
        DiagnosticIds.ImpreciseLog1P,
        "log(1 + x) loses precision for small x",
        "'{0}' rounds 1 + x before the logarithm: digits are lost for small |x| and the result is 0 for |x| < {1}; call FusedMath.Log1P",
        DiagnosticSeverity.Info,
        "1 + x is rounded to the element type before the logarithm, so the low digits of a small x are gone "
        + "(double: relative error 8.3e-8 at x = 1e-10). .NET's double.LogP1, float.LogP1 and TensorPrimitives.LogP1 are implemented as "
        + "Log(x + 1) and have the same problem. FusedMath.Log1P is accurate.");

    public static readonly DiagnosticDescriptor ImpreciseExpM1 = Create(
        DiagnosticIds.ImpreciseExpM1,
        "exp(x) - 1 loses precision for small x",
        "'{0}' subtracts 1 from a rounded exp(x): digits are lost for small |x| and the result is 0 for |x| < {1}; call FusedMath.ExpM1",
        DiagnosticSeverity.Info,
        "exp(x) is ≈ 1 + x for small x, and subtracting 1 cancels the leading digits (double: relative error 8.3e-8 at x = 1e-10). "
        + ".NET's double.ExpM1, float.ExpM1 and TensorPrimitives.ExpM1 are implemented as Exp(x) - 1. FusedMath.ExpM1 is accurate.");

    public static readonly DiagnosticDescriptor NaiveTanh = Create(
        DiagnosticIds.NaiveTanh,
        "Tanh computed from exp overflows and cancels",
        "'{0}' computes tanh({1}) through exp: NaN (∞/∞) for {2}, and digits lost near 0; call Math.Tanh",
        DiagnosticSeverity.Warning,
        "The exp terms overflow to +∞ long before tanh saturates at ±1, and ∞/∞ is NaN; near 0 the numerator cancels "
        + "(double: relative error 8.3e-8 at x = 1e-10). Math.Tanh and MathF.Tanh are accurate for every input.");

    public static readonly DiagnosticDescriptor CancellingTanh = Create(
        DiagnosticIds.CancellingTanh,
        "1 ± tanh(u) cancels where tanh saturates",
        "'{0}' cancels where tanh(u) nears ∓1: it is 0 (a 100% relative error) for {1} and loses digits before; call {2}",
        DiagnosticSeverity.Warning,
        "tanh(u) rounds to ±1 for |u| above 19.06 (float: 9.01), so 1 - tanh(u) (large u) and 1 + tanh(u) (very negative u) "
        + "lose every digit, as in the tail of the tanh approximation of GELU. 1 ± tanh(u) = 2·sigmoid(±2u) exactly, "
        + "and FusedMath.Sigmoid is accurate where the difference is tiny.");

    public static readonly DiagnosticDescriptor NaiveLog1MExp = Create(
        DiagnosticIds.NaiveLog1MExp,
        "log(1 - exp(x)) cancels near 0 and underflows for very negative x",
        "log(1 - exp(x)) with x = '{0}' gives -∞ for {1} < x < 0 and 0 (a 100% relative error) for x < {2}; call FusedMath.Log1MExp",
        DiagnosticSeverity.Warning,
        "1 - exp(x) cancels for x near 0 (and is exactly 0 once exp(x) rounds to 1), and rounds to 1 for very negative x, where "
        + "the result is about -exp(x). FusedMath.Log1MExp computes log(-expm1(x)) above -ln 2 and log1p(-exp(x)) below (Mächler 2012).");

    public static readonly DiagnosticDescriptor UnshiftedSoftmax = Create(
        DiagnosticIds.UnshiftedSoftmax,
        "Softmax or log-sum-exp without subtracting the maximum overflows",
        "This sum of exp({0}) is +∞ once an element exceeds {1} (softmax gives NaN, log-sum-exp +∞) and 0 when every element is below {2}; subtract the maximum before exp",
        DiagnosticSeverity.Warning,
        "exp overflows for arguments above 709.78 (float: 88.72) and the sum with it, although every softmax output is in [0, 1] "
        + "and the log-sum-exp is about the largest element. Subtracting the maximum m first (exp(x - m), and m + log(sum) for "
        + "the log) gives the same values without overflow: every term is at most 1 and the largest is exactly 1.");

    public static readonly DiagnosticDescriptor FusableLoop = Create(
        DiagnosticIds.FusableLoop,
        "Elementwise loop can be one fused SIMD kernel",
        "This loop computes '{0}' one element at a time; [Fused] can generate one SIMD kernel for it",
        DiagnosticSeverity.Info,
        "A loop that maps arrays or spans element by element runs scalar code. The fix moves its formula into a formula method "
        + "and declares a [Fused] partial method (or, for a single activation, that activation's attribute) whose SIMD body the "
        + "FusedActivations generator writes, then calls it: plain arithmetic gives the loop's results bit for bit, math functions "
        + "are the library's, within their documented ULP bounds.");

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
