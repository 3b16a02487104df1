using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Emitting.Fused;

/// <summary>
/// The names of a fused kernel's streams. The kernel is written with numbered names (<c>in0_</c>, <c>out0_</c>, and
/// the names derived from them: <c>in0_Block</c>, <c>in0_X_1</c>, ...), which none of its other names can be; then each
/// stream in turn is renamed after the formula (<c>raw</c>, <c>rawBlock</c>, ...), so that the kernel reads like its
/// formula, unless a member that has its names also writes one of the new names for something else (a constant or
/// helper it uses, a local, a type or member it names): that stream keeps its numbered names. The streams are
/// parameters and locals, so a renaming to names their member does not otherwise contain cannot change what any name
/// refers to, whatever names the user chose. Comments are renamed too, but do not count: the formula's text in the
/// class's summary has its names.
/// </summary>
internal static class StreamNames
{
    /// <summary>
    /// A C# identifier (or keyword) not preceded by an identifier character, so that a number's suffix or exponent
    /// (<c>1e-6f</c>, <c>0x7F</c>) is not one: what is renamed, in code and comments alike.
    /// </summary>
    private static readonly Regex Identifier = new(
        @"(?<![\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}])[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*",
        RegexOptions.CultureInvariant);

    /// <summary>The numbered name of input <paramref name="k"/>.</summary>
    public static string Input(int k) => "in" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";

    /// <summary>The numbered name of output <paramref name="k"/>.</summary>
    public static string Output(int k) => "out" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";

    /// <summary>
    /// <paramref name="text"/> with every identifier that starts with <paramref name="numbered"/>[k] starting with
    /// <paramref name="readable"/>[k] instead, for each stream k whose renaming cannot change a name's meaning.
    /// </summary>
    public static string Readable(string text, IReadOnlyList<string> numbered, IReadOnlyList<string> readable)
    {
        // Each member's identifiers, with the trace symbol defined so that the code under '#if' counts too.
        SyntaxNode root = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithPreprocessorSymbols("FUSEDACTIVATIONS_TRACE")).GetRoot();
        List<HashSet<string>> members = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
            .Where(member => member is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            .Select(member => new HashSet<string>(
                member.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText),
                System.StringComparer.Ordinal))
            .ToList();

        var renamed = new Dictionary<string, string>(System.StringComparer.Ordinal);
        for (int k = 0; k < numbered.Count; k++)
        {
            string from = numbered[k];
            string to = readable[k];
            bool Free(HashSet<string> names) => names.All(name =>
                !name.StartsWith(from, System.StringComparison.Ordinal) || !names.Contains(to + name.Substring(from.Length)));

            // A new name that starts like another stream's numbered names would be taken for one of them.
            if (to == from || numbered.Any(other => to.StartsWith(other, System.StringComparison.Ordinal)) || !members.All(Free))
            {
                continue;
            }

            foreach (HashSet<string> names in members)
            {
                foreach (string name in names.Where(name => name.StartsWith(from, System.StringComparison.Ordinal)).ToList())
                {
                    string target = to + name.Substring(from.Length);
                    names.Remove(name);
                    names.Add(target);
                    renamed[name] = target;
                }
            }
        }

        return renamed.Count == 0 ? text : Identifier.Replace(text, match => renamed.TryGetValue(match.Value, out string? name) ? name : match.Value);
    }
}
