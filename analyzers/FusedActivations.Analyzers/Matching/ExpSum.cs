using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// A sum of exp terms over a collection, the denominator of a softmax and the argument of a log-sum-exp (FA2011): a
/// loop that adds <c>exp(z)</c> to a local, or <c>Enumerable.Sum</c> with an exp selector. Found by the shared sum
/// patterns of <see cref="StabilityMatcher"/>; immutable.
/// </summary>
internal sealed class ExpSum
{
    public ExpSum(IOperation term, IOperation element)
    {
        Term = term;
        Element = element;
    }

    /// <summary>
    /// The exp of each element: the <c>Exp</c> call in the loop or the selector lambda, or the method group
    /// <c>Math.Exp</c> passed to <c>Sum</c> or <c>Select</c>.
    /// </summary>
    public IOperation Term { get; }

    /// <summary>exp's argument for one element (<c>z</c>); for a method group, the selector itself (the element is z).</summary>
    public IOperation Element { get; }

    /// <summary>The <c>for</c>/<c>foreach</c> loop that adds the terms up, or null for LINQ.</summary>
    public ILoopOperation? Loop { get; init; }

    /// <summary>The <c>Enumerable.Sum</c> call, or null for a loop.</summary>
    public IInvocationOperation? LinqSum { get; init; }

    /// <summary>The collection LINQ enumerates (<c>x</c> of <c>x.Sum(...)</c> or <c>x.Select(...).Sum()</c>).</summary>
    public IOperation? LinqSource { get; init; }

    /// <summary>The local the sum is kept in: the loop's accumulator, or the local a LINQ sum initialises.</summary>
    public ILocalSymbol? Accumulator { get; init; }

    /// <summary>
    /// Where the loop first stores each exp before adding it (a local <c>e</c> or an array <c>t</c> of <c>t[i]</c>), or
    /// null when the exp is added directly.
    /// </summary>
    public ISymbol? Store { get; init; }

    /// <summary>
    /// What is done with the sum: a division or a log makes it a softmax or a log-sum-exp. Found on first use: the
    /// rule asks only for sums whose exps are not shifted, so stable code never pays for the search.
    /// </summary>
    public SumUses Uses => _uses.Value;

    /// <summary>How to find <see cref="Uses"/>.</summary>
    public System.Func<SumUses> FindUses
    {
        init => _uses = new System.Lazy<SumUses>(value, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly System.Lazy<SumUses> _uses = new(() => SumUses.None);
}

/// <summary>
/// The reads of a sum of exps: the divisions by it (with the numerators a fix shifts by the maximum too) and the logs
/// of it. <see cref="Fixable"/> says whether these are all its reads, so that subtracting the maximum from every exp
/// and adding it back to every log keeps every value the code computes.
/// </summary>
internal sealed class SumUses
{
    public static readonly SumUses None = new(ImmutableArray<SyntaxNode>.Empty, ImmutableArray<SyntaxNode>.Empty, feedsSoftmax: false, fixable: false);

    public SumUses(ImmutableArray<SyntaxNode> shiftedNumerators, ImmutableArray<SyntaxNode> logs, bool feedsSoftmax, bool fixable)
    {
        ShiftedNumerators = shiftedNumerators;
        Logs = logs;
        FeedsSoftmax = feedsSoftmax;
        Fixable = fixable;
    }

    /// <summary>The <c>Exp</c> calls divided by the sum (softmax numerators); they get the same shift.</summary>
    public ImmutableArray<SyntaxNode> ShiftedNumerators { get; }

    /// <summary>The <c>Log</c> calls of the sum (log-softmax, log-sum-exp); they get the maximum added back.</summary>
    public ImmutableArray<SyntaxNode> Logs { get; }

    /// <summary>Whether it is divided by or has its log taken at least once: a softmax or a log-sum-exp.</summary>
    public bool FeedsSoftmax { get; }

    /// <summary>Whether every read is one of those forms (or a numerator read back from the store of exps).</summary>
    public bool Fixable { get; }
}
