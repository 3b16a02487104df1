using System;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Activations;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator;

/// <summary>
/// Implements every <c>static partial</c> method that carries an activation attribute (e.g. <c>[Softplus]</c>) with a
/// kernel specialized for the attribute's arguments, and every <c>[Fused]</c> and <c>[FusedGradient]</c> method with a
/// kernel of its element formula (see <see cref="FusedPipeline"/>).
/// </summary>
/// <remarks>
/// The pipeline follows the Regex generator's design: <c>ForAttributeWithMetadataName</c> finds the methods and the
/// <see cref="Parser"/> turns each into an equatable <see cref="ParseResult"/> holding no symbols, syntax or locations,
/// so that an edit elsewhere leaves the cached results equal and skips emission. Diagnostics and method specs then
/// flow to separate outputs, so a change in one method re-emits only that method.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One pipeline per activation attribute: ForAttributeWithMetadataName matches exactly one attribute type.
        foreach (Activation activation in ActivationRegistry.All)
        {
            RegisterPipeline(context, activation.MetadataName);
        }

        // [Fused] and [FusedGradient]: element formulas written in C# (issue 12).
        FusedPipeline.Register(context);
    }

    private static void RegisterPipeline(IncrementalGeneratorInitializationContext context, string attributeMetadataName)
    {
        IncrementalValuesProvider<ParseResult> parseResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                (attributeContext, cancellationToken) => Parser.Parse(
                    (MethodDeclarationSyntax)attributeContext.TargetNode,
                    attributeContext.SemanticModel,
                    attributeMetadataName,
                    cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parseResults
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        IncrementalValuesProvider<MethodSpec> methods = parseResults
            .SelectMany(static (result, _) =>
                result.Method is null ? ImmutableArray<MethodSpec>.Empty : ImmutableArray.Create(result.Method))
            .WithTrackingName(TrackingNames.Methods);

        IncrementalValuesProvider<StubSpec> stubs = parseResults
            .SelectMany(static (result, _) =>
                result.Stub is null ? ImmutableArray<StubSpec>.Empty : ImmutableArray.Create(result.Stub))
            .WithTrackingName(TrackingNames.Stubs);

        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(stubs, static (output, stub) => output.AddSource(Emitter.HintName(stub), Emitter.EmitStub(stub)));
        // Shared types are internal: their names carry a tag of the assembly's name (see ConstantsInterface).
        IncrementalValueProvider<string> assemblyTag = context.CompilationProvider
            .Select(static (compilation, _) => Emitter.AssemblyTag(compilation.AssemblyName));

        IncrementalValuesProvider<EmittedMethod> emitted = methods
            .Combine(assemblyTag)
            .Select(static (pair, _) => Emitter.Emit(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Emitted);

        // Methods of one kernel shape share one kernel class: each is written once per compilation.
        IncrementalValueProvider<EquatableArray<SharedKernel>> kernels = emitted
            .Select(static (method, _) => method.Kernel)
            .Collect()
            .Select(static (all, _) => new EquatableArray<SharedKernel>(all.Distinct().OrderBy(kernel => kernel.Name, StringComparer.Ordinal).ToImmutableArray()))
            .WithTrackingName(TrackingNames.SharedKernels);

        context.RegisterSourceOutput(emitted, static (output, method) => output.AddSource(method.HintName, method.Source));
        context.RegisterSourceOutput(kernels, static (output, shared) =>
        {
            foreach (SharedKernel kernel in shared)
            {
                output.AddSource(kernel.HintName, kernel.Source);
            }
        });
    }
}
