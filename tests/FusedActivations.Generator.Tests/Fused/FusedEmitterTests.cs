using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using FusedActivations.Generator.Emitting.Fused;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using FusedActivations;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// The fused emitter on formulas built directly as IR (independent of the parser): the generated method and kernel
/// compile cleanly in a strict project, and run on this machine's path with C#'s results for plain arithmetic (bit for
/// bit), broadcast rows, run-time scalars, several outputs, in place, and argument errors before anything is written.
/// </summary>
public sealed class FusedEmitterTests
{
    private static readonly FormulaNode A = new ParameterNode(0);
    private static readonly FormulaNode B = new ParameterNode(1);
    private static readonly FormulaNode C = new ParameterNode(2);

    private static FormulaNode Bin(BinaryOperator op, FormulaNode l, FormulaNode r) => new BinaryNode(op, l, r);

    private static EquatableArray<T> Array<T>(params T[] items) where T : IEquatable<T> => new(ImmutableArray.Create(items));

    private static FusedMethodSpec Spec(string name, FormulaSpec formula, InputStream[] inputs, string[] outputs, string element = "float")
    {
        var parameters = inputs.Select(i => new ParameterSpec("", i.Kind == StreamKind.Scalar ? element : $"global::System.ReadOnlySpan<{element}>", i.ParameterName))
            .Concat(outputs.Select(o => new ParameterSpec("", $"global::System.Span<{element}>", o)))
            .ToArray();
        return new FusedMethodSpec("Demo", Array(new ContainingTypeSpec("class", "Kernels")), "public static partial", name,
            Array(parameters), Array(inputs), Array(outputs.Select(o => new OutputStream(o)).ToArray()), formula, IsGradient: false);
    }

    private static string Declaration(FusedMethodSpec spec) =>
        $"/// <summary>A fused method.</summary>\npublic static partial void {spec.Name}({string.Join(", ", spec.Parameters.Select(p => p.Type + " " + p.Name))});";

    /// <summary>Emits the specs, compiles them with their declarations strictly, and loads the assembly.</summary>
    private static Type Build(params FusedMethodSpec[] specs)
    {
        var sources = specs.Select(s => FusedEmitter.Emit(s, "tests")).ToArray();
        string declarations = "namespace Demo { /// <summary>Fused methods.</summary>\n public static partial class Kernels { " + string.Join("\n", specs.Select(Declaration)) + " } }";
        var all = sources.Select(s => s.Source).Concat(sources.Select(s => s.Kernel.Source).Distinct()).Append(declarations).ToArray();
        CSharpCompilation compilation = TestCompilation.Create(TestCompilation.ParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose), all)
            .WithOptions(TestCompilation.CompilationOptions().WithAllowUnsafe(false));
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        Diagnostic[] problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The fused code does not compile cleanly:\n" + string.Join("\n", problems.Select(d => d.ToString())) + "\n" + string.Join("\n//----\n", all));
        stream.Position = 0;
        Assembly assembly = new AssemblyLoadContext("fused-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
        return assembly.GetType("Demo.Kernels")!;
    }

    private delegate void Binary(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination);

