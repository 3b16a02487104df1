using System;
using System.Collections.Generic;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Activations.Softplus;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Constants;

/// <summary>
/// The folded cut-off is the smallest x of the element type with <c>fl(beta * x) &gt; threshold</c>, found in bounded
/// time for every accepted beta and threshold, the extremes included (issue 10: Threshold = -infinity with beta &gt; 1
/// made the compiler spin forever). Each search runs under a time limit, so a hang fails the test instead of hanging it.
/// </summary>
public sealed class SoftplusCutoffTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static readonly double[] Thresholds =
    {
        double.NegativeInfinity, -double.MaxValue, -float.MaxValue, -1e300, -20, -1, -float.Epsilon, -double.Epsilon,
        -2.2250738585072014E-308, -0.0, 0.0, double.Epsilon, 1e-310, float.Epsilon, 1.1754942E-38f, 1, 20, 1e30,
        float.MaxValue, 1e300, double.MaxValue, double.PositiveInfinity, double.NaN,
    };

    public static IEnumerable<object[]> Cases()
    {
        foreach (double beta in new[] { 1e-10, 1e-3, 0.1, 1, 2, 3, 1e3, 1e30 })
        {
            foreach (double threshold in Thresholds)
            {
                yield return new object[] { "float", beta, threshold };
            }
        }

        foreach (double beta in new[] { 1e-20, 1e-3, 0.1, 1, 2, 3, 1e3, 1e300 })
        {
            foreach (double threshold in Thresholds)
            {
                yield return new object[] { "double", beta, threshold };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CutoffIsTheSmallestXWhoseProductExceedsTheThreshold(string elementType, double beta, double threshold)
    {
        ElementType type = elementType == "float" ? ElementType.Single : ElementType.Double;
        ElementInfo element = ElementInfo.For(type);
        double cutoff = WithinLimit(() => SoftplusConstants.FindCutoff(element, element.Round(beta), element.Round(threshold)));
        var rule = new Rule(type, beta, threshold);

        if (double.IsPositiveInfinity(cutoff))
        {
            // No finite x qualifies; fl(beta * x) is monotonic, so checking the largest values is enough.
            double x = rule.Max;
            for (int i = 0; i < 64; i++, x = rule.Down(x))
            {
                Assert.False(rule.Above(x), $"x = {x:R} qualifies but the cut-off is +infinity");
            }

            return;
        }

        Assert.False(double.IsNaN(cutoff));
        Assert.Equal(element.Round(cutoff), cutoff);
        Assert.True(rule.Above(cutoff), $"fl(beta * {cutoff:R}) is not above the threshold");
        if (cutoff != -rule.Max)
        {
            Assert.False(rule.Above(rule.Down(cutoff)), $"{rule.Down(cutoff):R}, below the cut-off {cutoff:R}, qualifies too");
        }

        // Brute force around the answer: x qualifies exactly when x >= cutoff.
        double below = cutoff;
        double above = cutoff;
        for (int i = 0; i < 200; i++)
        {
            if (below != -rule.Max)
            {
                below = rule.Down(below);
                Assert.False(rule.Above(below), $"{below:R} < cut-off {cutoff:R} qualifies");
            }

            if (above != rule.Max)
            {
                above = rule.Up(above);
                Assert.True(rule.Above(above), $"{above:R} > cut-off {cutoff:R} does not qualify");
            }
        }
    }

    [Theory]
    [InlineData("double", 2.0, "double.NegativeInfinity")]
    [InlineData("double", 1e300, "double.NegativeInfinity")]
    [InlineData("float", 1e30, "double.NegativeInfinity")]
    [InlineData("double", 3.0, "-double.MaxValue")]
    [InlineData("float", 2.0, "-float.MaxValue")]
    [InlineData("double", 2.0, "double.Epsilon")]
    public void TheGeneratorFinishesForExtremeThresholds(string type, double beta, string threshold)
    {
        string source = Sources.InActivationClass(
            $"[Softplus(Beta = {beta:R}, Threshold = {threshold})] public static partial {type} D({type} x);");
        GeneratorRun run = WithinLimit(() => GeneratorHarness.Run(source)).AssertNoGeneratorFailure();
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.MethodSources);
        Assert.Single(run.KernelSources);
    }

    private static T WithinLimit<T>(Func<T> work)
    {
        // On a thread of its own, started at once: a thread-pool work item can wait longer than the limit for a thread
        // while other tests (the hostile suite) keep the pool busy, which once failed a search that takes microseconds.
        // A search that never ends keeps its background thread busy until the test process exits, but the test fails.
        T result = default!;
        Exception? failure = null;
        var thread = new System.Threading.Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        })
        { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(Limit), $"The search did not finish within {Limit.TotalSeconds} s.");
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result;
    }

    /// <summary>PyTorch's rule computed in the element type itself, independently of the generator's arithmetic.</summary>
    private sealed class Rule
    {
        private readonly ElementType _type;
        private readonly double _beta;
        private readonly double _threshold;

        public Rule(ElementType type, double beta, double threshold)
        {
            _type = type;
            _beta = beta;
            _threshold = threshold;
        }

        public double Max => _type == ElementType.Single ? float.MaxValue : double.MaxValue;

        public bool Above(double x) => _type == ElementType.Single
            ? (float)_beta * (float)x > (float)_threshold
            : _beta * x > _threshold;

        public double Up(double x) => _type == ElementType.Single ? MathF.BitIncrement((float)x) : Math.BitIncrement(x);

        public double Down(double x) => _type == ElementType.Single ? MathF.BitDecrement((float)x) : Math.BitDecrement(x);
    }
}
