using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Analyzers.Matching;

/// <summary>What a recognised call computes.</summary>
internal enum MathFunction
{
    None,
    Log,
    Exp,
    LogP1,
    ExpM1,
    Abs,
    Min,
    Max,
    Add,
    Subtract,
    Multiply,
    Divide,
    Negate,
    /// <summary><c>Vector128.Create(value)</c> and friends: a broadcast.</summary>
    Broadcast,
    /// <summary><c>T.CreateChecked(value)</c> and friends: a numeric conversion.</summary>
    Convert,
    /// <summary><c>TensorPrimitives.LogP1(x, destination)</c>.</summary>
    SpanLogP1,
    /// <summary><c>TensorPrimitives.ExpM1(x, destination)</c>.</summary>
    SpanExpM1,
    /// <summary><c>Math.Tanh</c>, <c>MathF.Tanh</c>, <c>T.Tanh</c> (scalar hosts only).</summary>
    Tanh,
    /// <summary><c>Enumerable.Sum(source)</c> or <c>Enumerable.Sum(source, selector)</c>.</summary>
    Sum,
    /// <summary><c>Enumerable.Select(source, selector)</c>.</summary>
    Select,
}

/// <summary>
/// The types whose static members spell the math functions: <c>Math</c>, <c>MathF</c>, <c>double</c>, <c>float</c>,
/// the generic-math interfaces (<c>T.Log</c>), the SIMD vector helpers (<c>Vector128.Log</c>) and TensorPrimitives.
/// Resolved once per compilation; classifying a call is a name switch plus a hash lookup.
/// </summary>
internal sealed class KnownSymbols
{
    private readonly HashSet<INamedTypeSymbol> _scalarHosts = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _vectorHosts = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _vectorTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _identityHosts = new(SymbolEqualityComparer.Default);

    private KnownSymbols(Compilation compilation)
    {
        AddIfFound(_scalarHosts, compilation, "System.Math");
        AddIfFound(_scalarHosts, compilation, "System.MathF");
        AddIfFound(_scalarHosts, compilation, "System.Double");
        AddIfFound(_scalarHosts, compilation, "System.Single");
        AddIfFound(_scalarHosts, compilation, "System.Numerics.ILogarithmicFunctions`1");
        AddIfFound(_scalarHosts, compilation, "System.Numerics.IExponentialFunctions`1");
        AddIfFound(_scalarHosts, compilation, "System.Numerics.IHyperbolicFunctions`1");
        AddIfFound(_scalarHosts, compilation, "System.Numerics.INumberBase`1");
        AddIfFound(_scalarHosts, compilation, "System.Numerics.INumber`1");

        AddIfFound(_vectorHosts, compilation, "System.Numerics.Vector");
        AddIfFound(_vectorHosts, compilation, "System.Runtime.Intrinsics.Vector64");
        AddIfFound(_vectorHosts, compilation, "System.Runtime.Intrinsics.Vector128");
        AddIfFound(_vectorHosts, compilation, "System.Runtime.Intrinsics.Vector256");
        AddIfFound(_vectorHosts, compilation, "System.Runtime.Intrinsics.Vector512");

        AddIfFound(_vectorTypes, compilation, "System.Numerics.Vector`1");
        AddIfFound(_vectorTypes, compilation, "System.Runtime.Intrinsics.Vector64`1");
        AddIfFound(_vectorTypes, compilation, "System.Runtime.Intrinsics.Vector128`1");
        AddIfFound(_vectorTypes, compilation, "System.Runtime.Intrinsics.Vector256`1");
        AddIfFound(_vectorTypes, compilation, "System.Runtime.Intrinsics.Vector512`1");

        AddIfFound(_identityHosts, compilation, "System.Numerics.INumberBase`1");
        AddIfFound(_identityHosts, compilation, "System.Numerics.IMultiplicativeIdentity`2");
        foreach (INamedTypeSymbol vectorType in _vectorTypes)
        {
            _identityHosts.Add(vectorType);
        }

        TensorPrimitives = compilation.GetTypeByMetadataName("System.Numerics.Tensors.TensorPrimitives");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        FusedAttribute = compilation.GetTypeByMetadataName("FusedActivations.FusedAttribute");
    }

    /// <summary><c>System.Numerics.Tensors.TensorPrimitives</c>, if referenced.</summary>
    public INamedTypeSymbol? TensorPrimitives { get; }

