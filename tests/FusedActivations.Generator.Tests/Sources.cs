namespace FusedActivations.Generator.Tests;

/// <summary>Building blocks of test sources.</summary>
internal static class Sources
{
    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = """
        using System;
        using FusedActivations;

        """;

    /// <summary><paramref name="members"/> inside <c>public static partial class Act</c> in namespace <c>Tests</c>.</summary>
    public static string InActivationClass(string members) => Usings + $$"""
        namespace Tests;

        public static partial class Act
        {
        {{members}}
        }
        """;
}
