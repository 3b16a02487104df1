using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Analyzers.Matching;

/// <summary>
/// Whether two operands are the same value: equal constants, or the same side-effect-free expression (references,
/// element accesses, arithmetic of those).
/// </summary>
/// <remarks>
/// Both walks use explicit stacks: Roslyn's own <c>SyntaxFactory.AreEquivalent</c> recurses once per tree level,
/// which overflows a 1 MB stack on a 20,000-term sum (issue 10). The syntax comparison runs first because it fails
/// at the first differing node: the sign analysis asks "is this x * x?" at every factor of a long product, and
/// a purity walk first would make that quadratic.
/// </remarks>
internal static class Equivalence
{
    public static bool AreEquivalent(IOperation a, IOperation b)
    {
        if (StabilityMatcher.TryGetNumber(a, out double x) && StabilityMatcher.TryGetNumber(b, out double y))
        {
            return x.Equals(y);
        }

        IOperation left = StabilityMatcher.Unwrap(a);
        IOperation right = StabilityMatcher.Unwrap(b);
        return AreEquivalentSyntax(left.Syntax, right.Syntax) && IsPure(left);
    }

    /// <summary>
    /// <c>SyntaxFactory.AreEquivalent(a, b, topLevel: false)</c> without recursion: the same nodes and tokens in
    /// the same order, identifiers by value, other tokens by text, trivia ignored.
    /// </summary>
    public static bool AreEquivalentSyntax(SyntaxNode a, SyntaxNode b)
    {
        if (a.RawKind != b.RawKind)
        {
            return false; // the common case, without allocating enumerators
        }

        using IEnumerator<SyntaxNodeOrToken> left = a.DescendantNodesAndTokensAndSelf().GetEnumerator();
        using IEnumerator<SyntaxNodeOrToken> right = b.DescendantNodesAndTokensAndSelf().GetEnumerator();
        while (true)
        {
            bool hasLeft = left.MoveNext();
            if (hasLeft != right.MoveNext())
            {
                return false;
            }

            if (!hasLeft)
            {
                return true;
            }

            SyntaxNodeOrToken l = left.Current;
            SyntaxNodeOrToken r = right.Current;
            if (l.RawKind != r.RawKind || l.IsToken != r.IsToken || l.IsMissing != r.IsMissing)
            {
                return false;
            }

            if (l.IsToken)
            {
                SyntaxToken lt = l.AsToken();
                SyntaxToken rt = r.AsToken();
                bool same = lt.IsKind(SyntaxKind.IdentifierToken) ? lt.ValueText == rt.ValueText : lt.Text == rt.Text;
                if (!same)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>Whether evaluating <paramref name="operation"/> twice gives the same value and has no effect.</summary>
    public static bool IsPure(IOperation operation)
    {
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            switch (StabilityMatcher.Unwrap(pending.Pop()))
            {
                case ILiteralOperation:
                case ILocalReferenceOperation:
                case IParameterReferenceOperation:
                case IInstanceReferenceOperation:
                    break;
                case IFieldReferenceOperation field:
                    PushIfPresent(pending, field.Instance);
                    break;
                case IPropertyReferenceOperation property:
                    if (property.Arguments.Length > 1)
                    {
                        return false;
                    }

                    PushIfPresent(pending, property.Instance);
                    if (property.Arguments.Length == 1)
                    {
                        pending.Push(property.Arguments[0].Value);
                    }

                    break;
                case IArrayElementReferenceOperation element:
                    if (element.Indices.Length != 1)
                    {
                        return false;
                    }

                    pending.Push(element.ArrayReference);
                    pending.Push(element.Indices[0]);
                    break;
                case IBinaryOperation binary:
                    pending.Push(binary.LeftOperand);
                    pending.Push(binary.RightOperand);
                    break;
                case IUnaryOperation unary:
                    pending.Push(unary.Operand);
                    break;
                case IConversionOperation conversion:
                    pending.Push(conversion.Operand);
                    break;
                case { } other when !other.ConstantValue.HasValue:
                    return false;
            }
        }

        return true;
    }

    private static void PushIfPresent(Stack<IOperation> pending, IOperation? operation)
    {
        if (operation is not null)
        {
            pending.Push(operation);
        }
    }
}