    /// <summary><c>System.Linq.Enumerable</c>, if referenced.</summary>
    public INamedTypeSymbol? Enumerable { get; }

    /// <summary><c>FusedActivations.FusedAttribute</c>, if the project references the library (FA2012 needs it).</summary>
    public INamedTypeSymbol? FusedAttribute { get; }

    /// <summary>Resolves the symbols of <paramref name="compilation"/>.</summary>
    public static KnownSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>
    /// Whether <paramref name="property"/> is a static <c>One</c> (or <c>MultiplicativeIdentity</c>) of a numeric
    /// interface or vector type: <c>T.One</c>, <c>Vector128&lt;float&gt;.One</c>.
    /// </summary>
    public bool IsOneProperty(IPropertySymbol property) =>
        property.IsStatic
        && property.Name is "One" or "MultiplicativeIdentity"
        && property.ContainingType is { } type
        && _identityHosts.Contains(type.OriginalDefinition);

    /// <summary>Which function <paramref name="method"/> computes, or <see cref="MathFunction.None"/>.</summary>
    public MathFunction Classify(IMethodSymbol method)
    {
        // The name switch first: almost every call in a program stops here.
        MathFunction byName = method.Name switch
        {
            "Log" => MathFunction.Log,
            "Exp" => MathFunction.Exp,
            "LogP1" => MathFunction.LogP1,
            "ExpM1" => MathFunction.ExpM1,
            "Tanh" => MathFunction.Tanh,
            "Abs" => MathFunction.Abs,
            "Min" => MathFunction.Min,
            "Max" => MathFunction.Max,
            "Add" => MathFunction.Add,
            "Subtract" => MathFunction.Subtract,
            "Multiply" => MathFunction.Multiply,
            "Divide" => MathFunction.Divide,
            "Negate" => MathFunction.Negate,
            "Create" => MathFunction.Broadcast,
            "CreateChecked" or "CreateSaturating" or "CreateTruncating" => MathFunction.Convert,
            "Sum" => MathFunction.Sum,
            "Select" => MathFunction.Select,
            _ => MathFunction.None,
        };
        if (byName == MathFunction.None || !method.IsStatic || method.ContainingType is not { } containing)
        {
            return MathFunction.None;
        }

        INamedTypeSymbol type = containing.OriginalDefinition;
        int arity = method.Parameters.Length;
        if (_scalarHosts.Contains(type))
        {
            return byName switch
            {
                MathFunction.Log or MathFunction.Exp or MathFunction.LogP1 or MathFunction.ExpM1 or MathFunction.Abs
                    or MathFunction.Tanh or MathFunction.Convert when arity == 1 => byName,
                MathFunction.Min or MathFunction.Max when arity == 2 => byName,
                _ => MathFunction.None,
            };
        }

        if (_vectorHosts.Contains(type))
        {
            return byName switch
            {
                MathFunction.Log or MathFunction.Exp or MathFunction.Abs or MathFunction.Negate when arity == 1 => byName,
                MathFunction.Broadcast when arity == 1 && method.Parameters[0].Type is { } p
                    && (p.TypeKind == TypeKind.TypeParameter || p.SpecialType is SpecialType.System_Single or SpecialType.System_Double) => byName,
                MathFunction.Min or MathFunction.Max or MathFunction.Add or MathFunction.Subtract or MathFunction.Multiply
                    or MathFunction.Divide when arity == 2 => byName,
                _ => MathFunction.None,
            };
        }

        if (byName is MathFunction.Sum or MathFunction.Select)
        {
            // Sum(source) and Sum(source, selector) of double or float; Select(source, selector) without the index.
            bool isLinq = Enumerable is not null && SymbolEqualityComparer.Default.Equals(type, Enumerable);
            return isLinq && (arity == 2 || (arity == 1 && byName == MathFunction.Sum)) ? byName : MathFunction.None;
        }

        if (TensorPrimitives is not null && SymbolEqualityComparer.Default.Equals(type, TensorPrimitives) && arity == 2)
        {
            return byName switch
            {
                MathFunction.LogP1 => MathFunction.SpanLogP1,
                MathFunction.ExpM1 => MathFunction.SpanExpM1,
                _ => MathFunction.None,
            };
        }

        return MathFunction.None;
    }

    private static void AddIfFound(HashSet<INamedTypeSymbol> set, Compilation compilation, string metadataName)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } type)
        {
            set.Add(type);
        }
    }
}
