using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer test with the repository's references (see <see cref="TestReferences"/>).</summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<NumericStabilityAnalyzer, DefaultVerifier>
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReferences(projectId, TestReferences.All));
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>
/// Code-fix test with the repository's references. The stand-in generator writes the bodies of the [Softplus]
/// methods a fix adds, so that the fixed code is compiled (and must compile) like a user's project would be.
/// </summary>
internal sealed class FixTest<TCodeFix> : CSharpCodeFixTest<NumericStabilityAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public FixTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReferences(projectId, TestReferences.All));
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(StandInKernelGenerator) };

    public static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new FixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }
}

/// <summary>
/// Code-fix test whose fixed code is compiled with the real FusedActivations generator (for the [Fused] kernels of
/// FA2012's fix, which the stand-in does not write).
/// </summary>
internal sealed class RealGeneratorFixTest<TCodeFix> : CSharpCodeFixTest<NumericStabilityAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public RealGeneratorFixTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReferences(projectId, TestReferences.All));
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(FusedActivations.Generator.ActivationGenerator) };

    public static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new RealGeneratorFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }
}
