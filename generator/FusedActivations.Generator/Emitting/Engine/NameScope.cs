using System.Collections.Generic;

namespace FusedActivations.Generator.Emitting.Engine;

/// <summary>
/// The local names of one kernel step. A formula asks for the name it would like (<c>k</c>, <c>t</c>); the first to
/// ask gets it, and later ones get it prefixed with the function they are in (<c>tanh_k</c>) or numbered, so formulas
/// compose (Mish is softplus inside tanh) without their locals colliding.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);
    private readonly Stack<string> _prefixes = new();

    /// <summary>Claims a name for a local (or a caller-declared input) and returns the name to use.</summary>
    public string Claim(string wanted)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        string prefixed = _prefixes.Count > 0 ? _prefixes.Peek() + "_" + wanted : wanted;
        if (_taken.Add(prefixed))
        {
            return prefixed;
        }

        for (int i = 2; ; i++)
        {
            string numbered = prefixed + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(numbered))
            {
                return numbered;
            }
        }
    }

    /// <summary>Names claimed until the returned scope is disposed are prefixed with <paramref name="prefix"/> on collision.</summary>
    public System.IDisposable Enter(string prefix)
    {
        _prefixes.Push(prefix);
        return new Exit(_prefixes);
    }

    private sealed class Exit : System.IDisposable
    {
        private readonly Stack<string> _prefixes;
        private bool _done;

        public Exit(Stack<string> prefixes) => _prefixes = prefixes;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                _prefixes.Pop();
            }
        }
    }
}
