using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using FusedActivations.Analyzers.Matching;
using FusedActivations.Analyzers.Rules;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;
using Xunit.Abstractions;

namespace FusedActivations.Analyzers.Tests.Hostile;

/// <summary>
/// Issue 10: 20,000-term sums and 50,000-factor products, in every place the matcher looks (the exp argument, the
/// log argument, both sides of a sigmoid, a sign test, an |x| scaled by a product, a local), must neither overflow
/// the stack nor take quadratic time. The compiler binds such code (7.6 s for the whole build without the analyzer),
/// so the analyzer must cope too.
/// </summary>
public class DeepExpressionTests(ITestOutputHelper output)
{
    private const int SumTerms = 20_000;
    private const int ProductFactors = 50_000;

    /// <summary>
    /// Generous for a loaded 2-core machine (load average 25 while these were written): the matcher's linear walks
    /// took 0.2-1 s per case, the driver's whole analysis (Roslyn's operation tree included) 0.1-3 s.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly string Sum = DeepSources.Chain("x", "+", SumTerms);
    private static readonly string Product = DeepSources.Chain("x", "*", ProductFactors);

    public static TheoryData<string, string, string> Cases => new()
    {
        { "sum in exp", $"return Math.Log(1 + Math.Exp({Sum}));", "FA2001" },
        { "product in exp", $"return Math.Log(1 + Math.Exp({Product}));", "FA2001" },
        { "sum in log", $"return Math.Log(1 + ({Sum}));", "FA2006" },
        { "sum minus one", $"return Math.Exp({Sum}) - 1;", "FA2007" },
        { "sigmoid of a sum", $"return Math.Exp({Sum}) / (1 + Math.Exp({Sum}));", "FA2004" },
        { "scaled sum", $"return Math.Log(1 + Math.Exp(y * ({Sum}))) / y;", "FA2001" },
        { "stable, |x| times a product", $"return Math.Log(1 + Math.Exp(-Math.Abs(x) * {DeepSources.Chain("y", "*", ProductFactors)}));", "" },
        { "guarded by a long condition", $"return {DeepSources.Chain("x > 0", "&&", SumTerms)} ? Math.Log(1 + Math.Exp(-x)) : 0;", "" },
        { "sum through a local", $"var e = Math.Exp({Sum}); return Math.Log(1 + e);", "FA2001" },
        { "tanh of a sum", $"return (Math.Exp({Sum}) - Math.Exp(-({Sum}))) / (Math.Exp({Sum}) + Math.Exp(-({Sum})));", "FA2008" },
        { "doubled tanh of a sum", $"return (Math.Exp(2 * ({Sum})) - 1) / (Math.Exp(2 * ({Sum})) + 1);", "FA2008" },
        { "one minus tanh of a sum", $"return 1 - Math.Tanh({Sum});", "FA2009" },
        { "GELU of a sum", $"return 0.5 * ({Sum}) * (1 + Math.Tanh(0.7978845608 * (({Sum}) + 0.044715 * ({Sum}) * ({Sum}) * ({Sum}))));", "FA2009" },
        { "GELU-like product of a sum", $"return 0.5 * ({Sum}) * y * (1 + Math.Tanh(0.7978845608 * ({Product})));", "FA2009" },
        { "stable, one plus tanh of |x| times a product", $"return 1 + Math.Tanh(Math.Abs(x) * {DeepSources.Chain("y", "*", ProductFactors)});", "" },
        { "log of one minus exp of a sum", $"return Math.Log(1 - Math.Exp({Sum}));", "FA2010" },
        { "sum of logs", $"return {DeepSources.Chain("Math.Log(1 + Math.Exp(x))", "+", 2_000)};", string.Join(",", Enumerable.Repeat("FA2001", 2_000)) },
        { "softmax sum of a sum", $"var v = new double[4]; double s = 0; for (int i = 0; i < v.Length; i++) s += Math.Exp({DeepSources.Chain("v[i]", "+", SumTerms)}); return Math.Log(s);", "FA2011" },
        { "map loop of a long formula", $"var v = new double[4]; var w = new double[4]; for (int i = 0; i < v.Length; i++) w[i] = Math.Exp({DeepSources.Chain("v[i]", "+", 1_000)}); return w[0];", "FA2012" },
        { "map loop of a sum beyond the formula cap", $"var v = new double[4]; var w = new double[4]; for (int i = 0; i < v.Length; i++) w[i] = Math.Exp({DeepSources.Chain("v[i]", "+", SumTerms)}); return w[0];", "" },
    };

    /// <summary>
    /// What the analyzer's callbacks do, for every invocation and loop of the method, on a 1 MB stack (the analyzer driver
    /// runs callbacks on pool threads whose stack size the test cannot choose).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void TheMatcherNeedsNoDeepStack(string name, string body, string expected)
    {
        Compilation compilation = Compile(body);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        // Roslyn builds the operation tree here, on the test host's stack and outside the timing: the bound is
        // about the matcher.
        IOperation[] operations = model.GetOperation(method)!.DescendantsAndSelf().ToArray();
        IInvocationOperation[] invocations = operations.OfType<IInvocationOperation>().ToArray();
        IForLoopOperation[] loops = operations.OfType<IForLoopOperation>().ToArray();
        var stopwatch = Stopwatch.StartNew();
        string found = SmallStack.Run(() =>
        {
            var matcher = new StabilityMatcher(KnownSymbols.Create(compilation));
            var ids = new List<string>();
            foreach (IInvocationOperation invocation in invocations)
            {
                if (matcher.Match(invocation, CancellationToken.None) is { } match)
                {
                    _ = StabilityMatcher.GetMessageArguments(match);
                    ids.Add(match.Descriptor.Id);
                }
            }

            foreach (IForLoopOperation loop in loops)
            {
                if (FusableLoopRule.Match(loop, matcher, CancellationToken.None) is { } map)
                {
                    _ = FusableLoopRule.FormulaText(map);
                    ids.Add(FusableLoopRule.Descriptor.Id);
                }
            }

            return string.Join(",", ids);
        });
        output.WriteLine($"{name}: {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(expected, found);
        Assert.True(stopwatch.Elapsed < Bound, $"{name}: {stopwatch.Elapsed}");
    }

    /// <summary>The same through the analyzer driver, as the compiler runs it: no AD0001, the right diagnostics.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void TheAnalyzerReportsDeepCode(string name, string body, string expected)
    {
        Compilation compilation = Compile(body);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var stopwatch = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics = SmallStack.Run(() => compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NumericStabilityAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        output.WriteLine($"{name}: {stopwatch.Elapsed.TotalSeconds:F2} s");
        Assert.Empty(exceptions);
        Assert.Equal(expected, string.Join(",", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id)));
        Assert.True(stopwatch.Elapsed < Bound, $"{name}: {stopwatch.Elapsed}");
    }

    private static Compilation Compile(string body)
    {
        var compilation = CSharpCompilation.Create("Deep", new[] { CSharpSyntaxTree.ParseText(DeepSources.Class(body)) }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // Bind first (on the test host's stack): the bound is about the analyzer, not the compiler.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
