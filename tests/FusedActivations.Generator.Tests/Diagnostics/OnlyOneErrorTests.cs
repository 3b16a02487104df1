using System.Linq;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>
/// Issue 9: for a method the generator reports an error for, it completes the declaration (a body that throws, or the
/// missing definition) so that the build shows our error and no compiler error beside it. The declarations it writes
/// must repeat any signature exactly, or they would add errors of their own.
/// </summary>
public sealed class OnlyOneErrorTests
{
    [Theory]
    [InlineData("public static partial void F<T>(Span<T> values) where T : struct, IComparable<T>;", "FA1005")]
    [InlineData("public static partial void F<T, U>(Span<float> values) where T : class?, new() where U : unmanaged;", "FA1005")]
    [InlineData("public static partial T F<T>(T x) where T : notnull, IEquatable<T>?;", "FA1005")]
    [InlineData("public static partial ref readonly float F(in float x);", "FA1003", "FA1003")]
    [InlineData("public static partial void F(out float x);", "FA1003")]
    [InlineData("public static partial void F(ref readonly Span<float> values);", "FA1003")]
    [InlineData("public static partial void F(params float[] values);", "FA1003")]
    [InlineData("public static partial void F(scoped ReadOnlySpan<float> x, scoped Span<float> destination, int n);", "FA1003")]
    [InlineData("public static partial string? F(string? x);", "FA1004")]
    [InlineData("public static partial (int a, string? b) F((int a, string? b) x);", "FA1004")]
    [InlineData("public static partial dynamic F(dynamic x);", "FA1004")]
    [InlineData("public static partial void F(System.Collections.Generic.List<string?>[] x, float @class);", "FA1003", "FA1003")]
    [InlineData("public static partial void F(__arglist);", "FA1003")]
    [InlineData("internal static partial float @default(int @int);", "FA1004")]
    [InlineData("public static partial async System.Threading.Tasks.Task F(float x) { await System.Threading.Tasks.Task.Yield(); }", "FA1004", "FA1001")]
    [InlineData("public static partial void F<T>(Span<T> values) where T : struct { values.Clear(); }", "FA1001", "FA1005")]
    public void TheGeneratorsErrorIsTheOnlyOne(string declaration, params string[] ids)
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass("[Softplus] " + declaration)).AssertNoGeneratorFailure();
        Assert.Equal(ids, run.Diagnostics.Select(d => d.Id).ToArray());
        Diagnostic[] others = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(others.Length == 0, "Besides the generator's errors: " + string.Join("\n", others.Select(d => d.ToString())));
        Assert.Single(run.MethodSources);
        Assert.Empty(run.SharedSources);
    }

    [Theory]
    [InlineData("[Softplus] public async partial void F(Span<float> values);")]
    [InlineData("[Softplus] public abstract partial void F(Span<float> values);")]
    [InlineData("static float G(float x) => x;\n[Fused(nameof(G))] public async partial void F(ReadOnlySpan<float> x, Span<float> destination);")]
    public void NoCompletionWhereItWouldHaveAnErrorOfItsOwn(string members)
    {
        // The compiler's errors at the declaration (CS1994 for 'async' without a body, which hides CS0708 for an
        // instance method in a static class; CS0750 for 'abstract') come first: a completion would only add its own
        // (CS0708; CS0500 for a body of an abstract method) in a generated file.
        GeneratorRun run = GeneratorHarness.Run(Sources.InActivationClass(members)).AssertNoGeneratorFailure();
        Assert.Equal("FA1002", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && !tree.FilePath.StartsWith("Source", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void InstanceMethodOfAStructInAnInterfaceAndInNestedTypes()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace N.M;

            public partial struct S
            {
                [Softplus] public readonly partial void F(Span<float> values);
            }

            public partial interface I
            {
                [Softplus] public static partial void F(Span<float> values);
            }

            public partial class Outer<T> where T : class
            {
                internal partial record Inner<U>
                {
                    [Softplus(Beta = -1)] public static partial void F(Span<float> values);
                }
            }
            """).AssertNoGeneratorFailure();
        Assert.Equal(new[] { "FA1002", "FA1012", "FA1006" }, run.Diagnostics.Select(d => d.Id).ToArray());
        Diagnostic[] others = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(others.Length == 0, "Besides the generator's errors: " + string.Join("\n", others.Select(d => d.ToString())));
        Assert.Equal(3, run.MethodSources.Length);
        Assert.Empty(run.SharedSources);
    }
}
