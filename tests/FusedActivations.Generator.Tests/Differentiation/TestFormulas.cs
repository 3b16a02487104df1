using System;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Differentiation;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Xunit;

namespace FusedActivations.Generator.Tests.Differentiation;

/// <summary>Forward formulas written directly in the IR (as the parser would lower them), and their gradients.</summary>
internal static class TestFormulas
{
    public static FormulaNode P(int index) => new ParameterNode(index);

    public static FormulaNode L(int index) => new LocalNode(index);

    public static FormulaSpec Formula(ElementType element, string[] parameters, FormulaNode[] locals, params FormulaNode[] results) =>
        new(element,
            new EquatableArray<string>(parameters.ToImmutableArray()),
            new EquatableArray<FormulaNode>(locals.ToImmutableArray()),
            new EquatableArray<FormulaNode>(results.ToImmutableArray()),
            "test formula");

    /// <summary>A formula of one result without locals.</summary>
    public static FormulaSpec Formula(ElementType element, string[] parameters, FormulaNode result) =>
        Formula(element, parameters, Array.Empty<FormulaNode>(), result);

    /// <summary>The gradient (every parameter elementwise unless given), checked to be a well-formed formula.</summary>
    public static FormulaSpec Gradient(FormulaSpec forward, params StreamKind[] kinds)
    {
        StreamKind[] all = kinds.Length > 0 ? kinds : Enumerable.Repeat(StreamKind.Elementwise, forward.Parameters.Count).ToArray();
        FormulaSpec gradient = FormulaGradient.Derive(forward, all) ?? throw new Xunit.Sdk.XunitException("No gradient for " + forward);
        AssertWellFormed(gradient, forward);
        return gradient;
    }

    /// <summary>Every local refers only to earlier locals, every parameter exists, the element type is the forward one.</summary>
    public static void AssertWellFormed(FormulaSpec gradient, FormulaSpec forward)
    {
        Assert.Equal(forward.Element, gradient.Element);
        Assert.Equal(forward.Parameters.Count + forward.Results.Count, gradient.Parameters.Count);
        for (int i = 0; i < gradient.Locals.Count; i++)
        {
            AssertReferences(gradient.Locals[i], i, gradient.Parameters.Count);
        }

        foreach (FormulaNode result in gradient.Results)
        {
            AssertReferences(result, gradient.Locals.Count, gradient.Parameters.Count);
        }
    }

    private static void AssertReferences(FormulaNode node, int localsBefore, int parameters)
    {
        switch (node)
        {
            case ParameterNode p:
                Assert.InRange(p.Index, 0, parameters - 1);
                break;
            case LocalNode l:
                Assert.InRange(l.Index, 0, localsBefore - 1);
                break;
            case NegateNode n:
                AssertReferences(n.Operand, localsBefore, parameters);
                break;
            case BinaryNode b:
                AssertReferences(b.Left, localsBefore, parameters);
                AssertReferences(b.Right, localsBefore, parameters);
                break;
            case ConditionalNode c:
                AssertReferences(c.Left, localsBefore, parameters);
                AssertReferences(c.Right, localsBefore, parameters);
                AssertReferences(c.WhenTrue, localsBefore, parameters);
                AssertReferences(c.WhenFalse, localsBefore, parameters);
                break;
            case MathNode m:
                foreach (FormulaNode argument in m.Arguments)
                {
                    AssertReferences(argument, localsBefore, parameters);
                }

                break;
            case ActivationNode a:
                AssertReferences(a.Argument, localsBefore, parameters);
                break;
            case WidenedNode w:
                // The body is a formula of its own: parameter 0 is the argument, and it has no locals.
                AssertReferences(w.Body, 0, 1);
                AssertReferences(w.Argument, localsBefore, parameters);
                break;
        }
    }
}
