using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Generator.Tests.Hostile;

/// <summary>
/// Large and odd inputs on the generator side, each with its own CPU-time budget in a worker process (a hang fails with
/// the input instead of stalling CI): many methods in one file, a very long method name, deep and long namespaces, deep
/// type nesting, a huge attribute argument, names in escapes and other scripts. (Deep expressions and large files for
/// the analyzer are tested by the analyzer tests.)
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class LargeInputTests
{
    private const string Usings = "using System;\nusing FusedActivations;\n\n";

    private readonly ITestOutputHelper _output;

    public LargeInputTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void FiveHundredMethodsInOneFile()
    {
        // Too much generated code to compile in a test (~900,000 lines): the generator must implement every method and
        // every generated file must parse. Budget: about 20x what the generator takes on an idle core.
        const int count = 500;
        var source = new StringBuilder(Usings + "namespace Many;\n\npublic static partial class Act\n{\n");
        string[] shapes =
        {
            "void M{0}(ReadOnlySpan<float> x, Span<float> destination)",
            "void M{0}(Span<double> values)",
            "float M{0}(float x)",
            "void M{0}(ReadOnlySpan<double> x, Span<double> destination)",
        };
        for (int i = 0; i < count; i++)
        {
            source.Append("    [Softplus(Beta = ").Append(1 + (i % 17) / 4.0).Append(", Unroll = ").Append(1 << (i % 4)).Append(")]\n");
            source.Append("    public static partial ").AppendFormat(shapes[i % shapes.Length], i).Append(";\n");
        }

        source.Append("}\n");
        HostileCase hostile = new("large", $"{count} methods in one file", new[] { source.ToString() }, OracleKind.GeneratorOnly);
        CaseOutcome outcome = Run(hostile, TimeSpan.FromSeconds(120));
        Assert.Equal(count, outcome.Response!.GeneratedFiles);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(5000)]
    public void AVeryLongMethodName(int length)
    {
        string name = "Softplus" + new string('x', length - 8);
        Run(Case($"method name of {length} characters", Usings + $$"""
            namespace Long;

            public static partial class Act
            {
                [Softplus(Beta = 2)]
                public static partial void {{name}}(ReadOnlySpan<float> x, Span<float> destination);
            }
            """), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void DeepNamespaceNesting()
    {
        const int depth = 100;
        var source = new StringBuilder(Usings);
        for (int i = 0; i < depth; i++)
        {
            source.Append("namespace N").Append(i).Append(" {\n");
        }

        source.Append("public static partial class Act { [Softplus] public static partial void F(Span<float> values); }\n");
        source.Append('}', depth).Append('\n');
        Run(Case($"{depth} nested namespace blocks", source.ToString()), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void ALongDottedNamespace()
    {
        const int parts = 300;
        string ns = string.Join(".", Enumerable.Range(0, parts).Select(i => "Part" + i));
        Run(Case($"namespace of {parts} parts", Usings + $$"""
            namespace {{ns}};

            public static partial class Act
            {
                [Softplus] public static partial double F(double x);
            }
            """), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void DeepTypeNesting()
    {
        const int depth = 60;
        var source = new StringBuilder(Usings + "namespace Deep;\n");
        for (int i = 0; i < depth; i++)
        {
            source.Append(i % 3 == 2 ? "public partial struct S" : "public partial class C").Append(i).Append(i % 4 == 1 ? "<T" + i + ">" : string.Empty).Append(" {\n");
        }

        source.Append("[Softplus(Beta = 3)] internal static partial void F(ReadOnlySpan<double> x, Span<double> destination);\n");
        source.Append('}', depth).Append('\n');
        Run(Case($"{depth} nested types", source.ToString()), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void AHugeConstantAttributeArgument()
    {
        // The compiler folds it to 0.5; the generator reads the constant and points diagnostics at the expression.
        const int terms = 5000;
        string beta = "0.5" + string.Concat(Enumerable.Repeat(" + 0", terms));
        Run(Case($"Beta written as a sum of {terms} terms", Sources.InActivationClass(
            $"[Softplus(Beta = {beta}, Threshold = -{beta})] public static partial void F(Span<float> values);")), TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("escaped method name", "\\u0046ast", "Act")]
    [InlineData("escaped type name", "Fast", "A\\u0063t")]
    [InlineData("Japanese method name", "ソフトプラス", "Act")]
    [InlineData("Greek method name, Cyrillic type name", "σοφτπλους", "Акт")]
    [InlineData("fullwidth letters", "Ｆａｓｔ", "Ａｃｔ")]
    [InlineData("combining mark and formatting character", "Fa\u0301st\u200D", "Act")]
    public void NamesInEscapesAndOtherScripts(string description, string method, string type)
    {
        CaseOutcome outcome = Run(Case(description, Usings + $$"""
            namespace Names;

            public static partial class {{type}}
            {
                [Softplus] public static partial void {{method}}(ReadOnlySpan<float> x, Span<float> destination);

                [Softplus] public static partial double {{method}}(double x);
            }
            """), TimeSpan.FromSeconds(30));

        // Both methods implemented: the names are valid C#, so nothing may be skipped.
        Assert.Equal(2, outcome.Response!.GeneratedFiles);
    }

    private static HostileCase Case(string description, string source) =>
        new("large", description, new[] { source }, OracleKind.Swap);

    private CaseOutcome Run(HostileCase hostile, TimeSpan budget)
    {
        var stopwatch = Stopwatch.StartNew();
        var outcomes = WorkerPool.Shared.Run(new[] { hostile }, budget);
        HostileReport.Assert(hostile.Description, outcomes, _output, stopwatch.Elapsed);
        return outcomes[0];
    }
}
