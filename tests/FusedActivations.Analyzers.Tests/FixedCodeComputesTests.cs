using System;
using System.Reflection;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using FusedActivations.TestSupport;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// The fixed code compiles and computes the right values: where the naive code overflows, underflows or cancels
/// the fixed code is within a few ULP of a double-double reference, and where the naive code is accurate the two
/// agree. The fixes are applied through a workspace like the IDE applies them, and the kernels the "Generate a SIMD
/// kernel" fix adds get the stand-in generator's bodies (scalar FusedMath loops with the attribute's beta and
/// threshold), so the kernel tests check the rewritten call site (spans, lengths, beta, cut-off), not SIMD code.
/// </summary>
public class FixedCodeComputesTests
{
    private const int MaxUlp = 4;

    private const string ScalarSubject = """
        using System;

        public static class Subject
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
            public static double SoftplusBeta(double x) => Math.Log(1 + Math.Exp(2 * x)) / 2;
            public static float SoftplusF(float x) => MathF.Log(1 + MathF.Exp(x));
            public static double InverseSoftplus(double y) => Math.Log(Math.Exp(y) - 1);
            public static double LogAddExp(double a, double b) => Math.Log(Math.Exp(a) + Math.Exp(b));
            public static double Sigmoid(double x) => Math.Exp(x) / (1 + Math.Exp(x));
            public static double LogSigmoid(double x) => -Math.Log(1 + Math.Exp(-x));
            public static double Log1P(double x) => Math.Log(1 + x);
            public static double ExpM1(double x) => Math.Exp(x) - 1;
            public static double Tanh(double x) => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x));
            public static double TanhDoubled(double x) => (Math.Exp(2 * x) - 1) / (Math.Exp(2 * x) + 1);
            public static double OneMinusTanh(double x) => 1 - Math.Tanh(x);
            public static double OnePlusTanh(double x) => 1 + Math.Tanh(x);
            public static double Log1MExp(double x) => Math.Log(1 - Math.Exp(-Math.Abs(x)));
            public static double GeluTanh(double x) => 0.5 * x * (1 + Math.Tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));
            public static double Local(double x)
            {
                var e = Math.Exp(x);
                return Math.Log(1 + e);
            }
        }
        """;

    private const string LoopSubject = """
        using System;

        public class Subject
        {
            public static void Map(double[] x, double[] y, int n)
            {
                for (int i = 0; i < n; i++) y[i] = Math.Log(1 + Math.Exp(3 * x[i])) / 3;
            }

            public static void MapF(float[] x, float[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = MathF.Log(1 + MathF.Exp(x[i]));
            }

            public static void InPlace(double[] v)
            {
                for (int i = 0; i < v.Length; i++) v[i] = Math.Log(1 + Math.Exp(v[i]));
            }

            public static void Sigmoid(double[] x, double[] y)
            {
                for (int i = 0; i < x.Length; i++) y[i] = Math.Exp(x[i]) / (1 + Math.Exp(x[i]));
            }

            public static void Tanh(double[] v)
            {
                for (int i = 0; i < v.Length; i++) v[i] = (Math.Exp(v[i]) - Math.Exp(-v[i])) / (Math.Exp(v[i]) + Math.Exp(-v[i]));
            }
        }
        """;

    private static readonly double[] Inputs = { -800, -745, -100, -40, -37, -20, -1, -1e-8, 0, 1e-300, 1e-8, 0.5, 1, 5, 19.5, 20, 20.5, 30, 40, 100, 700, 710, 800, 1e300 };

    private static readonly Lazy<Task<Type>> Scalar = new(() => BuildAsync(ScalarSubject, new UseFusedMathCodeFixProvider(), null));
    private static readonly Lazy<Task<Type>> Loops = new(() => BuildAsync(LoopSubject, new GenerateKernelCodeFixProvider(), null));
    private static readonly Lazy<Task<Type>> LoopsWithRealKernels = new(() =>
        BuildAsync(LoopSubject, new GenerateKernelCodeFixProvider(), new FusedActivations.Generator.ActivationGenerator()));

    private static async Task<Type> BuildAsync(string source, Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider provider, Microsoft.CodeAnalysis.IIncrementalGenerator? generator)
    {
        string fixedSource = await FixRunner.ApplyAllAsync(source, provider);
        Assert.DoesNotMatch(@"(?<![A-Za-z])MathF?\.(Log|Exp)\(", fixedSource); // every naive form was rewritten
        return FixRunner.CompileAndLoad(fixedSource, generator).GetType("Subject")!;
    }