    [Fact]
    public void PlainArithmeticMatchesCSharpBitForBitAtEveryLength()
    {
        // (a + b) * (a - b) / (b < 0 ? 3 : a): one rounding per operator in float, a blend for ?:.
        FormulaNode formula = Bin(BinaryOperator.Divide, Bin(BinaryOperator.Multiply, Bin(BinaryOperator.Add, A, B), Bin(BinaryOperator.Subtract, A, B)),
            new ConditionalNode(Comparison.LessThan, B, new LiteralNode(0), new LiteralNode(3), A));
        FusedMethodSpec spec = Spec("Mix", new FormulaSpec(ElementType.Single, Array("a", "b"), EquatableArray<FormulaNode>.Empty, Array(formula), "(a + b) * (a - b) / (b < 0 ? 3f : a)"),
            new[] { new InputStream(StreamKind.Elementwise, "a"), new InputStream(StreamKind.Elementwise, "b") }, new[] { "destination" });
        var mix = Build(spec).GetMethod("Mix")!.CreateDelegate<Binary>();
        var random = new Random(12);
        for (int length = 0; length <= 300; length += length < 40 ? 1 : 37)
        {
            float[] a = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();
            float[] b = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();
            float[] y = new float[length];
            mix(a, b, y);
            for (int i = 0; i < length; i++)
            {
                float expected = (a[i] + b[i]) * (a[i] - b[i]) / (b[i] < 0 ? 3f : a[i]);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(y[i]), $"length {length}, element {i}: {y[i]} instead of {expected}");
            }
        }
    }

    private delegate void Head(ReadOnlySpan<float> raw, ReadOnlySpan<float> bias, Span<float> destination);

    private delegate void TwoOut(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float s, Span<float> sum, Span<float> difference);

    private static FusedMethodSpec ScaleHead()
    {
        // softplus(raw + bias, beta = 2) + 1e-6f, bias one value per channel.
        FormulaNode sum = Bin(BinaryOperator.Add, A, B);
        FormulaNode formula = Bin(BinaryOperator.Add, new ActivationNode(new SoftplusSpec(2, 20), sum), new LiteralNode(1e-6f));
        return Spec("Scale", new FormulaSpec(ElementType.Single, Array("raw", "bias"), EquatableArray<FormulaNode>.Empty, Array(formula), "FusedMath.Softplus(raw + bias, 2f) + 1e-6f"),
            new[] { new InputStream(StreamKind.Elementwise, "raw"), new InputStream(StreamKind.Broadcast, "bias") }, new[] { "destination" });
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(3, 700)]
    [InlineData(16, 33)]
    [InlineData(17, 40)]
    [InlineData(600, 3)]
    public void BroadcastRowsMatchTheScalarFormula(int channels, int rows)
    {
        var scale = Build(ScaleHead()).GetMethod("Scale")!.CreateDelegate<Head>();
        var random = new Random(channels * 1000 + rows);
        float[] raw = Enumerable.Range(0, channels * rows).Select(_ => (float)(random.NextDouble() * 40 - 20)).ToArray();
        float[] bias = Enumerable.Range(0, channels).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        float[] y = new float[raw.Length];
        scale(raw, bias, y);
        float[] inPlace = (float[])raw.Clone();
        scale(inPlace, bias, inPlace);
        for (int i = 0; i < raw.Length; i++)
        {
            // The kernel's softplus and FusedMath's are both within 0.51 ULP: the sums may differ by one rounding step.
            float expected = FusedMath.Softplus(raw[i] + bias[i % channels], 2f) + 1e-6f;
            Assert.True(Math.Abs(y[i] - expected) <= MathF.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), $"element {i}: {y[i]} instead of {expected}");
            Assert.Equal(y[i], inPlace[i]);
        }
    }

    [Fact]
    public void ScalarsAndTwoOutputsMatchCSharpBitForBit()
    {
        var s = new ParameterNode(2);
        FusedMethodSpec spec = Spec("Pair", new FormulaSpec(ElementType.Single, Array("a", "b", "s"), EquatableArray<FormulaNode>.Empty,
                Array(Bin(BinaryOperator.Add, Bin(BinaryOperator.Multiply, A, s), B), Bin(BinaryOperator.Subtract, A, s)), "(a * s + b, a - s)"),
            new[] { new InputStream(StreamKind.Elementwise, "a"), new InputStream(StreamKind.Elementwise, "b"), new InputStream(StreamKind.Scalar, "s") },
            new[] { "sum", "difference" });
        var pair = Build(spec).GetMethod("Pair")!.CreateDelegate<TwoOut>();
        var random = new Random(5);
        foreach (int length in new[] { 0, 1, 7, 15, 16, 17, 64, 65, 257 })
        {
            float[] a = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() * 8 - 4).ToArray();
            float[] b = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() * 8 - 4).ToArray();
            float[] sum = new float[length];
            float[] difference = new float[length];
            pair(a, b, 1.3f, sum, difference);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(a[i] * 1.3f + b[i]), BitConverter.SingleToInt32Bits(sum[i]));
                Assert.Equal(BitConverter.SingleToInt32Bits(a[i] - 1.3f), BitConverter.SingleToInt32Bits(difference[i]));
            }
        }
    }

    [Fact]
    public void BadArgumentsThrowNamingTheParameterBeforeAnythingIsWritten()
    {
        var scale = Build(ScaleHead()).GetMethod("Scale")!.CreateDelegate<Head>();
        float[] raw = new float[12];
        float[] y = Enumerable.Repeat(7f, 12).ToArray();
        void Throws(string parameter, Action call)
        {
            ArgumentException e = Assert.Throws<ArgumentException>(call);
            Assert.Equal(parameter, e.ParamName);
            Assert.All(y, v => Assert.Equal(7f, v));
        }

        Throws("bias", () => scale(raw, new float[5], y));
        Throws("bias", () => scale(raw, new float[0], y));
        Throws("destination", () => scale(raw, new float[3], y.AsSpan(0, 11)));
        Throws("destination", () => scale(raw.AsSpan(0, 11), new float[1], raw.AsSpan(1, 11)));
        float[] both = new float[20];
        Throws("destination", () => scale(raw, both.AsSpan(0, 4), both.AsSpan(2, 12)));
    }

    private delegate void Backward(ReadOnlySpan<float> raw, ReadOnlySpan<float> bias, ReadOnlySpan<float> gradOutput, Span<float> gradRaw, Span<float> gradBias);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 700)]
    [InlineData(17, 64)]
    [InlineData(600, 3)]
    [InlineData(5, 0)]
    public void BroadcastGradientsAreRowSumsInDouble(int channels, int rows)
    {
        // A gradient-shaped kernel: per element g (raw + bias) for both outputs, the second summed over rows.
        FormulaNode g = new ParameterNode(2);
        FormulaNode value = Bin(BinaryOperator.Multiply, g, Bin(BinaryOperator.Add, A, B));
        FormulaSpec formula = new(ElementType.Single, Array("raw", "bias", "gradOutput"), EquatableArray<FormulaNode>.Empty, Array(value, value), "(g (raw + bias), g (raw + bias))");
        FusedMethodSpec spec = Spec("Back", formula,
            new[] { new InputStream(StreamKind.Elementwise, "raw"), new InputStream(StreamKind.Broadcast, "bias"), new InputStream(StreamKind.Elementwise, "gradOutput") },
            new[] { "gradRaw", "gradBias" }) with
        {
            IsGradient = true,
            Outputs = Array(new OutputStream("gradRaw", 0), new OutputStream("gradBias", 1)),
        };
        var back = Build(spec).GetMethod("Back")!.CreateDelegate<Backward>();
        var random = new Random(channels + rows);
        float[] raw = Enumerable.Range(0, channels * rows).Select(_ => (float)random.NextDouble() * 8 - 4).ToArray();
        float[] gradOutput = Enumerable.Range(0, channels * rows).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray();
        float[] bias = Enumerable.Range(0, channels).Select(_ => (float)random.NextDouble()).ToArray();
        float[] gradRaw = new float[raw.Length];
        float[] gradBias = Enumerable.Repeat(float.NaN, channels).ToArray();
        back(raw, bias, gradOutput, gradRaw, gradBias);
        double[] sums = new double[channels];
        for (int i = 0; i < raw.Length; i++)
        {
            float term = gradOutput[i] * (raw[i] + bias[i % channels]);
            Assert.Equal(term, gradRaw[i]);
            sums[i % channels] += term;
        }

        for (int c = 0; c < channels; c++)
        {
            Assert.Equal((float)sums[c], gradBias[c]);
        }
    }

    private delegate void UnaryFloat(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void UnaryDouble(ReadOnlySpan<double> x, Span<double> destination);

    private static FusedMethodSpec Unary(string name, MathFunction function, ElementType element) =>
        Spec(name, new FormulaSpec(element, Array("x"), EquatableArray<FormulaNode>.Empty, Array<FormulaNode>(new MathNode(function, Array(A))), name),
            new[] { new InputStream(StreamKind.Elementwise, "x") }, new[] { "destination" }, element == ElementType.Single ? "float" : "double");

    private static double UlpDistance(double actual, double expected)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0)
        {
            return actual.Equals(expected) || (expected == 0 && actual == 0) ? 0 : double.PositiveInfinity;
        }

        return Math.Abs(actual - expected) / (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));
    }

    [Theory]
    [InlineData("Exp")]
    [InlineData("ExpM1")]
    [InlineData("Log")]
    [InlineData("Log1P")]
    public void DoubleMathFunctionsAgreeWithTheRuntimesWithinOneUlp(string name)
    {
        MathFunction function = Enum.Parse<MathFunction>(name);
        var kernel = Build(Unary("F", function, ElementType.Double)).GetMethod("F")!.CreateDelegate<UnaryDouble>();
        Func<double, double> reference = function switch
        {
            MathFunction.Exp => Math.Exp,
            MathFunction.ExpM1 => FusedMath.ExpM1,
            MathFunction.Log => Math.Log,
            _ => FusedMath.Log1P,
        };
        var random = new Random(3);
        double[] x = Enumerable.Range(0, 4000).Select(i => i switch
        {
            < 1000 => random.NextDouble() * 20 - 10,
            < 2000 => random.NextDouble() * 1500 - 750,
            < 3000 => Math.ScaleB(random.NextDouble(), -random.Next(1, 1070)),
            _ => -Math.ScaleB(random.NextDouble(), -random.Next(1, 60)),
        }).Concat(new[] { 0.0, -0.0, 1, -1, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 709.78, 709.79, -745.2, -744, 1e-300, -1e-300 }).ToArray();
        double[] y = new double[x.Length];
        kernel(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = reference(x[i]);
            Assert.True(double.IsNaN(expected) ? double.IsNaN(y[i]) : UlpDistance(y[i], expected) <= 1.0, $"{function}({x[i]:R}) = {y[i]:R}, expected {expected:R}");
        }
    }
}
