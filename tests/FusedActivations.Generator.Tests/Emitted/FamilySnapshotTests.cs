using System.Threading.Tasks;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static FusedActivations.Generator.Tests.Snapshots.Verifier;

namespace FusedActivations.Generator.Tests.Emitted;

/// <summary>
/// One approved method file and one approved shared kernel per activation of the family (issue 11), generated from
/// <see cref="RepresentativeSources.FamilyMethod"/> (<c>FamilySnapshotTests.{Test}.verified.cs</c> beside this file).
/// The method file is the part every annotated method adds to a project, so it must stay short; the kernel is written
/// once per compilation. After an intended change to the emitter, review the <c>.received.cs</c> files and approve them
/// with <c>FUSEDACTIVATIONS_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public sealed class FamilySnapshotTests
{
    [Fact] public Task SigmoidMethod() => Verify(Generated("Sigmoid").Method, "cs");
    [Fact] public Task SigmoidKernel() => Verify(Generated("Sigmoid").Kernel, "cs");
    [Fact] public Task TanhMethod() => Verify(Generated("Tanh").Method, "cs");
    [Fact] public Task TanhKernel() => Verify(Generated("Tanh").Kernel, "cs");
    [Fact] public Task SiluMethod() => Verify(Generated("Silu").Method, "cs");
    [Fact] public Task SiluKernel() => Verify(Generated("Silu").Kernel, "cs");
    [Fact] public Task MishMethod() => Verify(Generated("Mish").Method, "cs");
    [Fact] public Task MishKernel() => Verify(Generated("Mish").Kernel, "cs");
    [Fact] public Task EluMethod() => Verify(Generated("Elu").Method, "cs");
    [Fact] public Task EluKernel() => Verify(Generated("Elu").Kernel, "cs");
    [Fact] public Task SeluMethod() => Verify(Generated("Selu").Method, "cs");
    [Fact] public Task SeluKernel() => Verify(Generated("Selu").Kernel, "cs");
    [Fact] public Task LogSigmoidMethod() => Verify(Generated("LogSigmoid").Method, "cs");
    [Fact] public Task LogSigmoidKernel() => Verify(Generated("LogSigmoid").Kernel, "cs");
    [Fact] public Task ReluMethod() => Verify(Generated("Relu").Method, "cs");
    [Fact] public Task ReluKernel() => Verify(Generated("Relu").Kernel, "cs");
    [Fact] public Task LeakyReluMethod() => Verify(Generated("LeakyRelu").Method, "cs");
    [Fact] public Task LeakyReluKernel() => Verify(Generated("LeakyRelu").Kernel, "cs");
    [Fact] public Task HardSwishMethod() => Verify(Generated("HardSwish").Method, "cs");
    [Fact] public Task HardSwishKernel() => Verify(Generated("HardSwish").Kernel, "cs");

    // GELU (erf), float: the widened rational formula, and the AVX2 and Vector128 steps as calls of one-vector groups.
    [Fact] public Task GeluMethod() => Verify(Generated("Gelu").Method, "cs");
    [Fact] public Task GeluKernel() => Verify(Generated("Gelu").Kernel, "cs");

    // Precision = Fast: float formulas in float on every path; the kernel's name says Fast.
    [Fact] public Task SoftplusFastKernel() => Verify(Generated("SoftplusFast", "SoftplusSingleFastKernel").Kernel, "cs");
    [Fact] public Task SiluFastKernel() => Verify(Generated("SiluFast", "SiluSingleFastKernel").Kernel, "cs");

    /// <summary>The one method file and the one shared file generated for the activation's representative method.</summary>
    private static (string Method, string Kernel) Generated(string activation, string? kernelName = null)
    {
        GeneratorRun run = GeneratorHarness.Run(RepresentativeSources.FamilyMethod(activation)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        GeneratedSourceResult method = Assert.Single(run.MethodSources);
        GeneratedSourceResult kernel = Assert.Single(run.SharedSources);
        Assert.StartsWith($"FusedActivations.Generated.{kernelName ?? activation}", kernel.HintName, System.StringComparison.Ordinal);
        return (method.SourceText.ToString(), kernel.SourceText.ToString());
    }
}
