using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// The local references and declarators of a method body's operation tree, found in one pass the first time a sum's
/// reads are asked for (FA2011), then shared by every sum in it: one walk per sum made a method with N softmax loops
/// cost O(N²), as <see cref="BlockLocals"/> explains for exp locals.
/// </summary>
internal sealed class BodyLocals
{
    private BodyLocals(IOperation root, CancellationToken cancellationToken)
    {
        foreach (IOperation operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    if (!References.TryGetValue(reference.Local, out List<ILocalReferenceOperation>? list))
                    {
                        References[reference.Local] = list = new List<ILocalReferenceOperation>();
                    }

                    list.Add(reference);
                    break;
                case IVariableDeclaratorOperation declarator:
                    Declarators[declarator.Symbol] = declarator;
                    break;
            }
        }
    }

    /// <summary>Every reference of each local, in tree order.</summary>
    public Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> References { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The declarator of each local declared in the body.</summary>
    public Dictionary<ILocalSymbol, IVariableDeclaratorOperation> Declarators { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The index of <paramref name="root"/>, computed once per body and matcher; thread-safe.</summary>
    public static BodyLocals Get(ConditionalWeakTable<IOperation, BodyLocals> cache, IOperation root, CancellationToken cancellationToken) =>
        cache.GetValue(root, r => new BodyLocals(r, cancellationToken));
}
