using System;
using System.Collections.Generic;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static FusedActivations.Generator.Differentiation.Nodes;
using static FusedActivations.Generator.Tests.Differentiation.TestFormulas;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>
/// Every derivative rule against the central finite difference of its double-double reference
/// (<see cref="ExactDerivative"/>, good to about 2^-70 relative): the gradient formula of <c>f(x)</c>, evaluated with
/// grad0 = 1 as the kernel will evaluate it (each operator rounded once in the element type, each function exactly
/// rounded: <see cref="FormulaInterpreter"/>), at a few thousand points of the range where the derivative is a normal
/// number, in ULPs of the element type. A rule that is a sum of terms of opposite signs (SiLU, Mish, both GELUs:
/// their derivatives cross zero) cannot keep relative precision where the terms cancel: there, "next to the zero
/// crossing", meaning where the terms' magnitudes add up to more than 1.5 times the derivative's (a third or more
/// cancels), the error is measured in ULPs of that sum of magnitudes instead. The allowed errors are the measured
/// maxima rounded up: the rules' own rounding, with ideal functions; the emitter's functions add their error.
/// </summary>
public sealed class RuleAccuracyTests
{
    private readonly ITestOutputHelper _output;

    public RuleAccuracyTests(ITestOutputHelper output) => _output = output;

    /// <summary>A rule, where to measure it, and the error it is allowed.</summary>
    internal sealed record Case(
        string Name,
        ElementType Element,
        Func<FormulaNode, FormulaNode> Function,
        double Low,
        double High,
        double MaxUlp,
        Func<double, double>? Terms = null,
        double MaxUlpOfTermsNearCrossing = 0,
        double[]? Kinks = null,
        ActivationSpec? Spec = null,
        MathFunction? Math = null)
    {
        public override string ToString() => Name + (Element == ElementType.Single ? " float" : " double");
    }

    /// <summary>The cases by name (xunit shows the name; the case holds internal types).</summary>
    private static readonly Dictionary<string, Case> s_cases = AllCases();

