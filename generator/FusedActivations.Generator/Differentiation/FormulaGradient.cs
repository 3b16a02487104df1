using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FusedActivations.Generator.Emitting;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;

namespace FusedActivations.Generator.Differentiation;

/// <summary>
/// Derives the gradient formula of a forward formula symbolically (chain rule over <see cref="FormulaNode"/>s; the
/// activations' rules are their <c>Activation.Derivative</c> slots, the math functions' are
/// <see cref="MathDerivatives"/>).
/// </summary>
/// <remarks>
/// <para>
/// Reverse mode over the formula's DAG (<see cref="ReversePass"/>): a local, or any subformula used twice, gets its
/// gradient summed once, so the gradient grows linearly with the formula. The gradient reuses the forward values it
/// needs (the forward locals stay locals) and adds locals for what it shares itself (<see cref="GradientAssembly"/>).
/// </para>
/// <para>
/// It is simplified only where that is exact in IEEE arithmetic (<see cref="ExactAlgebra"/>): no <c>0 * x = 0</c>.
/// Two conventions are not plain products, both PyTorch's: the gradient of a conditional (and of Min, Max, Clamp)
/// flows through the branch it picks and is 0 by selection elsewhere, and a derivative rule that is 0 on one side of
/// a comparison selects 0 there (<c>relu'</c>), so an infinite or NaN incoming gradient does not leak into a branch
/// where the derivative is 0 (<see cref="BranchedSum"/>). One difference from PyTorch, for the better: a branch not
/// taken contributes 0 even when its own derivative is infinite there (<c>x &gt; 0 ? x : exp(x) - 1</c> at x = 100
/// has gradient 1, where <c>torch.where</c> gives NaN; also when the branch uses a local twice). The exception: a
/// subformula used in several branches, not all of them under one comparison, gets its gradient summed with a
/// selected 0 for the branches not taken, and that 0 times an infinite derivative below it is NaN, as in PyTorch.
/// </para>
/// </remarks>
internal static class FormulaGradient
{
    /// <summary>
    /// The deepest formula (<see cref="FormulaDepth"/>) that is differentiated. The derivation recurses once per level
    /// and, before the JIT optimises it, takes about 800 bytes of stack per level (measured on .NET 10 x64): 500 levels
    /// fit in a 1 MB thread stack (the Windows thread pool's, where IDEs run generators) with the 128 KB that
    /// <see cref="RuntimeHelpers.EnsureSufficientExecutionStack"/> keeps free. A fixed limit makes the diagnostic the same
    /// on every machine and run; the stack check stays as the guard for smaller stacks.
    /// </summary>
    public const int MaxDepth = 500;

    /// <summary>
    /// The gradient formula of <paramref name="forward"/>: its parameters are the forward parameters followed by one
    /// output gradient per forward result (named <c>grad0</c>, <c>grad1</c>, ..., with <c>_1</c>, <c>_2</c>, ... appended
    /// where a forward parameter has the name); its results, one per forward parameter whose kind is not
    /// <see cref="StreamKind.Scalar"/>, in order, are <c>sum over k of grad_k * dF_k/dparameter</c>, per element (the
    /// literal 0 for a parameter the results do not depend on). <paramref name="kinds"/> has one entry per forward
    /// parameter (a missing one counts as elementwise). Null when a function in the formula has no derivative rule
    /// yet, and when the formula is not one the parser makes (a parameter or local out of range, a null node, a math
    /// call with the wrong number of arguments, deeper than <see cref="MaxDepth"/>, nesting so deep that the stack runs low).
    /// </summary>
    public static FormulaSpec? Derive(FormulaSpec forward, IReadOnlyList<StreamKind> kinds)
    {
        try
        {
            return DeriveOrNull(forward, kinds);
        }
        catch (InsufficientExecutionStackException)
        {
            return null;
        }
    }

