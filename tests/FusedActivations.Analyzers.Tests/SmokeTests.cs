using System.Threading.Tasks;
using FusedActivations.Analyzers.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Analyzers.Tests;

public class SmokeTests
{
    [Fact]
    public Task NaiveSoftplusIsFlagged() => AnalyzerTest.VerifyAsync("""
        using System;
        class C
        {
            static double F(double x) => {|FA2001:Math.Log(1 + Math.Exp(x))|};
        }
        """);
}