    public static TheoryData<string> Cases()
    {
        var names = new TheoryData<string>();
        foreach (string name in s_cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    private static Dictionary<string, Case> AllCases()
    {
        var cases = new Dictionary<string, Case>();
        foreach (ElementType e in new[] { ElementType.Single, ElementType.Double })
        {
            bool f = e == ElementType.Single;
            double sigmoidRange = f ? 85 : 700;
            Add(cases, e, new ParameterlessSpec("Sigmoid"), -sigmoidRange, sigmoidRange, 1.5);
            Add(cases, e, new ParameterlessSpec("Tanh"), -sigmoidRange / 2, sigmoidRange / 2, 1.5);
            Add(cases, e, new ParameterlessSpec("LogSigmoid"), -sigmoidRange, sigmoidRange, 0.51);
            foreach (double beta in new[] { 1, 2, 0.5, 0.3, 3.7 })
            {
                Add(cases, e, new SoftplusSpec(beta, 20), -sigmoidRange / beta, 30 / beta, 1.05, kinks: new[] { 20 / beta });
                Add(cases, e, new SoftplusSpec(beta, double.PositiveInfinity), -sigmoidRange / beta, sigmoidRange / beta, 1.05);
            }

            foreach (double beta in new[] { 1, 1.7, 0.25 })
            {
                Add(cases, e, new SiluSpec(beta), -sigmoidRange / beta, sigmoidRange / beta, 2, terms: SiluTerms(beta), nearCrossing: 2);
            }

            Add(cases, e, new ParameterlessSpec("Mish"), -sigmoidRange, 60, 2, terms: MishTerms, nearCrossing: 1.5);
            foreach (double alpha in new[] { 1, 0.3, 2.5 })
            {
                Add(cases, e, new EluSpec(alpha), -sigmoidRange, 20, 1.5, kinks: new[] { 0.0 });
            }

            Add(cases, e, new ParameterlessSpec("Selu"), -sigmoidRange, 20, 1.5, kinks: new[] { 0.0 });
            Add(cases, e, new ParameterlessSpec("Relu"), -10, 10, 0, kinks: new[] { 0.0 });
            Add(cases, e, new LeakyReluSpec(0.01), -10, 10, 0, kinks: new[] { 0.0 });
            Add(cases, e, new LeakyReluSpec(-0.3), -10, 10, 0, kinks: new[] { 0.0 });
            Add(cases, e, new ParameterlessSpec("HardSwish"), -5, 5, 1.5, kinks: new[] { -3.0, 3.0 });
            Add(cases, e, new GeluSpec(false), f ? -13 : -37, f ? 13 : 37, 1.5, terms: GeluTerms, nearCrossing: 1.25);
            Add(cases, e, new GeluSpec(true), f ? -10 : -19, f ? 10 : 25, 2.25, terms: GeluTanhTerms, nearCrossing: 2.25);
            foreach (double beta in new[] { 1, 2, 0.7 })
            {
                Add(cases, e, new InverseSoftplusSpec(beta), 0, 100 / beta, 2);
            }

            double expRange = f ? 85 : 700;
            AddMath(cases, e, MathFunction.Exp, -expRange, expRange, 0.51);
            AddMath(cases, e, MathFunction.ExpM1, -expRange, expRange, 0.51);
            AddMath(cases, e, MathFunction.Log, 0, 1e30, 0.51);
            AddMath(cases, e, MathFunction.Log1P, -1, 1e30, 1.5);
            AddMath(cases, e, MathFunction.Sqrt, 0, 1e30, 1.5);
            AddMath(cases, e, MathFunction.Abs, -10, 10, 0, kinks: new[] { 0.0 });
            AddMath(cases, e, MathFunction.NormalCdf, f ? -13 : -37, f ? 13 : 37, 0.51);
            AddMath(cases, e, MathFunction.NormalPdf, f ? -13 : -37, f ? 13 : 37, 1.5);
        }

        return cases;
    }

    private static void Add(Dictionary<string, Case> cases, ElementType e, ActivationSpec spec, double low, double high, double maxUlp,
        Func<double, double>? terms = null, double nearCrossing = 0, double[]? kinks = null) =>
        Register(cases, new Case(FormulaText.Node(Activation(spec, P(0)), new[] { "x" }), e, x => Activation(spec, x), low, high, maxUlp, terms, nearCrossing, kinks, Spec: spec));

    private static void AddMath(Dictionary<string, Case> cases, ElementType e, MathFunction function, double low, double high, double maxUlp, double[]? kinks = null) =>
        Register(cases, new Case(function + "(x)", e, x => Call(function, x), low, high, maxUlp, Kinks: kinks, Math: function));

    private static void Register(Dictionary<string, Case> cases, Case c) => cases.Add(c.ToString(), c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleIsAccurate(string name)
    {
        Case c = s_cases[name];
        FormulaSpec gradient = Gradient(Formula(c.Element, new[] { "x" }, c.Function(P(0))));
        bool single = c.Element == ElementType.Single;
        double worst = 0, worstAt = double.NaN, worstNear = 0, worstNearAt = double.NaN;
        int measured = 0, near = 0;
        foreach (double x in Points(c))
        {
            DoubleDouble exact = c.Spec is not null ? ExactDerivative.OfActivation(c.Spec, c.Element, x) : ExactDerivative.OfMath(c.Math!.Value, x);
            if (Math.Abs(exact.Hi) < (single ? 1.1754943508222875E-38 : Math.ScaleB(1.0, -900)) && exact.Hi != 0)
            {
                // Subnormal derivatives (and, for double, the references' range limit) are outside what is measured.
                continue;
            }

            double g = FormulaInterpreter.Evaluate(gradient, x, 1.0)[0];
            measured++;
            double terms = c.Terms?.Invoke(x) ?? 0;
            if (terms > 1.5 * Math.Abs(exact.Hi))
            {
                near++;
                double error = Math.Abs(g - exact.Hi) / (single ? Ulp.OfFloat(terms) : Ulp.OfDouble(terms));
                if (!(error <= worstNear))
                {
                    (worstNear, worstNearAt) = (error, x);
                }
            }
            else
            {
                double error = single ? Ulp.Distance((float)g, exact.Hi) : Ulp.Distance(g, exact);
                if (!(error <= worst))
                {
                    (worst, worstAt) = (error, x);
                }
            }
        }

        string nearText = c.Terms is null ? "" : FormattableString.Invariant($"; next to the zero crossing ({near} points) max {worstNear:F3} ULP of the terms' magnitude at x = {worstNearAt:R}");
        _output.WriteLine(FormattableString.Invariant($"{c}: {measured} points, max {worst:F3} ULP at x = {worstAt:R}{nearText}"));
        Assert.True(measured > 1000, $"{c}: only {measured} points measured");
        Assert.True(worst <= c.MaxUlp, $"{c}: {worst} ULP at x = {worstAt:R} (allowed {c.MaxUlp})");
        Assert.True(worstNear <= c.MaxUlpOfTermsNearCrossing, $"{c}: {worstNear} ULP of the terms next to the zero crossing at x = {worstNearAt:R}");
    }

    /// <summary>SiLU': sigmoid(z) (1 + z sigmoid(-z)), the magnitudes of 1 and z sigmoid(-z) added.</summary>
    private static Func<double, double> SiluTerms(double beta) => x =>
    {
        double z = beta * x;
        return Reference.Sigmoid(z).Hi * (1 + Math.Abs(z * Reference.Sigmoid(-z).Hi));
    };

    /// <summary>Mish': t + x sigmoid(x) sech^2(softplus(x)), t = tanh(softplus(x)).</summary>
    private static double MishTerms(double x)
    {
        double sp = Reference.Softplus(x, 1, double.PositiveInfinity).Hi;
        double t = Math.Tanh(sp);
        return t + Math.Abs(x * Reference.Sigmoid(x).Hi * 4 * Reference.Sigmoid(2 * sp).Hi * Reference.Sigmoid(-2 * sp).Hi);
    }

    /// <summary>GELU': Phi(x) + x phi(x).</summary>
    private static double GeluTerms(double x) => ExactFunctions.NormalCdf(x).Hi + Math.Abs(x * ExactFunctions.NormalPdf(x).Hi);

    /// <summary>GELU-tanh': sigmoid(2u) + x sigmoid(2u) sigmoid(-2u) 2u'.</summary>
    private static double GeluTanhTerms(double x)
    {
        const double KBeta = 1.4142135623730951 * 1.1283791670955126 * 0.5;
        double twoU = 2 * KBeta * (x + (0.044715 * x * x * x));
        double twoUPrime = 2 * KBeta * (1 + (3 * 0.044715 * x * x));
        double s = Reference.Sigmoid(twoU).Hi;
        return s + Math.Abs(x * s * Reference.Sigmoid(-twoU).Hi * twoUPrime);
    }

    /// <summary>A uniform grid and random points (uniform and log-uniform in magnitude), rounded to the element type, off the kinks.</summary>
    private static IEnumerable<double> Points(Case c)
    {
        bool single = c.Element == ElementType.Single;
        var random = new Random(12);
        var points = new List<double>();
        for (int i = 0; i <= 1000; i++)
        {
            points.Add(c.Low + ((c.High - c.Low) * i / 1000));
        }

        for (int i = 0; i < 2000; i++)
        {
            points.Add(c.Low + ((c.High - c.Low) * random.NextDouble()));
            double magnitude = Math.Pow(2, -30 + (40 * random.NextDouble()));
            double signed = random.Next(2) == 0 ? -magnitude : magnitude;
            if (signed >= c.Low && signed <= c.High)
            {
                points.Add(signed);
            }
        }

        foreach (double p in points)
        {
            double x = single ? (float)p : p;
            if (x <= c.Low || x >= c.High || IsNearKink(x, c.Kinks))
            {
                continue;
            }

            yield return x;
        }
    }

    private static bool IsNearKink(double x, double[]? kinks)
    {
        foreach (double kink in kinks ?? Array.Empty<double>())
        {
            // The finite differences reach 2^-19 of the scale (at least 1) on each side.
            if (Math.Abs(x - kink) <= Math.ScaleB(Math.Max(Math.Abs(kink), 1), -18))
            {
                return true;
            }
        }

        return false;
    }
}
