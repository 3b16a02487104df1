using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Activations;
using FusedActivations.Generator.Activations.Elu;
using FusedActivations.Generator.Activations.InverseSoftplus;
using FusedActivations.Generator.Activations.LeakyRelu;
using FusedActivations.Generator.Activations.Silu;
using FusedActivations.Generator.Activations.Softplus;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Model.Formulas;
using Microsoft.CodeAnalysis;

namespace FusedActivations.Generator.Parsing.Fused;

/// <summary>The library a formula calls a function of.</summary>
internal enum FunctionLibrary
{
    /// <summary>Not one of the libraries below: only formula methods of the same type may be called then.</summary>
    None,

    /// <summary><c>System.Math</c>.</summary>
    Math,

    /// <summary><c>System.MathF</c>.</summary>
    MathF,

    /// <summary><c>FusedActivations.FusedMath</c>.</summary>
    FusedMath,
}

/// <summary>
/// A numeric parameter of a <c>FusedMath</c> activation after its argument (beta, threshold, alpha, negativeSlope):
/// its default (the attribute's, used by the overloads without it) and its validation, the attribute's.
/// </summary>
/// <param name="Name">The parameter's name in <c>FusedMath</c>.</param>
/// <param name="Default">The value of the overloads that leave it out.</param>
/// <param name="Validate">The diagnostic for a value (element type, formula name, location), or null when it is valid.</param>
internal sealed record ActivationParameter(string Name, double Default, Func<double, ElementType, string, LocationInfo?, DiagnosticInfo?> Validate);

/// <summary>A <c>FusedMath</c> activation: its constant parameters after <c>x</c>, and the spec built from their values.</summary>
internal sealed record ActivationFunction(string Name, ImmutableArray<ActivationParameter> Parameters, Func<IReadOnlyList<double>, ActivationSpec> Build);

/// <summary>
/// What a formula may call: <c>Math</c>/<c>MathF</c> functions (<see cref="MathFunctions"/>), <c>FusedMath.Log1P</c>
/// and <c>ExpM1</c>, and every <c>FusedMath</c> activation with the rules of its attribute
/// (<see cref="Activations"/>). The activations without parameters come from <see cref="ActivationRegistry"/>, so a new
/// one is callable as soon as it is registered.
/// </summary>
internal static class FormulaFunctions
{
    /// <summary>The <c>Math</c>/<c>MathF</c> functions by name and argument count; <c>Tanh</c> is the Tanh activation instead.</summary>
    public static readonly ImmutableDictionary<(string Name, int Arguments), MathFunction> MathFunctions = new Dictionary<(string, int), MathFunction>
    {
        [("Abs", 1)] = MathFunction.Abs,
        [("Min", 2)] = MathFunction.Min,
        [("Max", 2)] = MathFunction.Max,
        [("Clamp", 3)] = MathFunction.Clamp,
        [("Exp", 1)] = MathFunction.Exp,
        [("Log", 1)] = MathFunction.Log,
        [("Sqrt", 1)] = MathFunction.Sqrt,
        [("FusedMultiplyAdd", 3)] = MathFunction.FusedMultiplyAdd,
    }.ToImmutableDictionary();

    /// <summary>The <c>FusedMath</c> functions that are not activations, by name (one argument each).</summary>
    public static readonly ImmutableDictionary<string, MathFunction> FusedMathFunctions = new Dictionary<string, MathFunction>
    {
        ["Log1P"] = MathFunction.Log1P,
        ["ExpM1"] = MathFunction.ExpM1,
    }.ToImmutableDictionary();

    /// <summary>The <c>FusedMath</c> activations by name.</summary>
    public static readonly ImmutableDictionary<string, ActivationFunction> Activations = CreateActivations();

    /// <summary>What a formula may call, for messages.</summary>
    public const string Supported =
        "a formula may call Math or MathF Abs, Min, Max, Clamp, Exp, Log (one argument), Sqrt, FusedMultiplyAdd and Tanh, "
        + "the FusedMath activations and FusedMath.Log1P and ExpM1, and other formula methods of its own type";

