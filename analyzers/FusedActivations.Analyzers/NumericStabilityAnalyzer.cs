using System.Collections.Immutable;
using FusedActivations.Analyzers.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers;

/// <summary>
/// Finds numerically unstable activation math: naive softplus, inverse softplus, log-sum-exp, sigmoid, log-sigmoid,
/// and log(1 + x) / exp(x) - 1 where x may be small (FA2001-FA2007).
/// </summary>
/// <remarks>
/// Operation-based, like dotnet/runtime's UpgradeToGeneratedRegexAnalyzer: one callback per invocation, which
/// returns after a switch on the method name for every call that is not Log, Exp, LogP1 or ExpM1.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NumericStabilityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NaiveSoftplus,
        Descriptors.NaiveInverseSoftplus,
        Descriptors.NaiveLogAddExp,
        Descriptors.NaiveSigmoid,
        Descriptors.NaiveLogSigmoid,
        Descriptors.ImpreciseLog1P,
        Descriptors.ImpreciseExpM1);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var matcher = new StabilityMatcher(KnownSymbols.Create(compilationContext.Compilation));
            compilationContext.RegisterOperationAction(
                operationContext => AnalyzeInvocation(operationContext, matcher),
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, StabilityMatcher matcher)
    {
        if (matcher.Match((IInvocationOperation)context.Operation, context.CancellationToken) is { } match)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                match.Descriptor,
                match.Report.Syntax.GetLocation(),
                StabilityMatcher.GetMessageArguments(match)));
        }
    }
}
