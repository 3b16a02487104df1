using System;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Emitting.Fused;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using FusedActivations.Generator.Parsing.Fused;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator;

/// <summary>
/// The incremental pipeline of <c>[Fused]</c> and <c>[FusedGradient]</c> methods, built like the activations' (see
/// <see cref="ActivationGenerator"/>) and tracked under the same step names, so the tests of caching cover it too.
/// </summary>
/// <remarks>
/// One difference: a formula method is shared. Two methods naming one broken formula (its <c>[Fused]</c> and its
/// <c>[FusedGradient]</c> method, typically) each find the same problem at the same place, so the diagnostics of all
/// fused methods are collected and each distinct one reported once.
/// </remarks>
internal static class FusedPipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<FusedParseResult> forward = Parse(context, FusedAttributes.FusedMetadataName);
        IncrementalValuesProvider<FusedParseResult> gradient = Parse(context, FusedAttributes.GradientMetadataName);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = forward.Collect()
            .Combine(gradient.Collect())
            .SelectMany(static (pair, _) => pair.Left.Concat(pair.Right).SelectMany(result => result.Diagnostics).Distinct().ToImmutableArray())
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValueProvider<string> assemblyTag = context.CompilationProvider
            .Select(static (compilation, _) => Emitter.AssemblyTag(compilation.AssemblyName));
        IncrementalValuesProvider<EmittedMethod> emittedForward = EmitMethods(context, forward, assemblyTag);
        IncrementalValuesProvider<EmittedMethod> emittedGradient = EmitMethods(context, gradient, assemblyTag);

        // Methods with the same formula and streams share one kernel class: each is written once per compilation.
        IncrementalValueProvider<EquatableArray<SharedKernel>> kernels = emittedForward.Select(static (method, _) => method.Kernel).Collect()
            .Combine(emittedGradient.Select(static (method, _) => method.Kernel).Collect())
            .Select(static (pair, _) => new EquatableArray<SharedKernel>(pair.Left.Concat(pair.Right).Distinct().OrderBy(kernel => kernel.Name, StringComparer.Ordinal).ToImmutableArray()))
            .WithTrackingName(TrackingNames.SharedKernels);
        context.RegisterSourceOutput(kernels, static (output, shared) =>
        {
            foreach (SharedKernel kernel in shared)
            {
                output.AddSource(kernel.HintName, kernel.Source);
            }
        });
    }

    private static IncrementalValuesProvider<FusedParseResult> Parse(IncrementalGeneratorInitializationContext context, string attributeMetadataName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                (attributeContext, cancellationToken) => FusedParser.Parse(
                    (MethodDeclarationSyntax)attributeContext.TargetNode,
                    attributeContext.SemanticModel,
                    attributeMetadataName,
                    cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

    /// <summary>Emits the valid methods of one attribute, and completes the invalid ones.</summary>
    private static IncrementalValuesProvider<EmittedMethod> EmitMethods(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<FusedParseResult> results,
        IncrementalValueProvider<string> assemblyTag)
    {
        IncrementalValuesProvider<StubSpec> stubs = results
            .SelectMany(static (result, _) => result.Stub is null ? ImmutableArray<StubSpec>.Empty : ImmutableArray.Create(result.Stub))
            .WithTrackingName(TrackingNames.Stubs);
        context.RegisterSourceOutput(stubs, static (output, stub) => output.AddSource(Emitter.HintName(stub), Emitter.EmitStub(stub)));

        IncrementalValuesProvider<FusedMethodSpec> methods = results
            .SelectMany(static (result, _) => result.Method is null ? ImmutableArray<FusedMethodSpec>.Empty : ImmutableArray.Create(result.Method))
            .WithTrackingName(TrackingNames.Methods);
        IncrementalValuesProvider<EmittedMethod> emitted = methods
            .Combine(assemblyTag)
            .Select(static (pair, _) => FusedEmitter.Emit(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Emitted);
        context.RegisterSourceOutput(emitted, static (output, method) => output.AddSource(method.HintName, method.Source));
        return emitted;
    }
}
