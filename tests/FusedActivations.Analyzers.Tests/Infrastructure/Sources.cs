namespace FusedActivations.Analyzers.Tests.Infrastructure;

/// <summary>Wraps a test expression in a method whose parameters x, y, a, b have the element type under test.</summary>
internal static class Sources
{
    public const string Usings = """
        using System;
        using System.Numerics;
        using System.Numerics.Tensors;
        using System.Runtime.Intrinsics;
        using FusedActivations;

        """;

    /// <summary>
    /// A class with one method returning <paramref name="expression"/>. <paramref name="kind"/>: D (double), F (float),
    /// G (generic T : IFloatingPointIeee754&lt;T&gt;), V128F, V256D, V512D, VT (Vector&lt;double&gt;).
    /// </summary>
    public static string Expression(string kind, string expression)
    {
        string type = kind switch
        {
            "D" => "double",
            "F" => "float",
            "G" => "T",
            "V128F" => "Vector128<float>",
            "V256D" => "Vector256<double>",
            "V512D" => "Vector512<double>",
            "VT" => "Vector<double>",
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
        };
        string generic = kind == "G" ? "<T>" : string.Empty;
        string constraint = kind == "G" ? " where T : IFloatingPointIeee754<T>" : string.Empty;
        return Usings + $$"""
            static class C
            {
                static {{type}} M{{generic}}({{type}} x, {{type}} y, {{type}} a, {{type}} b){{constraint}} => {{expression}};
            }
            """;
    }
}
