using FusedActivations.Generator.Differentiation;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing.Fused;
using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Fused;

/// <summary>
/// FA1018 (a method's parameters against its formula) and FA1023 (a gradient method's layout), at the parameter at
/// fault; and the method-level checks shared with activation methods.
/// </summary>
public sealed class FusedSignatureDiagnosticTests
{
    private const string Formula = "static float G(float x, float y) => x * y;\n";

    private static void Single(string members, string id, string message, string[]? expectedCompilerIds = null) =>
        DiagnosticAssert.Single(FusedSources.InHead(Formula + members), id, message, expectedCompilerIds: expectedCompilerIds);

    [Fact]
    public void FA1018_TooFewParameters()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F[|(ReadOnlySpan<float> x, Span<float> destination)|];",
            "FA1018",
            "Method 'F' does not match its formula 'G': it has 2 parameters, but the formula's 2 inputs (x, y) and 1 output need 3: for each formula parameter a ReadOnlySpan<float>, a [Broadcast] ReadOnlySpan<float> or a float, then one Span<float> per output");
    }

    [Fact]
    public void FA1018_ASpanAsAnInput()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, [|Span<float>|] y, Span<float> destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': input 'y' (formula parameter 'y') must be a ReadOnlySpan<float>, a [Broadcast] ReadOnlySpan<float> or a float, not 'Span<float>'");
    }

    [Fact]
    public void FA1018_AnInputOfTheOtherElementType()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F([|ReadOnlySpan<double>|] x, ReadOnlySpan<float> y, Span<float> destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': input 'x' (formula parameter 'x') must be a ReadOnlySpan<float>, a [Broadcast] ReadOnlySpan<float> or a float, not 'ReadOnlySpan<double>'");
    }

    [Fact]
    public void FA1018_BroadcastOnAScalar()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, [[|Broadcast|]] float y, Span<float> destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': [Broadcast] applies to ReadOnlySpan<float> inputs only, and 'y' is a float (one run-time value for every element): remove the attribute, or make it a ReadOnlySpan<float>");
    }

    [Fact]
    public void FA1018_BroadcastOnAnOutput()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, [[|Broadcast|]] Span<float> destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': [Broadcast] applies to inputs only: remove it from output 'destination'");
    }

    [Fact]
    public void FA1018_AReadOnlyOutput()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, [|ReadOnlySpan<float>|] destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': output 'destination' must be a Span<float>, not 'ReadOnlySpan<float>'");
    }

    [Fact]
    public void FA1018_NotVoid()
    {
        Single(
            "[Fused(nameof(G))] public static partial [|float|] F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': it must return void: the outputs are its Span<float> parameters");
    }

    [Fact]
    public void FA1018_ByReference()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, [|ref float y|], Span<float> destination);",
            "FA1018",
            "Method 'F' does not match its formula 'G': parameter 'y' is passed by reference: pass spans and scalars by value");
    }

    [Fact]
    public void FA1023_TheGradientLayoutsCount()
    {
        Single(
            "[FusedGradient(nameof(G))] public static partial void B[|(ReadOnlySpan<float> x, float y, ReadOnlySpan<float> g)|];",
            "FA1023",
            "Gradient method 'B' does not match its formula 'G': it has 3 parameters, but takes 4: its 2 inputs (x, y) as for [Fused], then one ReadOnlySpan<float> gradient per output (1), then one Span<float> per input that is not a float scalar, in order");
    }

    [Fact]
    public void FA1023_AnOutputGradientThatIsNotAReadOnlySpan()
    {
        Single(
            "[FusedGradient(nameof(G))] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> y, [|float|] g, Span<float> gx, Span<float> gy);",
            "FA1023",
            "Gradient method 'B' does not match its formula 'G': 'g' must be a ReadOnlySpan<float>, the gradient of the formula's output, not 'float'");
    }

    [Fact]
    public void FA1023_ABroadcastOutputGradient()
    {
        Single(
            "[FusedGradient(nameof(G))] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> y, [[|Broadcast|]] ReadOnlySpan<float> g, Span<float> gx, Span<float> gy);",
            "FA1023",
            "Gradient method 'B' does not match its formula 'G': the gradients of the outputs have one value per element: remove [Broadcast] from 'g'");
    }

    [Fact]
    public void FA1023_AnInputGradientThatIsNotASpan()
    {
        Single(
            "[FusedGradient(nameof(G))] public static partial void B(ReadOnlySpan<float> x, [Broadcast] ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> gx, [|Span<double>|] gy);",
            "FA1023",
            "Gradient method 'B' does not match its formula 'G': 'gy' (the gradient of 'y') must be a Span<float>, not 'Span<double>'");
    }

    [Fact]
    public void FA1023_OnlyScalarInputs()
    {
        Single(
            "[FusedGradient(nameof(G))] public static partial void B[|(float x, float y, ReadOnlySpan<float> g)|];",
            "FA1023",
            "Gradient method 'B' does not match its formula 'G': every input is a float scalar, and scalars get no gradient: make at least one input a ReadOnlySpan<float>");
    }

    [Fact]
    public void FA1024_TheDerivativeIsNotAvailable()
    {
        // Every function has its derivative rule: what a user can write that has no gradient is a formula deeper than
        // FormulaGradient.MaxDepth through its locals. 3 locals of 190 nested products: 570 deep.
        DiagnosticAssert.Single(
            FusedSources.InHead(Chain(3, 190) + "[[|FusedGradient(nameof(Deep))|]] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gx);"),
            "FA1024",
            $"Formula 'Deep' is too deep to differentiate, so the gradient method 'B' cannot be generated: its operations depend on one another 570 deep through its locals, and a gradient is derived up to {FormulaGradient.MaxDepth} deep (less on a small thread stack); split it into two formulas applied one after the other, each with its own [Fused] and [FusedGradient] methods, and pass the second's input gradient to the first as its output gradient");
    }

    [Fact]
    public void FA1024_FromOnePastTheLimit()
    {
        Assert.Equal(500, FormulaGradient.MaxDepth);
        FusedParseResult within = FusedParserHarness.Parse("B", FusedSources.InHead(Chain(5, 100) + Gradient));
        Assert.Empty(within.Diagnostics);
        Assert.True(within.Method is { IsGradient: true });

        FusedParseResult past = FusedParserHarness.Parse("B", FusedSources.InHead(Chain(5, 100).Replace("float a0 = x;", "float a0 = -x;") + Gradient));
        Assert.Equal("FA1024", Assert.Single(past.Diagnostics).Id);
        Assert.Equal("501", past.Diagnostics[0].MessageArgs[2]);
    }

    [Fact]
    public void FA1024_TheSameWhateverTheStackOrTheJit()
    {
        // The limit is the formula's, not the stack's: as deep as the limit allows is derived on a 1 MB thread stack
        // (the smallest an IDE runs generators on), warm or cold, and the check of the stack still guards smaller ones.
        FormulaSpec forward = FusedParserHarness.Parse("F", FusedSources.InHead(Chain(5, 100) + Forward)).Method!.Formula;
        for (int run = 0; run < 3; run++)
        {
            Assert.NotNull(OnThread(1024 * 1024, () => FormulaGradient.Derive(forward, new[] { StreamKind.Elementwise })));
        }

        Assert.Null(OnThread(160 * 1024, () => FormulaGradient.Derive(forward, new[] { StreamKind.Elementwise })));
    }

    private const string Forward = "[Fused(nameof(Deep))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);";

    private const string Gradient = "[FusedGradient(nameof(Deep))] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> gx);";

    private static T? OnThread<T>(int stackBytes, System.Func<T?> run)
        where T : class
    {
        T? result = null;
        var thread = new System.Threading.Thread(() => result = run(), stackBytes);
        thread.Start();
        thread.Join();
        return result;
    }

    /// <summary>A formula <c>Deep</c> of <paramref name="locals"/> locals, each <paramref name="nesting"/> nested products with the one before.</summary>
    private static string Chain(int locals, int nesting)
    {
        var text = new System.Text.StringBuilder("static float Deep(float x)\n{\n    float a0 = x;\n");
        for (int i = 1; i <= locals; i++)
        {
            text.Append($"    float a{i} = ").Append(string.Concat(System.Linq.Enumerable.Repeat("3f * (", nesting))).Append($"a{i - 1}").Append(')', nesting).Append(";\n");
        }

        return text.Append($"    return a{locals};\n}}\n").ToString();
    }

    [Fact]
    public void FA1001_AndTheOtherMethodChecksApplyAsForActivations()
    {
        Single(
            "[Fused(nameof(G))] public static void [|F|](ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) { }",
            "FA1001",
            "Method 'F' is not declared 'partial' and has a body: declare it 'static partial', remove the body and end it with ';' so that the generator can supply the body");
    }

    [Fact]
    public void FA1005_AGenericMethodGetsThatErrorAlone()
    {
        Single(
            "[Fused(nameof(G))] public static partial void F[|<T>|](ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);",
            "FA1005",
            "Method 'F' must not be generic: remove the type parameters and declare one method per element type (float or double)");
    }

    [Fact]
    public void FA1010_AContainingTypeThatIsNotPartial()
    {
        DiagnosticAssert.Single(
            """
            using System;
            using FusedActivations;

            namespace Tests;

            public static class [|Head|]
            {
                static float G(float x) => x;
                [Fused(nameof(G))] public static partial void F(ReadOnlySpan<float> x, Span<float> destination);
            }
            """,
            "FA1010",
            "Type 'Head', which contains the activation method 'F', must be declared 'partial' so that the generator can add the method's body",
            expectedCompilerIds: new[] { "CS0260" });
    }

    [Fact]
    public void FA1009_FusedAndFusedGradientOnOneMethod()
    {
        Single(
            "[Fused(nameof(G)), [|FusedGradient(nameof(G))|]] public static partial void F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);",
            "FA1009",
            "Method 'F' already has the activation attribute 'Fused', so 'FusedGradient' cannot be applied too: keep one and declare a separate method for each activation");
    }
}