    private static FormulaSpec? DeriveOrNull(FormulaSpec forward, IReadOnlyList<StreamKind> kinds)
    {
        if (FormulaDepth.Of(forward) > MaxDepth)
        {
            return null;
        }

        int parameterCount = forward.Parameters.Count;
        var nodes = new CanonicalNodes();
        var algebra = new ExactAlgebra(nodes);
        var namedByForward = new HashSet<FormulaNode>(ReferenceComparer.Instance);
        var checkedNodes = new HashSet<FormulaNode>(ReferenceComparer.Instance);
        foreach (FormulaNode local in forward.Locals)
        {
            if (nodes.Intern(local) is not { } definition || !ParametersInRange(definition, parameterCount, checkedNodes))
            {
                return null;
            }

            nodes.DefineLocal(definition);
            namedByForward.Add(definition);
        }

        var results = new List<FormulaNode>(forward.Results.Count);
        var seeds = new List<FormulaNode>(forward.Results.Count);
        foreach (FormulaNode result in forward.Results)
        {
            if (nodes.Intern(result) is not { } canonical || !ParametersInRange(canonical, parameterCount, checkedNodes))
            {
                return null;
            }

            seeds.Add(algebra.Canonical(new ParameterNode(parameterCount + results.Count)));
            results.Add(canonical);
        }

        FormulaNode[]? gradients = ReversePass.Run(results, seeds, kinds, parameterCount, ElementInfo.For(forward.Element), algebra);
        if (gradients is null)
        {
            return null;
        }

        (EquatableArray<FormulaNode> locals, EquatableArray<FormulaNode> written) = GradientAssembly.Assemble(gradients, namedByForward);
        ImmutableArray<string> gradientNames = GradientNames(forward.Parameters, forward.Results.Count);
        return new FormulaSpec(
            forward.Element,
            new EquatableArray<string>(forward.Parameters.ToImmutableArray().AddRange(gradientNames)),
            locals,
            written,
            Display(forward, kinds, gradientNames));
    }

    /// <summary>Whether every parameter <paramref name="node"/> reads is one of the formula's (nodes already checked are skipped).</summary>
    private static bool ParametersInRange(FormulaNode node, int parameterCount, HashSet<FormulaNode> checkedNodes)
    {
        if (!checkedNodes.Add(node))
        {
            return true;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is ParameterNode parameter)
        {
            return parameter.Index >= 0 && parameter.Index < parameterCount;
        }

        foreach (FormulaNode child in GradientAssembly.Children(node))
        {
            if (!ParametersInRange(child, parameterCount, checkedNodes))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>grad0</c>, <c>grad1</c>, ..., each followed by <c>_1</c>, <c>_2</c>, ... while a forward parameter has its name.</summary>
    private static ImmutableArray<string> GradientNames(EquatableArray<string> parameters, int count)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (string parameter in parameters)
        {
            taken.Add(parameter.TrimStart('@'));
        }

        var names = ImmutableArray.CreateBuilder<string>(count);
        for (int k = 0; k < count; k++)
        {
            string name = "grad" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (int suffix = 1; taken.Contains(name); suffix++)
            {
                name = "grad" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            names.Add(name);
        }

        return names.MoveToImmutable();
    }

    /// <summary>E.g. <c>grad0 * d/d(raw, bias) [FusedMath.Softplus(raw + bias, 2f) + 1e-6f]</c>.</summary>
    private static string Display(FormulaSpec forward, IReadOnlyList<StreamKind> kinds, ImmutableArray<string> gradientNames)
    {
        var differentiated = new List<string>();
        for (int i = 0; i < forward.Parameters.Count; i++)
        {
            if ((i < kinds.Count ? kinds[i] : StreamKind.Elementwise) != StreamKind.Scalar)
            {
                differentiated.Add(forward.Parameters[i]);
            }
        }

        string weights = gradientNames.Length == 1 ? gradientNames[0] : "(" + string.Join(", ", gradientNames) + ")";
        return weights + " * d/d(" + string.Join(", ", differentiated) + ") [" + forward.Display + "]";
    }
}
