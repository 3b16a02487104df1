using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Generator.Tests.Emitted;

/// <summary>
/// Issue 11's build-cost bar, the part a unit test can hold: at most 150 generated lines per additional annotated
/// method, whatever the activation, so that a project's generated code grows with the kinds of kernels it uses and not
/// with its number of methods. (The other part, 100 methods building within 5 s of one, is measured by
/// <c>scripts/probes/build-cost.sh</c>.)
/// </summary>
public sealed class GeneratedSizeTests
{
    /// <summary>The bar of issue 11.</summary>
    public const int MaxLinesPerAdditionalMethod = 150;

    private readonly ITestOutputHelper _output;

    public GeneratedSizeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Every attribute of the family and Softplus, in turn, on float and double methods of the three shapes.</summary>
    private static readonly string[] Attributes = RepresentativeSources.FamilyAttributes
        .Concat(new[] { "Softplus", "Softplus(Beta = 2)", "Softplus(Beta = 1.5, Threshold = 10)" })
        .ToArray();

    /// <summary>
    /// <paramref name="count"/> methods cycling through <see cref="Attributes"/>, element types and shapes; each
    /// attribute gets a parameter value of its own per method where it has one, as real projects would write them.
    /// </summary>
    public static string Methods(int count)
    {
        var source = new StringBuilder("using System;\nusing FusedActivations;\n\nnamespace Samples.Size;\n\npublic static partial class Many\n{\n");
        for (int i = 0; i < count; i++)
        {
            string attribute = Attributes[i % Attributes.Length];
            string type = (i / Attributes.Length) % 2 == 0 ? "float" : "double";
            string member = ((i / (2 * Attributes.Length)) % 3) switch
            {
                0 => $"void M{i}(ReadOnlySpan<{type}> x, Span<{type}> destination)",
                1 => $"void M{i}(Span<{type}> values)",
                _ => $"{type} M{i}({type} x)",
            };
            source.Append($"    [{attribute}] public static partial {member};\n");
        }

        return source.Append("}\n").ToString();
    }

    [Fact]
    public void OneHundredMixedMethodsAddAtMost150LinesEach()
    {
        GeneratorRun one = GeneratorHarness.Run(Methods(1)).AssertNoGeneratorFailure();
        GeneratorRun many = GeneratorHarness.Run(Methods(100)).AssertNoGeneratorFailure();
        Assert.Empty(many.Diagnostics);
        Assert.Equal(100, many.MethodSources.Length);

        int[] methodLines = many.MethodSources.Select(s => Lines(s)).ToArray();
        int kernelLines = many.SharedSources.Sum(Lines);
        _output.WriteLine(
            $"100 methods of {Attributes.Length} attributes: method files {methodLines.Min()}–{methodLines.Max()} lines "
            + $"(mean {methodLines.Average():F1}); {many.SharedSources.Length} shared kernels, {kernelLines} lines "
            + $"({one.SharedSources.Sum(Lines)} for the one kernel of 1 method)");

        // Every method's own file is small: this is what each further method of a kernel already in use costs.
        Assert.All(many.MethodSources, s => Assert.True(Lines(s) <= MaxLinesPerAdditionalMethod, $"{s.HintName}: {Lines(s)} lines"));

        // Kernels are shared: one per activation, element type and constants shape, however many methods use it.
        string[] kernels = many.SharedSources.Select(s => s.HintName).ToArray();
        Assert.Equal(kernels.Length, kernels.Distinct().Count());
        Assert.True(kernels.Length <= 2 * (Attributes.Length + 2), string.Join(", ", kernels));
    }

    [Fact]
    public void FurtherMethodsOfKernelsInUseAddOnlyTheirOwnFiles()
    {
        // 100 methods against 200: the second hundred uses the kernels the first already brought, so everything it
        // adds is per-method code, which must stay within the bar.
        GeneratorRun hundred = GeneratorHarness.Run(Methods(100)).AssertNoGeneratorFailure();
        GeneratorRun twoHundred = GeneratorHarness.Run(Methods(200)).AssertNoGeneratorFailure();
        Assert.Empty(twoHundred.Diagnostics);

        int added = Total(twoHundred) - Total(hundred);
        double perMethod = added / 100.0;
        _output.WriteLine($"100 methods: {Total(hundred)} lines; 200 methods: {Total(twoHundred)} lines; {perMethod:F1} lines per additional method");
        Assert.Equal(hundred.SharedSources.Select(s => s.HintName), twoHundred.SharedSources.Select(s => s.HintName));
        Assert.True(perMethod <= MaxLinesPerAdditionalMethod, $"{perMethod:F1} lines per additional method");
    }

    private static int Total(GeneratorRun run) => run.Result.GeneratedSources.Sum(Lines);

    private static int Lines(GeneratedSourceResult source) => source.SourceText.Lines.Count;
}
