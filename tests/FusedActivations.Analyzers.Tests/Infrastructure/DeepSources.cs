using System.Linq;
using System.Text;

namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>
/// Long left-deep expressions (<c>x + x + ... + x</c>): their operation and syntax trees are as deep as they are
/// long, so any walk that recurses once per level needs a frame per term (issue 10).
/// </summary>
internal static class DeepSources
{
    /// <summary><paramref name="count"/> copies of <paramref name="term"/> joined by <paramref name="op"/>.</summary>
    public static string Chain(string term, string op, int count)
    {
        var text = new StringBuilder(count * (term.Length + op.Length + 2));
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(' ').Append(op).Append(' ');
            }

            text.Append(term);
        }

        return text.ToString();
    }

    /// <summary>A class with one method per body, each <c>static double Mi(double x, double y)</c>.</summary>
    public static string Class(params string[] bodies) =>
        "using System;\n\nstatic class C\n{\n"
        + string.Concat(bodies.Select((body, i) => $"    static double M{i}(double x, double y)\n    {{\n        {body}\n    }}\n"))
        + "}\n";
}