    private static T Call<T>(Type type, string name, params object[] arguments) =>
        (T)type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static void AssertClose(double actual, DoubleDouble reference, string what)
    {
        double ulp = Ulp.Distance(actual, reference);
        Assert.True(ulp <= MaxUlp, $"{what}: {actual:R} is {ulp} ULP from {(double)reference:R}");
    }

    [Fact]
    public async Task ScalarFixesAreAccurateWhereTheNaiveFormsFail()
    {
        Type fixedType = await Scalar.Value;
        foreach (double x in Inputs)
        {
            AssertClose(Call<double>(fixedType, "Softplus", x), Reference.Softplus(x, 1, double.PositiveInfinity), $"Softplus({x})");
            AssertClose(Call<double>(fixedType, "Local", x), Reference.Softplus(x, 1, double.PositiveInfinity), $"Local({x})");
            AssertClose(Call<double>(fixedType, "SoftplusBeta", x), Reference.Softplus(x, 2, double.PositiveInfinity), $"SoftplusBeta({x})");
            AssertClose(Call<double>(fixedType, "Sigmoid", x), Reference.Sigmoid(x), $"Sigmoid({x})");
            AssertClose(Call<double>(fixedType, "LogSigmoid", x), Reference.LogSigmoid(x), $"LogSigmoid({x})");
            AssertClose(Call<double>(fixedType, "LogAddExp", x, x / 2), Reference.LogAddExp(x, x / 2), $"LogAddExp({x}, {x / 2})");
            AssertClose(Call<double>(fixedType, "Tanh", x), Reference.Tanh(x), $"Tanh({x})");
            AssertClose(Call<double>(fixedType, "TanhDoubled", x), Reference.Tanh(x), $"TanhDoubled({x})");
            AssertClose(Call<double>(fixedType, "OneMinusTanh", x), 2 * Reference.Sigmoid(-2 * x), $"OneMinusTanh({x})");
            AssertClose(Call<double>(fixedType, "OnePlusTanh", x), 2 * Reference.Sigmoid(2 * x), $"OnePlusTanh({x})");
            if (Math.Abs(x) < 1e100)
            {
                AssertClose(Call<double>(fixedType, "GeluTanh", x), Reference.GeluTanh(x), $"GeluTanh({x})");
            }

            if (x != 0)
            {
                AssertClose(Call<double>(fixedType, "Log1MExp", x), Reference.Log1MExp(-Math.Abs(x)), $"Log1MExp({x})");
            }
            if (x > 0)
            {
                AssertClose(Call<double>(fixedType, "InverseSoftplus", x), Reference.InverseSoftplus(x), $"InverseSoftplus({x})");
            }

            if (Math.Abs(x) < 700)
            {
                AssertClose(Call<double>(fixedType, "ExpM1", x), Reference.ExpM1(x), $"ExpM1({x})");
            }

            if (x > -1)
            {
                AssertClose(Call<double>(fixedType, "Log1P", x), Reference.Log1P(x), $"Log1P({x})");
            }

            float f = (float)x;
            if (!float.IsInfinity(f))
            {
                float result = Call<float>(fixedType, "SoftplusF", f);
                double ulp = Ulp.Distance(result, Reference.Softplus(f, 1f, float.PositiveInfinity));
                Assert.True(ulp <= 1, $"SoftplusF({f}): {result:R} is {ulp} float ULP off");
            }
        }
    }

    [Fact]
    public void TheInputsDoBreakTheNaiveForms()
    {
        // Guards the test above against inputs too tame to tell a fix from no fix.
        Assert.True(double.IsPositiveInfinity(Math.Log(1 + Math.Exp(800.0))));
        Assert.Equal(0, Math.Log(1 + Math.Exp(-40.0)));
        Assert.True(double.IsNaN(Math.Exp(800.0) / (1 + Math.Exp(800.0))));
        Assert.True(double.IsPositiveInfinity(Math.Log(Math.Exp(800.0) + Math.Exp(400.0))));
        Assert.True(double.IsPositiveInfinity(Math.Log(Math.Exp(800.0) - 1)));
        Assert.True(double.IsNaN((Math.Exp(710.0) - Math.Exp(-710.0)) / (Math.Exp(710.0) + Math.Exp(-710.0))));
        Assert.True(double.IsNaN((Math.Exp(2 * 400.0) - 1) / (Math.Exp(2 * 400.0) + 1)));
        Assert.Equal(0, 1 - Math.Tanh(20.0));
        Assert.Equal(0, 1 + Math.Tanh(-20.0));
        Assert.Equal(0, 0.5 * -20.0 * (1 + Math.Tanh(0.7978845608028654 * (-20.0 + 0.044715 * -20.0 * -20.0 * -20.0))));
        Assert.Equal(0, Math.Log(1 - Math.Exp(-40.0)));
        Assert.Equal(double.NegativeInfinity, Math.Log(1 - Math.Exp(-1e-300)));
        Assert.Equal(0, Math.Log(1 + 1e-300));
        Assert.Equal(0, Math.Exp(1e-300) - 1);
        Assert.True(Ulp.Distance(Math.Log(1 + 1e-8), Reference.Log1P(1e-8)) > 1e6);
    }

