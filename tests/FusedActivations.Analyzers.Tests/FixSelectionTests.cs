using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using FusedActivations.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

/// <summary>
/// Issue 9: each FA2001 occurrence has one fix (a kernel for a map loop, FusedMath for the rest), and Fix All gives
/// every occurrence its fix whichever provider and equivalence key it starts from, as <c>dotnet format</c> needs
/// (see <see cref="CommandLine.DotnetFormatTests"/> for the command itself).
/// </summary>
public class FixSelectionTests
{
    private const string Mixed = """
        using System;

        static class C
        {
            static double One(double x) => {|FA2001:Math.Log(1 + Math.Exp(x))|};

            static void Map(double[] v)
            {
                for (int i = 0; i < v.Length; i++) v[i] = {|FA2001:Math.Log(1 + Math.Exp(v[i]))|};
            }
        }
        """;

    private const string AllFixed = """
        using System;
        using FusedActivations;

        static partial class C
        {
            static double One(double x) => FusedMath.Softplus(x, 1, double.PositiveInfinity);

            static void Map(double[] v)
            {
                Softplus(v);
            }

            [Softplus(Threshold = double.PositiveInfinity)]
            private static partial void Softplus(Span<double> values);
        }
        """;

    [Fact]
    public async Task TheExpressionFixLeavesMapLoopsToTheKernelFixAndItsFixAllDoesBoth()
    {
        var test = new FixTest<UseFusedMathCodeFixProvider>
        {
            TestCode = Mixed,
            // One fix at a time: the expression fix is not offered on the loop.
            FixedCode = """
                using System;
                using FusedActivations;

                static class C
                {
                    static double One(double x) => FusedMath.Softplus(x, 1, double.PositiveInfinity);

                    static void Map(double[] v)
                    {
                        for (int i = 0; i < v.Length; i++) v[i] = {|FA2001:Math.Log(1 + Math.Exp(v[i]))|};
                    }
                }
                """,
            BatchFixedCode = AllFixed,
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task TheKernelFixAllAlsoFixesTheOtherOccurrences()
    {
        var test = new FixTest<GenerateKernelCodeFixProvider>
        {
            TestCode = Mixed,
            FixedCode = """
                using System;
                using FusedActivations;

                static partial class C
                {
                    static double One(double x) => {|FA2001:Math.Log(1 + Math.Exp(x))|};

                    static void Map(double[] v)
                    {
                        Softplus(v);
                    }

                    [Softplus(Threshold = double.PositiveInfinity)]
                    private static partial void Softplus(Span<double> values);
                }
                """,
            BatchFixedCode = AllFixed,
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync();
    }

    /// <summary>dotnet format's case: Fix All with no equivalence key (the first diagnostic had no action of this provider).</summary>
    [Theory]
    [InlineData(typeof(GenerateKernelCodeFixProvider))]
    [InlineData(typeof(UseFusedMathCodeFixProvider))]
    public async Task FixAllWithoutAKeyGivesEachOccurrenceItsFix(Type providerType)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await FixAllRunner.OpenAsync(Mixed.Replace("{|FA2001:", string.Empty).Replace("|}", string.Empty));
        Document result = await FixAllRunner.FixAllAsync(document, (CodeFixProvider)Activator.CreateInstance(providerType)!, equivalenceKey: null, diagnostics);
        Assert.Equal(AllFixed.Replace("\r\n", "\n"), (await result.GetTextAsync()).ToString().Replace("\r\n", "\n"));
    }

    /// <summary>
    /// Nothing to fix (generic math has no FusedMath overload): Fix All must return the document it was given, or
    /// dotnet format sees a change and skips the next fixer of the ID.
    /// </summary>
    [Fact]
    public async Task FixAllThatFixesNothingReturnsTheSameDocument()
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await FixAllRunner.OpenAsync("""
            using System.Numerics;

            static class C
            {
                static T M<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(T.One + T.Exp(x));
            }
            """);
        Assert.Single(diagnostics);
        Document result = await FixAllRunner.FixAllAsync(document, new GenerateKernelCodeFixProvider(), equivalenceKey: null, diagnostics);
        Assert.Same(document, result);
    }
}
