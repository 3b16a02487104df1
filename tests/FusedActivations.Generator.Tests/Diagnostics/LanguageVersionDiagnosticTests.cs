using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>FA1011: the generated code uses file-local types, which need C# 11.</summary>
public sealed class LanguageVersionDiagnosticTests
{
    [Fact]
    public void FA1011_LanguageVersionBelow11() =>
        DiagnosticAssert.Single(
            Sources.InActivationClass("[Softplus] public static partial void [|F|](Span<float> values);"),
            "FA1011",
            "The code generated for 'F' needs C# 11 or later (it uses file-local types), but the project uses C# 10.0: set <LangVersion> to 11 or later",
            LanguageVersion.CSharp10);

    [Fact]
    public void CSharp11IsEnough()
    {
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(
            LanguageVersion.CSharp11,
            Sources.InActivationClass("[Softplus] public static partial void F(Span<float> values);"))).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.MethodSources);
        Assert.Single(run.KernelSources);
    }
}
