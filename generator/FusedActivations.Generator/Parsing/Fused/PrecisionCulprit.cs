using System.Linq;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>The part of an expression that makes it compute in the other precision, and how to fix it.</summary>
/// <param name="Operation">The culprit: a literal, a call, a conversion.</param>
/// <param name="Fix">What to write instead, e.g. <c>write 0.5f</c>; empty for a local already reported at its declaration.</param>
internal sealed record PrecisionCulprit(IOperation Operation, string Fix)
{
    /// <summary>
    /// Finds why <paramref name="operation"/>, a value of the other floating type (a double in a float formula), is
    /// not of <paramref name="element"/>: the deepest part that brought the other type in (a double literal, a
    /// <c>Math</c> function without a float overload, a conversion), rather than the operations around it, which C#
    /// only promoted. Null when only locals whose declarations were already reported are to blame.
    /// </summary>
    public static PrecisionCulprit? Find(IOperation operation, ElementType element)
    {
        PrecisionCulprit found = Search(operation, element);
        return found.IsReported ? null : found;
    }

    private bool IsReported => Fix.Length == 0;

    private static PrecisionCulprit Search(IOperation operation, ElementType element)
    {
        string t = FormulaSignatureChecks.Name(element);
        if (operation.ConstantValue.HasValue)
        {
            return new PrecisionCulprit(operation, ConstantFix(operation, t));
        }

        switch (operation)
        {
            case ILocalReferenceOperation:
                return new PrecisionCulprit(operation, string.Empty);
            case IConversionOperation conversion when FormulaSignatureChecks.IsElement(conversion.Operand.Type, element):
                return new PrecisionCulprit(conversion, $"remove the conversion to {FormulaSignatureChecks.Shown(conversion.Type!)}: every value of a {t} formula is a {t}");
            case IConversionOperation conversion:
                return Search(conversion.Operand, element);
            case IUnaryOperation unary:
                return Search(unary.Operand, element);
            case IBinaryOperation binary:
                return FirstAmong(element, binary.LeftOperand, binary.RightOperand) ?? new PrecisionCulprit(binary, Generic(t));
            case IConditionalOperation conditional:
                return FirstAmong(element, conditional.WhenTrue, conditional.WhenFalse) ?? new PrecisionCulprit(conditional, Generic(t));
            case IInvocationOperation invocation when !HasOverloadOf(invocation.TargetMethod, element):
                // Math.Exp of a float: the function itself has no float form, whatever its arguments.
                return new PrecisionCulprit(invocation, CallFix(invocation.TargetMethod, element, t));
            case IInvocationOperation invocation:
                return FirstAmong(element, invocation.Arguments.Select(argument => argument.Value).ToArray())
                    ?? new PrecisionCulprit(invocation, CallFix(invocation.TargetMethod, element, t));
            default:
                return new PrecisionCulprit(operation, Generic(t));
        }
    }

    /// <summary>
    /// The culprit among the operands of a promoted operation: the first real one; else an already reported local;
    /// null when every operand is innocent (the operation itself is then to blame).
    /// </summary>
    private static PrecisionCulprit? FirstAmong(ElementType element, params IOperation?[] operands)
    {
        PrecisionCulprit? reported = null;
        foreach (IOperation? operand in operands)
        {
            if (operand is null || Innocent(operand, element))
            {
                continue;
            }

            PrecisionCulprit culprit = Search(operand, element);
            if (!culprit.IsReported)
            {
                return culprit;
            }

            reported = culprit;
        }

        return reported;
    }

    /// <summary>
    /// Whether the library function <paramref name="method"/> has an overload of the element type (<c>Math.Max</c> of
    /// floats does, <c>Math.Exp</c> does not); other methods are taken to have one, their arguments being to blame.
    /// </summary>
    private static bool HasOverloadOf(IMethodSymbol method, ElementType element) =>
        FormulaFunctions.LibraryOf(method.ContainingType) is FunctionLibrary.None
        || method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(overload =>
            overload.Parameters.Length == method.Parameters.Length
            && overload.Parameters.All(parameter => FormulaSignatureChecks.IsElement(parameter.Type, element)));

    /// <summary>
    /// Values of the element type, promoted by C# because of something next to them; and, in a double formula, float
    /// constants, which C# widens exactly.
    /// </summary>
    private static bool Innocent(IOperation operand, ElementType element) =>
        FormulaSignatureChecks.IsElement(operand.Type, element)
        || (operand is IConversionOperation { IsImplicit: true } conversion && FormulaSignatureChecks.IsElement(conversion.Operand.Type, element))
        || (element == ElementType.Double && operand.ConstantValue.HasValue && operand.Type?.SpecialType == SpecialType.System_Single);

    private static string ConstantFix(IOperation constant, string t)
    {
        SyntaxNode syntax = constant.Syntax;
        if (t == "float" && LiteralText(syntax) is { } literal)
        {
            return $"write {literal.TrimEnd('d', 'D')}f";
        }

        string text = FormulaText.OneLine(syntax);
        return syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax
            ? $"convert it: ({t}){text}"
            : $"convert it: ({t})({text})";
    }

    /// <summary>The text of a numeric literal, with its sign when negated (<c>-0.5</c>), or null.</summary>
    private static string? LiteralText(SyntaxNode syntax) => syntax switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) => literal.Token.Text,
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } minus
            when minus.IsKind(SyntaxKind.UnaryMinusExpression) && literal.IsKind(SyntaxKind.NumericLiteralExpression) => "-" + literal.Token.Text,
        _ => null,
    };

    private static string CallFix(IMethodSymbol method, ElementType element, string t) =>
        (FormulaFunctions.LibraryOf(method.ContainingType), element) switch
        {
            (FunctionLibrary.Math, ElementType.Single) => $"call MathF.{method.Name}, which computes in float",
            (FunctionLibrary.MathF, ElementType.Double) => $"call Math.{method.Name}, which computes in double",
            (FunctionLibrary.FusedMath, _) => $"pass {t} arguments, so that the {t} overload of FusedMath.{method.Name} is called",
            _ => $"call a method that computes in {t}",
        };

    private static string Generic(string t) => $"every value of a {t} formula must be a {t}";
}