    [Fact]
    public async Task ScalarFixesAgreeWithTheNaiveFormsWhereThoseAreAccurate()
    {
        Type fixedType = await Scalar.Value;
        foreach (double x in new[] { -5.0, -1, -0.5, 0.25, 1, 3, 10 })
        {
            Assert.Equal(Math.Log(1 + Math.Exp(x)), Call<double>(fixedType, "Softplus", x), 1e-14);
            Assert.Equal(Math.Exp(x) / (1 + Math.Exp(x)), Call<double>(fixedType, "Sigmoid", x), 1e-14);
            Assert.Equal(Math.Log(Math.Exp(x) + Math.Exp(-x)), Call<double>(fixedType, "LogAddExp", x, -x), 1e-14);
            Assert.Equal(0.5 * x * (1 + Math.Tanh(0.7978845608028654 * (x + 0.044715 * x * x * x))), Call<double>(fixedType, "GeluTanh", x), 1e-14);
        }
    }

    [Fact]
    public Task KernelCallsMapTheSameElements() => CheckKernels(Loops, maxDoubleUlp: MaxUlp, maxFloatUlp: 1);

    /// <summary>
    /// The same fixed code compiled with the real FusedActivations generator's SIMD kernels (whatever paths this
    /// machine has): it compiles, and beta, cut-off, spans and lengths reach the kernels right. The bounds are the
    /// kernels' documented accuracy, looser than FusedMath's; a wrong beta or threshold is off by far more.
    /// </summary>
    [Fact]
    public Task KernelCallsWithTheRealGeneratorComputeTheSameElements() => CheckKernels(LoopsWithRealKernels, maxDoubleUlp: 8, maxFloatUlp: 2);

    private static async Task CheckKernels(Lazy<Task<Type>> build, double maxDoubleUlp, double maxFloatUlp)
    {
        Type fixedType = await build.Value;
        void Close(double actual, DoubleDouble reference, string what)
        {
            double ulp = Ulp.Distance(actual, reference);
            Assert.True(ulp <= maxDoubleUlp, $"{what}: {actual:R} is {ulp} ULP from {(double)reference:R}");
        }

        var x = new double[Inputs.Length + 3];
        Inputs.CopyTo(x, 0);
        var y = new double[x.Length];
        Call<object?>(fixedType, "Map", x, y, Inputs.Length);
        for (int i = 0; i < Inputs.Length; i++)
        {
            Close(y[i], Reference.Softplus(x[i], 3, double.PositiveInfinity), $"Map({x[i]})");
        }

        Assert.Equal(new double[3], y[Inputs.Length..]); // beyond n nothing is written

        float[] xf = Array.ConvertAll(Inputs, v => (float)v);
        var yf = new float[xf.Length];
        Call<object?>(fixedType, "MapF", xf, yf);
        for (int i = 0; i < xf.Length; i++)
        {
            if (!float.IsInfinity(xf[i]))
            {
                double ulp = Ulp.Distance(yf[i], Reference.Softplus(xf[i], 1f, float.PositiveInfinity));
                Assert.True(ulp <= maxFloatUlp, $"MapF({xf[i]}): {yf[i]:R} is {ulp} float ULP off");
            }
        }

        var v = (double[])Inputs.Clone();
        Call<object?>(fixedType, "InPlace", v);
        for (int i = 0; i < v.Length; i++)
        {
            Close(v[i], Reference.Softplus(Inputs[i], 1, double.PositiveInfinity), $"InPlace({Inputs[i]})");
        }

        // The other rows of the kernel fix's table: [Sigmoid] out of place, [Tanh] in place.
        var sigmoid = new double[Inputs.Length];
        Call<object?>(fixedType, "Sigmoid", (double[])Inputs.Clone(), sigmoid);
        var tanh = (double[])Inputs.Clone();
        Call<object?>(fixedType, "Tanh", tanh);
        for (int i = 0; i < Inputs.Length; i++)
        {
            Close(sigmoid[i], Reference.Sigmoid(Inputs[i]), $"Sigmoid({Inputs[i]})");
            Close(tanh[i], Reference.Tanh(Inputs[i]), $"Tanh({Inputs[i]})");
        }
    }
}