    /// <summary>Which library <paramref name="type"/> is.</summary>
    public static FunctionLibrary LibraryOf(INamedTypeSymbol? type) => type switch
    {
        { Name: "Math", ContainingType: null } when InNamespace(type, "System") => FunctionLibrary.Math,
        { Name: "MathF", ContainingType: null } when InNamespace(type, "System") => FunctionLibrary.MathF,
        { Name: "FusedMath", ContainingType: null } when InNamespace(type, ActivationAttributes.Namespace) => FunctionLibrary.FusedMath,
        _ => FunctionLibrary.None,
    };

    private static bool InNamespace(INamedTypeSymbol type, string name) =>
        type.ContainingNamespace is { Name: var ns, ContainingNamespace.IsGlobalNamespace: true } && ns == name;

    private static ImmutableDictionary<string, ActivationFunction> CreateActivations()
    {
        var functions = new Dictionary<string, ActivationFunction>(StringComparer.Ordinal);
        foreach (Activation activation in ActivationRegistry.All.OfType<ParameterlessActivation>())
        {
            string name = activation.Name;
            functions[name] = new ActivationFunction(name, ImmutableArray<ActivationParameter>.Empty, _ => new ParameterlessSpec(name));
        }

        Add(new("Softplus", ImmutableArray.Create(Beta(SoftplusArguments.DefaultBeta, SoftplusArguments.BetaProblem), Threshold()), p => new SoftplusSpec(p[0], p[1])));
        Add(new("Silu", ImmutableArray.Create(Beta(SiluActivation.DefaultBeta, ParameterChecks.SupportedBeta)), p => new SiluSpec(p[0])));
        Add(new("InverseSoftplus", ImmutableArray.Create(Beta(InverseSoftplusActivation.DefaultBeta, ParameterChecks.SupportedBeta)), p => new InverseSoftplusSpec(p[0])));
        Add(new("Elu", ImmutableArray.Create(Checked("alpha", EluActivation.DefaultAlpha, ParameterChecks.PositiveFinite, DiagnosticDescriptors.InvalidAlpha)), p => new EluSpec(p[0])));
        Add(new("LeakyRelu", ImmutableArray.Create(Checked("negativeSlope", LeakyReluActivation.DefaultNegativeSlope, ParameterChecks.Finite, DiagnosticDescriptors.InvalidNegativeSlope)), p => new LeakyReluSpec(p[0])));
        Add(new("Gelu", ImmutableArray<ActivationParameter>.Empty, _ => new GeluSpec(false)));
        Add(new("GeluTanh", ImmutableArray<ActivationParameter>.Empty, _ => new GeluSpec(true)));
        return functions.ToImmutableDictionary(StringComparer.Ordinal);

        void Add(ActivationFunction function) => functions[function.Name] = function;
    }

    private static ActivationParameter Beta(double defaultValue, Func<double, ElementType?, string?> problemOf) =>
        Checked("beta", defaultValue, problemOf, DiagnosticDescriptors.InvalidBeta);

    /// <summary>A parameter checked like the attribute's property: the same rule, the same diagnostic and message.</summary>
    private static ActivationParameter Checked(string name, double defaultValue, Func<double, ElementType?, string?> problemOf, DiagnosticDescriptor descriptor) =>
        new(name, defaultValue, (value, element, formula, location) =>
            problemOf(value, element) is { } problem
                ? DiagnosticInfo.Create(descriptor, location, AttributeArguments.Format(value), formula, problem)
                : null);

    /// <summary>Softplus's threshold: anything but NaN (FA1007), as <c>SoftplusArguments</c> reads the attribute's.</summary>
    private static ActivationParameter Threshold() =>
        new("threshold", SoftplusArguments.DefaultThreshold, (value, _, formula, location) =>
            double.IsNaN(value) ? DiagnosticInfo.Create(DiagnosticDescriptors.InvalidThreshold, location, formula) : null);
}
