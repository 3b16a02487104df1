using System;
using System.Collections.Generic;
using FusedActivations.Generator.Emitting.Kernels;

namespace FusedActivations.Generator.Emitting.Engine;

/// <summary>
/// The named constants of one kernel class, in the order formulas first used them. The math library registers what it
/// needs as it writes; two functions needing the same constant (Log2E, say) share one declaration, and a name reused
/// for a different value is a generator bug that fails loudly in tests.
/// </summary>
internal sealed class ConstantTable
{
    private readonly List<KernelConstant> _ordered = new();
    private readonly List<(string Name, double[] Values, string Doc, ElementInfo Element)> _tables = new();

    public ConstantTable(ElementInfo kernelElement) => KernelElement = kernelElement;

    /// <summary>Whether a step calls the Dekker helper <c>TwoProductError</c> (exact products on the path without FMA).</summary>
    public bool UsesTwoProductError => TwoProductErrorTypes.Count > 0;

    /// <summary>The element types whose <c>TwoProductError</c> overload a step calls (a float kernel may call the double one inside a widened computation).</summary>
    public SortedSet<Model.ElementType> TwoProductErrorTypes { get; } = new();

    /// <summary>The element types whose <c>ExactMultiplyAdd</c> overload a step calls (a user's FMA on the path without FMA).</summary>
    public SortedSet<Model.ElementType> ExactMultiplyAddTypes { get; } = new();

    private readonly Stack<IReadOnlyDictionary<string, string>> _aliases = new();

    /// <summary>
    /// Until the returned scope is disposed, formulas that ask for a constant named as a key of <paramref name="aliases"/>
    /// get the value's constant instead: a fused formula calls one activation twice with different arguments, and each
    /// call's folded constants (Beta, Cutoff, ...) get names of their own.
    /// </summary>
    public IDisposable Alias(IReadOnlyDictionary<string, string> aliases)
    {
        _aliases.Push(aliases);
        return new PopOnDispose(_aliases);
    }

    /// <summary>The name a formula's constant <paramref name="name"/> has in this kernel (see <see cref="Alias"/>).</summary>
    public string Resolve(string name) =>
        _aliases.Count > 0 && _aliases.Peek().TryGetValue(name, out string? actual) ? actual : name;

    /// <summary>Whether a constant named <paramref name="name"/> exists, and its value.</summary>
    public bool TryGet(string name, out KernelConstant constant) => _byName.TryGetValue(name, out constant);

    private sealed class PopOnDispose : IDisposable
    {
        private readonly Stack<IReadOnlyDictionary<string, string>> _stack;
        private bool _done;

        public PopOnDispose(Stack<IReadOnlyDictionary<string, string>> stack) => _stack = stack;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                _stack.Pop();
            }
        }
    }

    /// <summary>The kernel's element type: the type of every constant that does not name its own.</summary>
    public ElementInfo KernelElement { get; }

    /// <summary>The 16-entry lookup tables (<c>ReadOnlySpan&lt;double&gt;</c> or <c>ReadOnlySpan&lt;float&gt;</c> properties), in registration order.</summary>
    public IReadOnlyList<(string Name, double[] Values, string Doc, ElementInfo Element)> Tables => _tables;

    /// <summary>Adds a lookup table of <paramref name="element"/> values (double by default) unless it is there already.</summary>
    public void AddTable(string name, double[] values, string doc, ElementInfo? element = null)
    {
        foreach (var table in _tables)
        {
            if (table.Name == name)
            {
                return;
            }
        }

        _tables.Add((name, values, doc, element ?? ElementInfo.Double));
    }
    private readonly Dictionary<string, KernelConstant> _byName = new(StringComparer.Ordinal);

    /// <summary>Every constant, in registration order.</summary>
    public IReadOnlyList<KernelConstant> All => _ordered;

    /// <summary>Adds <paramref name="constant"/> unless an identical one is there already.</summary>
    public void Add(KernelConstant constant)
    {
        if (_byName.TryGetValue(constant.Name, out KernelConstant existing))
        {
            bool sameValue = existing.Value.Equals(constant.Value) || existing.IsFolded;
            if (!sameValue || existing.IsFolded != constant.IsFolded || existing.Type != constant.Type)
            {
                throw new InvalidOperationException($"Kernel constant {constant.Name} is declared twice with different values.");
            }

            return;
        }

        _byName.Add(constant.Name, constant);
        _ordered.Add(constant);
    }

    /// <summary>The constant named <paramref name="name"/>; it must have been added.</summary>
    public KernelConstant Get(string name) =>
        _byName.TryGetValue(name, out KernelConstant constant)
            ? constant
            : throw new InvalidOperationException($"Kernel constant {name} is used but not declared.");
}
