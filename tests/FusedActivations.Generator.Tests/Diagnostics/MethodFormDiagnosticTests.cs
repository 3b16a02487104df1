using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>FA1001 (partial without body), FA1002 (static) and FA1005 (not generic), on the method's declaration.</summary>
public sealed class MethodFormDiagnosticTests
{
    private const string PartialAdvice = "declare it 'static partial' and end it with ';' so that the generator can supply the body";

    [Theory]
    [InlineData("[Softplus] public static void [|F|](Span<float> values) { }", "is not declared 'partial' and has a body: declare it 'static partial', remove the body and end it with ';' so that the generator can supply the body")]
    // Issue 9: the method is already 'static partial'; the fix is to remove the body. The generator adds the missing
    // definition, so the compiler does not report CS0759 too.
    [InlineData("[Softplus] public static partial void [|F|](Span<float> values) { }", "already has a body: remove the body and end the declaration with ';' so that the generator can supply it")]
    [InlineData("[Softplus] public static partial void [|F|](Span<float> values) => values.Clear();", "already has a body: remove the body and end the declaration with ';' so that the generator can supply it")]
    [InlineData("[Softplus] public static partial void [|F|](Span<float> values);\npublic static partial void F(Span<float> values) { }", "already has an implementing declaration: remove that declaration so that the generator can supply the body")]
    public void FA1001_MethodMustBePartialWithoutBody(string members, string problem) =>
        DiagnosticAssert.Single(Sources.InActivationClass(members), "FA1001", $"Method 'F' {problem}");

    [Fact]
    public void FA1001_NotPartial() =>
        DiagnosticAssert.Single(
            Sources.InActivationClass("[Softplus] public static void [|F|](Span<float> values);"),
            "FA1001",
            "Method 'F' is not declared 'partial': " + PartialAdvice,
            // Nothing can give a method that is not partial a body from another file; the compiler's error gives the same advice.
            expectedCompilerIds: new[] { "CS0501" });

    [Fact]
    public void FA1002_MethodMustBeStatic() =>
        DiagnosticAssert.Single(
            Sources.Usings + """
            public partial class Act
            {
                [Softplus] public partial void [|F|](Span<float> values);
            }
            """,
            "FA1002",
            "Method 'F' must be static: add the 'static' modifier (the generated kernel uses no instance state)");

    [Fact]
    public void FA1005_MethodMustNotBeGeneric() =>
        DiagnosticAssert.Single(
            Sources.InActivationClass("[Softplus] public static partial void F[|<T>|](Span<float> values);"),
            "FA1005",
            "Method 'F' must not be generic: remove the type parameters and declare one method per element type (float or double)");

    [Fact]
    public void GenericMethodGetsOnlyFA1005EvenWhenItsSignatureUsesTheTypeParameter() =>
        Assert.Equal(new[] { "FA1005" }, DiagnosticAssert.Ids(Sources.InActivationClass("[Softplus] public static partial T F<T>(T x);")));

    [Fact]
    public void EveryIndependentProblemIsReported() =>
        Assert.Equal(
            new[] { "FA1001", "FA1002", "FA1004" },
            DiagnosticAssert.Ids(Sources.Usings + """
                public partial class Act
                {
                    [Softplus] public void F(Span<int> values) { }
                }
                """));
}
