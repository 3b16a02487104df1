using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Analyzers.Matching;
using FusedActivations.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers;

/// <summary>
/// Finds numerically unstable activation math: naive softplus, inverse softplus, log-sum-exp, sigmoid, log-sigmoid,
/// log(1 + x) / exp(x) - 1 where x may be small (FA2001-FA2007), tanh written with exp (FA2008), 1 ± tanh(u)
/// (FA2009), log(1 - exp(x)) (FA2010), softmax without the maximum (FA2011), and map loops a [Fused] kernel can
/// compute (FA2012, on loops).
/// </summary>
/// <remarks>
/// Operation-based, like dotnet/runtime's UpgradeToGeneratedRegexAnalyzer: one callback per invocation, which
/// returns after a switch on the method name for every call that is not a rule's anchor (Log, Exp, LogP1, ExpM1). The
/// rules are one file each under Rules/ (<see cref="IStabilityRule"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NumericStabilityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        StabilityRules.All.Select(rule => rule.Descriptor).Distinct().Append(FusableLoopRule.Descriptor).ToImmutableArray();

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
            compilationContext.RegisterOperationAction(
                operationContext => AnalyzeLoop(operationContext, matcher),
                OperationKind.Loop);
        });
    }

    private static void AnalyzeLoop(OperationAnalysisContext context, StabilityMatcher matcher)
    {
        if (context.Operation is IForLoopOperation loop
            && FusableLoopRule.Match(loop, matcher, context.CancellationToken) is { } map)
        {
            context.ReportDiagnostic(Diagnostic.Create(FusableLoopRule.Descriptor, map.HeaderLocation, FusableLoopRule.FormulaText(map)));
        }
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
